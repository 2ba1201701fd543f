import { randomUUID } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PeerRow } from '../../../db';
import type { ExchangePackageDto } from '../../contract';
import {
  countsText,
  exchangeTables,
  type ExchangeLine,
  type ExchangeTable,
} from '../../contract/exchange/records';
import { isoNow } from '../clock';
import type { ServiceContext } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { InstallationKeys } from '../installationKeys/keys';
import { MAX_SENT_HEADS } from './manifest';
import { writeExchangePackage } from './packageWriter';
import { nextSequence, resyncHeader } from './resync';
import { recordSentSequence } from './sequenceAnchor';
import { exchangeKind } from './trust';

// Generating township ⇄ county packages (issue 14; importing: ./receive.ts). A package to a
// peer carries this office's records the peer has not acknowledged, the receipt for the peer's
// packages imported here, and this installation's audit head.

const PAGE = 1000;

export function trustedPeer(ctx: ServiceContext, officeId: string) {
  if (!exchangeKind(ctx)) throw new ConflictError('本机构不是县调解中心或乡镇调委会，不参与县乡数据交换');
  const peer = ctx.repos.exchange.trusted(officeId);
  if (!peer) throw new NotFoundError('未找到该信任机构，请先导入对方的机构密钥卡');
  if (peer.revokedAt) throw new ConflictError(`对${peer.officeName}的信任已撤销，不能再向其发送数据包`);
  return peer;
}

export function packageFileName(from: string, to: string, sequence: number): string {
  return `县乡数据交换-${from}至${to}-第${String(sequence).padStart(4, '0')}号.zip`;
}

async function requireFolder(folder: string): Promise<void> {
  const info = await stat(folder).catch(() => null);
  if (!info) await mkdir(folder, { recursive: true }).catch(() => undefined);
  const again = await stat(folder).catch(() => null);
  if (!again?.isDirectory())
    throw ValidationError.field(['folder'], '保存位置', '该文件夹不存在且无法创建，请换一个位置（如U盘）');
}

/**
 * Which records go to this peer: its catalogue rows, the township's cases and ledgers; and when
 * the peer restored a backup and asked for everything again, the records it owns that we hold
 * too (what it made after its backup and sent us: its villages, committees and roster, or the
 * county's catalogue), so that our answer names nothing it lacks.
 */
function rowsQuery(ctx: ServiceContext, peerOfficeId: string, state: PeerRow | undefined) {
  const townshipSends = exchangeKind(ctx) === 'township';
  const township = townshipSends ? ctx.office.id : peerOfficeId;
  return {
    peerOfficeId,
    ownOfficeId: ctx.office.id,
    township,
    townshipOrganisations: ctx.repos.caseScope.under([township]).map((o) => o.id),
    townshipSends,
    returnsPeersOwn: Boolean(state?.resendDue),
  };
}

/** Whose villages go: ours, and the peer's own when we answer its restore (rowsQuery). */
const villageOwners = (ctx: ServiceContext, q: ReturnType<typeof rowsQuery>) =>
  q.returnsPeersOwn ? [ctx.office.id, q.peerOfficeId] : [ctx.office.id];

/** Files too large for a package (an archived dossier PDF with large scans): they stay here, and the sender is told. */
function tooLargeFiles(ctx: ServiceContext, query: ReturnType<typeof rowsQuery>): number {
  let n = 0;
  for (const t of exchangeTables) if (t !== 'villages') n += ctx.repos.exchangeRows.countTooLarge(t, query);
  return n;
}

function zeroCounts(): Record<ExchangeTable, number> {
  return Object.fromEntries(exchangeTables.map((t) => [t, 0])) as Record<ExchangeTable, number>;
}

/** What the next package to this office would carry. */
export function packagePlan(ctx: ServiceContext, officeId: string, dataDir: string) {
  const peer = trustedPeer(ctx, officeId);
  const state = ctx.repos.exchange.peerIfAny(officeId);
  const counts = zeroCounts();
  const query = rowsQuery(ctx, officeId, state);
  counts.villages = ctx.repos.exchangeVillages.countChangedVillages(officeId, villageOwners(ctx, query));
  for (const t of exchangeTables)
    if (t !== 'villages') counts[t] = ctx.repos.exchangeRows.countChanged(t, query);
  return {
    officeId,
    officeName: peer.officeName,
    sequence: nextSequence(state, dataDir, officeId),
    counts,
    receiptThrough: state?.lastSequenceIn ?? 0,
    tooLarge: tooLargeFiles(ctx, query),
  };
}

