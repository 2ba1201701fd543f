import type { Repositories } from '../../../db';
import { moveAnchorAfterRestore } from '../audit/anchor';
import { markPeersAfterRestore } from '../exchange/resync';

// What other parts of the app must do when the data is replaced by a restore (replace.ts):
// inside the restored database's first transaction, beside the restore's own audit entry
// (afterRestoreInDatabase: if it throws, the restore is rolled back and the old data returns), and
// once that has committed, for what lives outside the database (afterRestoreCommitted: recorded in
// the restore journal first, so a start-up after a crash runs it again).

export interface RestoredFrom {
  dataDir: string;
  fileName: string;
  /** When the backup was made: everything after it is gone from this database. */
  backupCreatedAt: string;
  /** The restored audit chain's head (the restore's own entry is appended at the next sign-in). */
  auditHead: { seq: number; hash: string };
}

/**
 * Exchange packages keep, per peer, how far this office has sent to and received from it. A
 * restore moves them back to the backup's time (main/core/exchange/resync.ts): the next package
 * is numbered above the highest ever sent (kept outside the database, so the peer never sees a
 * number twice and refuses it as a replay), and every package to a peer asks it to send again
 * everything this office may have lost (records received, or changed here and sent, after the
 * backup) until its answer is imported. The 数据交换 screen says so.
 */
export async function reconcileExchangeWatermarksAfterRestore(
  repos: Repositories,
  restored: RestoredFrom,
): Promise<void> {
  markPeersAfterRestore(repos, restored);
}

/**
 * The audit chain's head is also kept outside the database, in an anchor file that only ever
 * moves forward (main/core/audit/anchor.ts), so that cutting entries off the end of the log is
 * caught even by someone who can write the database. A restore legitimately moves the chain back
 * to the backup's head: the anchor follows it here, or the next sign-in would report the restored
 * log as cut short. The restore's own entry waits in the restored database and is appended,
 * signed, at that sign-in (main/core/audit/queued.ts).
 */
export function resetAuditAnchorAfterRestore(restored: RestoredFrom): void {
  moveAnchorAfterRestore(restored.dataDir, restored.auditHead);
}

/** Inside the restored database's first transaction. */
export async function afterRestoreInDatabase(repos: Repositories, restored: RestoredFrom): Promise<void> {
  await reconcileExchangeWatermarksAfterRestore(repos, restored);
}

/** Once the restored database has committed; run again by a start-up that finds it unfinished. */
export function afterRestoreCommitted(restored: RestoredFrom): void {
  resetAuditAnchorAfterRestore(restored);
}
