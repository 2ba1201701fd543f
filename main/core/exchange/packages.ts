import { randomUUID } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExchangeImportDto, ExchangePackageDto, ExchangePreviewDto } from '../../contract';
import {
  countsText,
  exchangeTableLabels,
  exchangeTables,
  type ExchangeLine,
  type ExchangeTable,
} from '../../contract/exchange/records';
import { isoNow } from '../clock';
import type { ServiceContext } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { InstallationKeys } from '../installationKeys/keys';
import { checkPartiesLinked, packageCases } from './caseRules';
import { emptyCounts, mergeLine, type MergeContext, type MergeCounts } from './merge';
import { openExchangePackage, type OpenedPackage } from './packageReader';
import { writeExchangePackage } from './packageWriter';
import { reindexCases } from './reindex';
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

/** Which records go to this peer: its catalogue rows, the township's cases and ledgers. */
function rowsQuery(ctx: ServiceContext, peerOfficeId: string) {
  const townshipSends = exchangeKind(ctx) === 'township';
  const township = townshipSends ? ctx.office.id : peerOfficeId;
  return {
    peerOfficeId,
    ownOfficeId: ctx.office.id,
    township,
    townshipOrganisations: ctx.repos.caseScope.under([township]).map((o) => o.id),
    townshipSends,
  };
}

function zeroCounts(): Record<ExchangeTable, number> {
  return Object.fromEntries(exchangeTables.map((t) => [t, 0])) as Record<ExchangeTable, number>;
}

/** What the next package to this office would carry. */
export function packagePlan(ctx: ServiceContext, officeId: string) {
  const peer = trustedPeer(ctx, officeId);
  const state = ctx.repos.exchange.peerIfAny(officeId);
  const counts = zeroCounts();
  counts.villages = ctx.repos.exchangeVillages.countChangedVillages(officeId, ctx.office.id);
  const query = rowsQuery(ctx, officeId);
  for (const t of exchangeTables)
    if (t !== 'villages') counts[t] = ctx.repos.exchangeRows.countChanged(t, query);
  return {
    officeId,
    officeName: peer.officeName,
    sequence: (state?.lastSequenceOut ?? 0) + 1,
    counts,
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
  const counts = zeroCounts();
  const query = rowsQuery(ctx, peer.officeId);
  const changed = (t: ExchangeTable, after: string) =>
    t === 'villages'
      ? repos.exchangeVillages.changedVillages(peer.officeId, ctx.office.id, after, PAGE)
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
  ctx.audit.detail = `发往${peer.officeName}的第${sequence}号数据包，${countsText(counts)}，回执至第${state.lastSequenceIn}号`;
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

/** Merges every record (the preview does it in a savepoint it rolls back). */
async function readAll(ctx: ServiceContext, pkg: OpenedPackage): Promise<MergeCounts> {
  const counts = emptyCounts();
  const org = await ctx.repos.catalog.organisation(pkg.sender.officeId);
  const township = pkg.sender.officeKind === 'township' ? pkg.sender.officeId : ctx.office.id;
  const state = ctx.repos.exchange.peerIfAny(pkg.sender.officeId);
  const merge: MergeContext = {
    repos: ctx.repos,
    sender: pkg.sender,
    senderTownship: pkg.sender.officeKind === 'township' ? (org?.township ?? '') : null,
    township,
    townshipOrganisations: new Set(ctx.repos.caseScope.under([township]).map((o) => o.id)),
    sequence: pkg.manifest.sequence,
    receiptThrough: Math.min(pkg.manifest.receipt.throughSequence, state?.lastSequenceOut ?? 0),
    at: isoNow(ctx.clock),
    seen: packageCases(),
  };
  let index = 0;
  await pkg.readPages((lines) => {
    for (const line of lines) {
      index += 1;
      counts[line.t][mergeLine(merge, line, index)] += 1;
    }
  });
  checkPartiesLinked(merge);
  await reindexCases(ctx.repos, merge.seen.touched);
  return counts;
}

/** “村（社区）新增1、更新0、冲突0；案件…” (the tables with any records). */
function mergedText(counts: MergeCounts): string {
  const parts = exchangeTables
    .filter((t) => Object.values(counts[t]).some((n) => n > 0))
    .map((t) => {
      const c = counts[t];
      return `${exchangeTableLabels[t]}新增${c.new}、更新${c.updated}、冲突${c.conflict}`;
    });
  return parts.join('；') || '无记录';
}

export async function previewPackage(
  ctx: ServiceContext,
  keys: InstallationKeys,
  path: string,
): Promise<ExchangePreviewDto> {
  const pkg = await opened(ctx, keys, path);
  try {
    // Merged as the import would, then undone: the preview refuses what the import would refuse.
    const counts = await ctx.repos.exchangeRows.dryRun(() => readAll(ctx, pkg));
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
    const counts = await readAll(ctx, pkg);
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
    ctx.audit.target = sender.officeId;
    ctx.audit.detail = `${sender.officeName}的第${manifest.sequence}号数据包：${mergedText(counts)}`;
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
