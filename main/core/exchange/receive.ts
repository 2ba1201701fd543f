import type { ExchangeImportDto, ExchangePreviewDto } from '../../contract';
import { exchangeTableLabels, exchangeTables } from '../../contract/exchange/records';
import { isoNow } from '../clock';
import type { ServiceContext } from '../context';
import { ConflictError } from '../errors';
import type { InstallationKeys } from '../installationKeys/keys';
import { checkPartiesLinked, packageCases } from './caseRules';
import { emptyCounts, mergeLine, type MergeContext, type MergeCounts } from './merge';
import { openExchangePackage, type OpenedPackage } from './packageReader';
import { noProgress, type ImportProgress } from './progress';
import { reindexCases } from './reindex';
import { afterImport, auditHeadLimit, restoreFinding } from './resync';
import { exchangeKind } from './trust';

// Importing a township ⇄ county package (issue 14): verified (./packageReader.ts), previewed (the
// merge run and rolled back), then applied in one transaction, all or nothing. Both report their
// stage and the records done out of the manifest's count (./progress.ts).

async function opened(
  ctx: ServiceContext,
  keys: InstallationKeys,
  path: string,
  progress: ImportProgress,
): Promise<OpenedPackage> {
  if (!exchangeKind(ctx)) throw new ConflictError('本机构不是县调解中心或乡镇调委会，不参与县乡数据交换');
  progress.stage('verify', 0, 0);
  const pkg = await openExchangePackage(path, {
    ownOfficeId: ctx.office.id,
    keys,
    trusted: (id) => ctx.repos.exchange.trusted(id),
    lastSequenceIn: (id) => ctx.repos.exchange.peerIfAny(id)?.lastSequenceIn ?? 0,
  });
  progress.stage('verify', 0, pkg.records);
  return pkg;
}

/** Findings about the sender's audit log: a head that moved back, a rewritten past, a restore. */
function auditFindings(ctx: ServiceContext, pkg: OpenedPackage): string[] {
  const { audit } = pkg.manifest;
  const who = pkg.sender.officeName;
  const found: string[] = [];
  const restore = restoreFinding(ctx.repos, pkg);
  if (restore) found.push(restore);
  // After a restore there, the heads it reported past the backup's belong to a discarded history.
  const latest = ctx.repos.exchange.latestAuditHead(pkg.sender.officeId, auditHeadLimit(pkg));
  if (latest && audit.head.seq < latest.seq)
    found.push(
      `${who}的审计日志比上次交换时短（上次到第${latest.seq}条，现在到第${audit.head.seq}条），可能被截断或恢复了旧数据`,
    );
  // Each head we hold that the sender reports again must read as it did: the earliest that does
  // not is where the rewrite reaches back to.
  const reported = audit.sent ?? (audit.previous ? [audit.previous] : []);
  const rewritten = reported
    .map((now) => ({ now, seen: ctx.repos.exchange.auditHead(pkg.sender.officeId, now.seq) }))
    .filter(({ now, seen }) => seen && seen.hash !== now.hash)
    .sort((a, b) => a.now.seq - b.now.seq)[0];
  if (rewritten)
    found.push(`${who}的审计日志第${rewritten.now.seq}条在上次交换后被改写（校验值与上次收到的不同）`);
  return found;
}

/** Merges every record (the preview does it in a savepoint it rolls back). */
async function readAll(
  ctx: ServiceContext,
  pkg: OpenedPackage,
  progress: ImportProgress,
  stage: 'check' | 'apply',
): Promise<MergeCounts> {
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
    recovering: pkg.manifest.resend === true && Boolean(state?.restoredAt),
    ownOfficeId: ctx.office.id,
  };
  let index = 0;
  progress.stage(stage, 0, pkg.records);
  await pkg.readPages((lines) => {
    for (const line of lines) {
      index += 1;
      counts[line.t][mergeLine(merge, line, index)] += 1;
    }
    progress.stage(stage, index, pkg.records);
  });
  checkPartiesLinked(merge);
  const touched = merge.seen.touched;
  progress.stage('index', 0, touched.size);
  await reindexCases(ctx.repos, touched, (done) => progress.stage('index', done, touched.size));
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
  progress: ImportProgress = noProgress,
): Promise<ExchangePreviewDto> {
  return progress.run(async () => {
    const pkg = await opened(ctx, keys, path, progress);
    try {
      // Merged as the import would, then undone: the preview refuses what the import would refuse.
      const counts = await ctx.repos.exchangeRows.dryRun(() => readAll(ctx, pkg, progress, 'check'));
      return {
        officeName: pkg.sender.officeName,
        fingerprint: pkg.sender.fingerprint,
        sequence: pkg.manifest.sequence,
        createdAt: pkg.manifest.createdAt,
        receiptThrough: pkg.manifest.receipt.throughSequence,
        records: pkg.records,
        counts,
        auditFindings: auditFindings(ctx, pkg),
        restoredFrom: pkg.manifest.restoredFrom?.at ?? null,
        resend: pkg.manifest.resend === true,
      };
    } finally {
      pkg.close();
    }
  });
}

export async function importPackage(
  ctx: ServiceContext,
  keys: InstallationKeys,
  path: string,
  progress: ImportProgress = noProgress,
): Promise<ExchangeImportDto> {
  return progress.run(async () => {
    const pkg = await opened(ctx, keys, path, progress);
    try {
      const { manifest, sender } = pkg;
      const findings = auditFindings(ctx, pkg);
      const counts = await readAll(ctx, pkg, progress, 'apply');
      const { repos } = ctx;
      const at = isoNow(ctx.clock);
      const state = repos.exchange.peer(sender.officeId);
      const through = Math.min(manifest.receipt.throughSequence, state.lastSequenceOut);
      if (through > state.acknowledgedOut) {
        repos.exchange.promoteSent(sender.officeId, through);
        repos.exchange.acknowledge(sender.officeId, through, at);
      }
      const acknowledgedThrough = Math.max(state.acknowledgedOut, through);
      repos.exchange.updatePeer(
        afterImport(repos, pkg, {
          ...state,
          // The peer has seen our packages through its receipt: never number one at or below it
          // again (a restore here moved our own count back).
          lastSequenceOut: Math.max(state.lastSequenceOut, manifest.receipt.throughSequence),
          lastSequenceIn: manifest.sequence,
          acknowledgedOut: acknowledgedThrough,
          receiptDue: 1,
        }),
      );
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
      ctx.audit.detail = `${sender.officeName}的第${manifest.sequence}号数据包：${mergedText(counts)}${
        manifest.restoredFrom ? '；对方已从备份恢复，请本机重新发送全部共享记录' : ''
      }${manifest.resend ? '；对方重新发送的全部共享记录' : ''}`;
      return {
        officeName: sender.officeName,
        sequence: manifest.sequence,
        records: pkg.records,
        counts,
        acknowledgedThrough,
        auditFindings: findings,
      };
    } finally {
      pkg.close();
    }
  });
}
