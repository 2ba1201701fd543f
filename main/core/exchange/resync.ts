import type { PeerRow, Repositories } from '../../../db';
import { officeDate } from '../dates';
import type { ManifestHeader } from './packageWriter';
import type { OpenedPackage } from './packageReader';
import { sentSequence, sentSequences } from './sequenceAnchor';

// Exchange after a restore from a backup (issue 14). The restored database is back at the
// backup's time with its per-peer counters, so:
// - sequence numbers: the next package to a peer is numbered above the highest ever sent (kept
//   outside the database, ./sequenceAnchor.ts), never one the peer has already seen;
// - what we lost (records received, or changed here and sent, after the backup): every package
//   to a peer carries `restoredFrom` until the peer answers with a package marked `resend`.
//   The peer then forgets which versions we hold and sends every record in our scope; the merge
//   takes what is newer than ours and leaves the rest (idempotent by id and version);
// - what the peer has of ours is untouched: whatever we had sent it before the backup is here
//   unchanged or newer, and is sent as usual;
// - the peer's record of our audit log: the heads after the backup's head belong to a history
//   the restore discarded, and are dropped there (the restore itself is reported as a finding).

/** The number of the next package to this peer. */
export function nextSequence(state: PeerRow | undefined, dataDir: string, officeId: string): number {
  return Math.max(state?.lastSequenceOut ?? 0, sentSequence(dataDir, officeId)) + 1;
}

/** Inside the restored database's first transaction (main/core/backup/hooks.ts). */
export function markPeersAfterRestore(
  repos: Repositories,
  restored: { dataDir: string; backupCreatedAt: string; auditHead: { seq: number } },
): void {
  const anchored = sentSequences(restored.dataDir);
  const ids = new Set([
    ...Object.keys(anchored),
    ...repos.exchange
      .peers()
      .filter((p) => p.lastSequenceOut > 0 || p.lastSequenceIn > 0)
      .map((p) => p.officeId),
  ]);
  for (const officeId of ids) {
    const state = repos.exchange.peer(officeId);
    repos.exchange.updatePeer({
      ...state,
      lastSequenceOut: Math.max(state.lastSequenceOut, anchored[officeId] ?? 0),
      restoredAt: restored.backupCreatedAt,
      restoredAuditSeq: restored.auditHead.seq,
    });
  }
}

/** What a package to this peer asks or answers (manifest fields). */
export function resyncHeader(state: PeerRow): Pick<ManifestHeader, 'restoredFrom' | 'resend'> {
  return {
    ...(state.restoredAt ? { restoredFrom: { at: state.restoredAt, auditSeq: state.restoredAuditSeq } } : {}),
    ...(state.resendDue ? { resend: true as const } : {}),
  };
}

/** The sender's audit heads worth comparing with: those a restore there did not discard. */
export function auditHeadLimit(pkg: OpenedPackage): number | undefined {
  return pkg.manifest.restoredFrom?.auditSeq;
}

/** The finding a restore at the sender is worth, once (while it discarded heads we had seen). */
export function restoreFinding(repos: Repositories, pkg: OpenedPackage): string | null {
  const from = pkg.manifest.restoredFrom;
  if (!from) return null;
  const latest = repos.exchange.latestAuditHead(pkg.sender.officeId);
  if (!latest || latest.seq <= from.auditSeq) return null;
  return `${pkg.sender.officeName}已从${officeDate(new Date(from.at))}的备份恢复数据：其审计日志回到第${from.auditSeq}条（上次交换时到第${latest.seq}条），此后的记录由双方重新交换`;
}

/** The peer's state after importing its package (its request or its answer taken into account). */
export function afterImport(repos: Repositories, pkg: OpenedPackage, state: PeerRow): PeerRow {
  const { manifest, sender } = pkg;
  let next = state;
  if (manifest.resend && state.restoredAt) next = { ...next, restoredAt: null, restoredAuditSeq: 0 };
  if (manifest.restoredFrom) {
    repos.exchange.forgetAgreed(sender.officeId);
    repos.exchange.dropAuditHeadsAfter(sender.officeId, manifest.restoredFrom.auditSeq);
    next = {
      ...next,
      resendDue: 1,
      acknowledgedOut: Math.min(next.acknowledgedOut, manifest.receipt.throughSequence),
    };
  }
  return next;
}

/** What the 数据交换 screen says about restores, here or at a peer. */
export function restoreNotices(repos: Repositories): string[] {
  const name = (id: string) => repos.exchange.trusted(id)!.officeName;
  const notices: string[] = [];
  // A revoked office exchanges no more: nothing to ask of it or send to it.
  const active = (id: string) => {
    const trusted = repos.exchange.trusted(id);
    return trusted !== undefined && !trusted.revokedAt;
  };
  for (const p of repos.exchange.peers().filter((peer) => active(peer.officeId))) {
    if (p.restoredAt)
      notices.push(
        `本机已恢复到${officeDate(new Date(p.restoredAt))}的备份，此后与${name(p.officeId)}交换的数据不在本机。` +
          `请向${name(p.officeId)}发送一个数据包（其中会请对方重新发送），再导入对方发回的数据包：它会重新包含双方共享的全部记录。` +
          `如仍保存着备份之后收到的数据包，也可以按编号顺序重新导入。在此之前请尽量不要修改与对方交换过的案件，否则对方会将其列为冲突。`,
      );
    if (p.resendDue)
      notices.push(
        `${name(p.officeId)}已从备份恢复数据：发往该机构的下一个数据包将重新包含双方共享的全部记录，请尽快生成并送达。`,
      );
  }
  return notices;
}
