import { randomUUID } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExchangeImportDto, ExchangePackageDto, ExchangePreviewDto } from '../../contract';
import type { ExchangeLine } from '../../contract/exchange/records';
import { isoNow } from '../clock';
import type { ServiceContext } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { InstallationKeys } from '../installationKeys/keys';
import { emptyCounts, mergeLine, type MergeCounts } from './merge';
import { openExchangePackage, type OpenedPackage } from './packageReader';
import { writeExchangePackage } from './packageWriter';
import { exchangeKind } from './trust';

// Generating and importing township ⇄ county packages (issue 14). A package to a peer carries
// this office's records the peer has not acknowledged, the receipt for the peer's packages
// imported here, and this installation's audit head; importing one is one transaction.

const PAGE = 1000;

function trustedPeer(ctx: ServiceContext, officeId: string) {
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

/** What the next package to this office would carry. */
export function packagePlan(ctx: ServiceContext, officeId: string) {
  const peer = trustedPeer(ctx, officeId);
  const state = ctx.repos.exchange.peerIfAny(officeId);
  return {
    officeId,
    officeName: peer.officeName,
    sequence: (state?.lastSequenceOut ?? 0) + 1,
    counts: { villages: ctx.repos.exchange.countChangedVillages(officeId, ctx.office.id) },
    receiptThrough: state?.lastSequenceIn ?? 0,
  };
}

export async function generatePackage(
  ctx: ServiceContext,
  keys: InstallationKeys,
  input: { officeId: string; folder: string },
): Promise<ExchangePackageDto> {
  const peer = trustedPeer(ctx, input.officeId);
  await requireFolder(input.folder);
  const { repos } = ctx;
  const state = repos.exchange.peer(peer.officeId);
  const sequence = state.lastSequenceOut + 1;
  const head = repos.audit.last();
  const lastSent = repos.exchange.lastSent(peer.officeId);
  const previousRow = lastSent ? repos.audit.bySeq(lastSent.auditSeq) : undefined;
  const createdAt = isoNow(ctx.clock);
  const fileName = packageFileName(ctx.office.name, peer.officeName, sequence);
  const path = join(input.folder, fileName);
  const counts = { villages: 0 };
  async function* pages(): AsyncGenerator<ExchangeLine[]> {
    let after = '';
    for (;;) {
      const rows = repos.exchange.changedVillages(peer.officeId, ctx.office.id, after, PAGE);
      if (!rows.length) return;
      for (const r of rows) repos.exchange.markSent(peer.officeId, 'villages', r.id, r.version, sequence);
      counts.villages += rows.length;
      after = rows.at(-1)!.id;
      yield rows.map((r) => ({ t: 'villages' as const, r }));
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
      },
    },
    keys,
    pages: pages(),
    outPath: path,
  });
  repos.exchange.updatePeer({ ...state, lastSequenceOut: sequence, receiptDue: 0 });
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
  ctx.audit.target = peer.officeId;
  ctx.audit.detail = `发往${peer.officeName}的第${sequence}号数据包，村（社区）${counts.villages}条，回执至第${state.lastSequenceIn}号`;
  return {
    fileName,
    path,
    sequence,
    officeName: peer.officeName,
    counts,
    receiptThrough: state.lastSequenceIn,
    size: written.size,
  };
}

async function opened(ctx: ServiceContext, keys: InstallationKeys, path: string): Promise<OpenedPackage> {
  if (!exchangeKind(ctx)) throw new ConflictError('本机构不是县调解中心或乡镇调委会，不参与县乡数据交换');
  return openExchangePackage(path, {
    ownOfficeId: ctx.office.id,
    keys,
    trusted: (id) => ctx.repos.exchange.trusted(id),
    lastSequenceIn: (id) => ctx.repos.exchange.peerIfAny(id)?.lastSequenceIn ?? 0,
  });
}

