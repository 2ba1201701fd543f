import {
  KEY_CARD_FORMAT,
  keyCard,
  type ExchangeOverviewDto,
  type KeyCard,
  type KeyCardDto,
  type KeyCardPreviewDto,
  type TrustedOfficeDto,
} from '../../contract';
import type { TrustedOfficeRow } from '../../../db';
import { isoNow } from '../clock';
import type { ServiceContext } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { fingerprintOf, verifyInstallationSignature, type InstallationKeys } from '../installationKeys/keys';
import { restoreNotices } from './resync';

// Trust between offices (issue 14): each installation hands the other its 机构密钥卡 (its
// office and two public keys); both sides show the same short fingerprint, which the two
// administrators compare by phone before trusting. Only the county centre and township
// committees exchange, and only across that line: a township trusts the county, the county
// its townships. A trusted office can be revoked; its packages are refused from then on.

export type ExchangeOfficeKind = 'county_center' | 'township';

export function exchangeKind(ctx: ServiceContext): ExchangeOfficeKind | null {
  const kind = ctx.office.kind;
  return kind === 'county_center' || kind === 'township' ? kind : null;
}

function requireExchangeOffice(ctx: ServiceContext): ExchangeOfficeKind {
  const kind = exchangeKind(ctx);
  if (!kind) throw new ConflictError('本机构不是县调解中心或乡镇调委会，不参与县乡数据交换');
  return kind;
}

/** What a card's binding signs: its office and both keys, one per line. */
const BINDING_PURPOSE = 'exchange/key-card/v2';
const bindingBytes = (card: Pick<KeyCard, 'office' | 'signing' | 'agreement'>) =>
  Buffer.from(
    [card.office.id, card.office.kind, card.office.name, card.signing, card.agreement].join('\n'),
    'utf8',
  );

export function ownKeyCard(ctx: ServiceContext, keys: InstallationKeys): KeyCardDto {
  const kind = requireExchangeOffice(ctx);
  const unsigned = {
    office: { id: ctx.office.id, name: ctx.office.name, kind },
    signing: keys.publicKeys.signing,
    agreement: keys.publicKeys.agreement,
  };
  const card: KeyCard = {
    format: KEY_CARD_FORMAT,
    version: 2,
    ...unsigned,
    fingerprint: keys.fingerprint,
    binding: keys.sign(BINDING_PURPOSE, bindingBytes(unsigned)),
  };
  return {
    fileName: `机构密钥卡-${ctx.office.name}.json`,
    text: `${JSON.stringify(card, null, 2)}\n`,
    fingerprint: card.fingerprint,
    office: card.office,
  };
}

const cardIssue = (message: string) => ValidationError.field(['card'], '机构密钥卡', message);

/** Parses and checks a key card against this installation and its organisation catalogue. */
async function readCard(ctx: ServiceContext, keys: InstallationKeys, text: string): Promise<KeyCard> {
  const own = requireExchangeOffice(ctx);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw cardIssue('文件内容不是机构密钥卡（无法读取），请选择对方导出的“机构密钥卡-….json”文件');
  }
  const parsed = keyCard.safeParse(json);
  if (!parsed.success) throw cardIssue(parsed.error.issues[0]?.message ?? '密钥卡格式不正确');
  const card = parsed.data;
  if (fingerprintOf(card.signing) !== card.fingerprint)
    throw cardIssue('密钥卡已损坏或被改动：指纹与公钥不符，请让对方重新导出');
  // Without this, a card altered on its way could keep the fingerprint and swap in an agreement
  // key whose holder would then read every package sent to that office.
  if (!verifyInstallationSignature(card.signing, BINDING_PURPOSE, bindingBytes(card), card.binding))
    throw cardIssue('密钥卡已损坏或被改动：加密公钥或机构信息与签名不符，请让对方重新导出');
  if (card.office.id === ctx.office.id || card.signing === keys.publicKeys.signing)
    throw cardIssue('这是本机自己的密钥卡，请导入对方机构的密钥卡');
  if (card.office.kind === own)
    throw cardIssue(
      own === 'county_center'
        ? '县调解中心只能信任乡镇调委会的密钥卡'
        : '乡镇调委会只能信任县调解中心的密钥卡',
    );
  const org = await ctx.repos.catalog.organisation(card.office.id);
  if (!org || org.kind !== card.office.kind)
    throw cardIssue(`密钥卡中的机构“${card.office.name}”不在本机的调解组织目录中`);
  return { ...card, office: { ...card.office, name: org.name } };
}