export async function generatePackage(
  ctx: ServiceContext,
  keys: InstallationKeys,
  input: { officeId: string; folder: string },
  /** Where the highest sequence sent is kept outside the database (./sequenceAnchor.ts). */
  dataDir: string,
): Promise<ExchangePackageDto> {
  const peer = trustedPeer(ctx, input.officeId);
  await requireFolder(input.folder);
  const { repos } = ctx;
  const state = repos.exchange.peer(peer.officeId);
  const sequence = nextSequence(state, dataDir, peer.officeId);
  const head = repos.audit.last();
  const lastSent = repos.exchange.lastSent(peer.officeId);
  const previousRow = lastSent ? repos.audit.bySeq(lastSent.auditSeq) : undefined;
  const createdAt = isoNow(ctx.clock);
  const fileName = packageFileName(ctx.office.name, peer.officeName, sequence);
  const path = join(input.folder, fileName);
  const counts = zeroCounts();
  const query = rowsQuery(ctx, peer.officeId, state);
  const changed = (t: ExchangeTable, after: string) =>
    t === 'villages'
      ? repos.exchangeVillages.changedVillages(peer.officeId, villageOwners(ctx, query), after, PAGE)
      : repos.exchangeRows.changed(t, query, after, PAGE);
  // Table by table in the contract's order, so every record follows the ones it refers to.
  async function* pages(): AsyncGenerator<ExchangeLine[]> {
    for (const t of exchangeTables) {
      let after = '';
      for (;;) {
        const rows = changed(t, after);
        if (!rows.length) break;
        for (const r of rows) repos.exchange.markSent(peer.officeId, t, r.id, r.version, sequence);
        counts[t] += rows.length;
        after = rows.at(-1)!.id;
        yield rows.map((r) => ({ t, r }) as ExchangeLine);
      }
    }
  }
  const written = await writeExchangePackage({
    header: {
      packageId: randomUUID(),
      createdAt,
      sender: { officeId: ctx.office.id, officeName: ctx.office.name, signing: keys.publicKeys.signing },
      recipient: { officeId: peer.officeId, agreement: peer.agreementKey },
      sequence,
      watermark: { from: state.acknowledgedOut, to: sequence },
      receipt: { throughSequence: state.lastSequenceIn },
      audit: {
        head: { seq: head?.seq ?? 0, hash: head?.hash ?? '' },
        previous: lastSent ? { seq: lastSent.auditSeq, hash: previousRow?.hash ?? '' } : null,
        sent: repos.exchange
          .sentHeadsSinceAcknowledged(peer.officeId, MAX_SENT_HEADS)
          .map((seq) => ({ seq, hash: repos.audit.bySeq(seq)?.hash ?? '' })),
      },
      ...resyncHeader(state),
    },
    keys,
    pages: pages(),
    outPath: path,
  });
  // Outside the database first: should the transaction fail, a number is skipped, never reused.
  recordSentSequence(dataDir, peer.officeId, sequence);
  repos.exchange.updatePeer({ ...state, lastSequenceOut: sequence, receiptDue: 0, resendDue: 0 });
  repos.exchange.insertPackage({
    id: randomUUID(),
    direction: 'out',
    peerOfficeId: peer.officeId,
    sequence,
    createdAt,
    handledAt: createdAt,
    handledByName: ctx.actor.displayName,
    counts: JSON.stringify(counts),
    manifestSha256: written.manifestSha256,
    auditSeq: head?.seq ?? 0,
    auditHash: head?.hash ?? '',
    acknowledgedAt: null,
  });
  const tooLarge = tooLargeFiles(ctx, query);
  ctx.audit.target = peer.officeId;
  ctx.audit.detail = `发往${peer.officeName}的第${sequence}号数据包，${countsText(counts)}${
    tooLarge ? `（另有${tooLarge}个文件超过20 MB未放入）` : ''
  }，回执至第${state.lastSequenceIn}号${
    state.resendDue ? '，应对方恢复备份后的请求重新发送全部共享记录' : ''
  }${state.restoredAt ? '，请对方重新发送（本机已从备份恢复）' : ''}`;
  return {
    fileName,
    path,
    sequence,
    officeName: peer.officeName,
    counts,
    receiptThrough: state.lastSequenceIn,
    size: written.size,
    tooLarge,
  };
}
