import type { Repositories } from '../../../db';
import { moveAnchorAfterRestore } from '../audit/anchor';

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
 * Exchange packages (main/core/exchange, not built yet) will keep watermarks: how far this office
 * has sent to and received from each peer. A restore moves this database back to the backup's
 * time, and its watermarks with it. Exchange must make sure here that nothing is sent twice or
 * missed: records changed after `backupCreatedAt` and already sent are gone here (the peers keep
 * them; a re-send must be recognised by record id and version), and packages received after it
 * must be taken in again (keep received packages until a later backup covers them, or ask the
 * peers to send again from the restored watermark). Until exchange exists there are no
 * watermarks, and nothing to do.
 */
export async function reconcileExchangeWatermarksAfterRestore(
  _repos: Repositories,
  _restored: RestoredFrom,
): Promise<void> {}

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