function statusOf(row: TrustedOfficeRow | undefined, card: KeyCard): KeyCardPreviewDto['status'] {
  if (!row) return 'new';
  if (row.signingKey === card.signing && row.agreementKey === card.agreement && !row.revokedAt) return 'same';
  return 'replaces';
}

export async function previewKeyCard(
  ctx: ServiceContext,
  keys: InstallationKeys,
  text: string,
): Promise<KeyCardPreviewDto> {
  const card = await readCard(ctx, keys, text);
  return {
    office: card.office,
    fingerprint: card.fingerprint,
    status: statusOf(ctx.repos.exchange.trusted(card.office.id), card),
  };
}

export async function trustOffice(
  ctx: ServiceContext,
  keys: InstallationKeys,
  text: string,
  confirmedFingerprint: string,
): Promise<TrustedOfficeDto> {
  const card = await readCard(ctx, keys, text);
  if (confirmedFingerprint !== card.fingerprint)
    throw ValidationError.field(['fingerprint'], '指纹', '与密钥卡的指纹不一致，请与对方电话核对后重新输入');
  const existing = ctx.repos.exchange.trusted(card.office.id);
  const status = statusOf(existing, card);
  if (status === 'same')
    throw new ConflictError(`已信任${card.office.name}（指纹 ${card.fingerprint}），无需重复导入`);
  if (existing && !existing.revokedAt)
    throw new ConflictError(
      `已信任${card.office.name}的另一把密钥（指纹 ${existing.fingerprint}）。如对方重装了软件，请先撤销原信任再导入新的密钥卡`,
    );
  ctx.repos.exchange.saveTrust({
    officeId: card.office.id,
    officeName: card.office.name,
    officeKind: card.office.kind,
    signingKey: card.signing,
    agreementKey: card.agreement,
    fingerprint: card.fingerprint,
    trustedAt: isoNow(ctx.clock),
    trustedByName: ctx.actor.displayName,
    revokedAt: null,
    revokedByName: null,
    revokeReason: null,
  });
  ctx.audit.target = card.office.id;
  ctx.audit.detail = `${card.office.name}，指纹 ${card.fingerprint}`;
  return trustedDto(ctx, ctx.repos.exchange.trusted(card.office.id)!);
}

export function revokeOffice(ctx: ServiceContext, officeId: string, reason: string): TrustedOfficeDto {
  const row = ctx.repos.exchange.trusted(officeId);
  if (!row) throw new NotFoundError('未找到该信任机构');
  if (row.revokedAt) throw new ConflictError(`${row.officeName}的信任已于${row.revokedAt.slice(0, 10)}撤销`);
  ctx.repos.exchange.revoke(officeId, isoNow(ctx.clock), ctx.actor.displayName, reason);
  ctx.audit.target = officeId;
  ctx.audit.detail = `${row.officeName}，指纹 ${row.fingerprint}，原因：${reason}`;
  return trustedDto(ctx, ctx.repos.exchange.trusted(officeId)!);
}

function trustedDto(ctx: ServiceContext, row: TrustedOfficeRow): TrustedOfficeDto {
  const peer = ctx.repos.exchange.peerIfAny(row.officeId);
  return {
    officeId: row.officeId,
    officeName: row.officeName,
    officeKind: row.officeKind,
    fingerprint: row.fingerprint,
    trustedAt: row.trustedAt,
    trustedByName: row.trustedByName,
    revokedAt: row.revokedAt,
    revokedByName: row.revokedByName,
    revokeReason: row.revokeReason,
    lastSequenceOut: peer?.lastSequenceOut ?? 0,
    lastSequenceIn: peer?.lastSequenceIn ?? 0,
    acknowledgedOut: peer?.acknowledgedOut ?? 0,
  };
}

export function exchangeOverview(ctx: ServiceContext, keys: InstallationKeys): ExchangeOverviewDto {
  return {
    office: ctx.office,
    fingerprint: keys.fingerprint,
    mayExchange: exchangeKind(ctx) !== null,
    trusted: ctx.repos.exchange.trustedOffices().map((r) => trustedDto(ctx, r)),
    restoreNotices: restoreNotices(ctx.repos),
  };
}
