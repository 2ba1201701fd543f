import type { Repositories } from '../../../db';

// What other parts of the app must do when the data is replaced by a restore (replace.ts):
// inside the restored database's first transaction, after the restore's own audit entry
// (afterRestoreInDatabase: if it throws, the restore is rolled back and the old data returns), and
// once that has committed, for what lives outside the database (afterRestoreCommitted: recorded in
// the restore journal first, so a start-up after a crash runs it again).

export interface RestoredFrom {
  dataDir: string;
  fileName: string;
  /** When the backup was made: everything after it is gone from this database. */
  backupCreatedAt: string;
  /** The restored audit chain's head, after the restore's own entry. */
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
 * The audit chain's head may also be kept outside the database, in an anchor file in the data
 * directory that only ever moves forward, so that cutting entries off the end of the log is caught
 * even by someone who can write the database. A restore legitimately moves the chain back to the
 * backup's head plus the restore's own entry: the anchor must follow it here, to `auditHead`, or
 * the next verification would report the restored log as cut short. That anchor is sec's work
 * (their branch: main/core/audit/anchor.ts, `moveAnchorAfterRestore(dataDir, head)`), not in this
 * branch: when the two meet, this calls it with `restored.dataDir` and `restored.auditHead`.
 */
export function resetAuditAnchorAfterRestore(_restored: RestoredFrom): void {}

/** Inside the restored database's first transaction. */
export async function afterRestoreInDatabase(repos: Repositories, restored: RestoredFrom): Promise<void> {
  await reconcileExchangeWatermarksAfterRestore(repos, restored);
}

/** Once the restored database has committed; run again by a start-up that finds it unfinished. */
export function afterRestoreCommitted(restored: RestoredFrom): void {
  resetAuditAnchorAfterRestore(restored);
}