/** Findings about the sender's audit log: a head that moved back, or a rewritten past. */
function auditFindings(ctx: ServiceContext, pkg: OpenedPackage): string[] {
  const { audit } = pkg.manifest;
  const who = pkg.sender.officeName;
  const found: string[] = [];
  const latest = ctx.repos.exchange.latestAuditHead(pkg.sender.officeId);
  if (latest && audit.head.seq < latest.seq)
    found.push(
      `${who}的审计日志比上次交换时短（上次到第${latest.seq}条，现在到第${audit.head.seq}条），可能被截断或恢复了旧数据`,
    );
  const seen = audit.previous && ctx.repos.exchange.auditHead(pkg.sender.officeId, audit.previous.seq);
  if (seen && audit.previous && seen.hash !== audit.previous.hash)
    found.push(`${who}的审计日志第${seen.seq}条在上次交换后被改写（校验值与上次收到的不同）`);
  return found;
}

async function readAll(ctx: ServiceContext, pkg: OpenedPackage, write: boolean): Promise<MergeCounts> {
  const counts = emptyCounts();
  const org = await ctx.repos.catalog.organisation(pkg.sender.officeId);
  let index = 0;
  await pkg.readPages((lines) => {
    for (const line of lines) {
      index += 1;
      const outcome = mergeLine(
        {
          repos: ctx.repos,
          sender: pkg.sender,
          senderTownship: pkg.sender.officeKind === 'township' ? (org?.township ?? '') : null,
          sequence: pkg.manifest.sequence,
          at: isoNow(ctx.clock),
          write,
        },
        line,
        index,
      );
      counts[line.t][outcome] += 1;
    }
  });
  return counts;
}

export async function previewPackage(
  ctx: ServiceContext,
  keys: InstallationKeys,
  path: string,
): Promise<ExchangePreviewDto> {
  const pkg = await opened(ctx, keys, path);
  try {
    const counts = await readAll(ctx, pkg, false);
    return {
      officeName: pkg.sender.officeName,
      fingerprint: pkg.sender.fingerprint,
      sequence: pkg.manifest.sequence,
      createdAt: pkg.manifest.createdAt,
      receiptThrough: pkg.manifest.receipt.throughSequence,
      counts,
      auditFindings: auditFindings(ctx, pkg),
    };
  } finally {
    pkg.close();
  }
}

export async function importPackage(
  ctx: ServiceContext,
  keys: InstallationKeys,
  path: string,
): Promise<ExchangeImportDto> {
  const pkg = await opened(ctx, keys, path);
  try {
    const { manifest, sender } = pkg;
    const findings = auditFindings(ctx, pkg);
    const counts = await readAll(ctx, pkg, true);
    const { repos } = ctx;
    const at = isoNow(ctx.clock);
    const state = repos.exchange.peer(sender.officeId);
    const through = Math.min(manifest.receipt.throughSequence, state.lastSequenceOut);
    if (through > state.acknowledgedOut) {
      repos.exchange.promoteSent(sender.officeId, through);
      repos.exchange.acknowledge(sender.officeId, through, at);
    }
    repos.exchange.updatePeer({
      ...state,
      lastSequenceIn: manifest.sequence,
      acknowledgedOut: Math.max(state.acknowledgedOut, through),
      receiptDue: 1,
    });
    repos.exchange.saveAuditHead(sender.officeId, manifest.audit.head, at, manifest.sequence);
    repos.exchange.insertPackage({
      id: manifest.packageId,
      direction: 'in',
      peerOfficeId: sender.officeId,
      sequence: manifest.sequence,
      createdAt: manifest.createdAt,
      handledAt: at,
      handledByName: ctx.actor.displayName,
      counts: JSON.stringify(counts),
      manifestSha256: pkg.manifestSha256,
      auditSeq: manifest.audit.head.seq,
      auditHash: manifest.audit.head.hash,
      acknowledgedAt: null,
    });
    const v = counts.villages;
    ctx.audit.target = sender.officeId;
    ctx.audit.detail = `${sender.officeName}的第${manifest.sequence}号数据包：村（社区）新增${v.new}、更新${v.updated}、冲突${v.conflict}`;
    return {
      officeName: sender.officeName,
      sequence: manifest.sequence,
      counts,
      acknowledgedThrough: Math.max(state.acknowledgedOut, through),
      auditFindings: findings,
    };
  } finally {
    pkg.close();
  }
}
