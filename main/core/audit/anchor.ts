import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

// A copy of the audit chain's head outside the database (<dataDir>/audit-anchor.json). A
// database restored from an older copy, or a log cut short with SQL together with the head kept
// inside the database, no longer reaches the anchor: the next unlock and 校验完整性 notice.
// The file holds a sequence number and a hash, nothing personal.
//
// It only moves forward: to a later entry, and only while the entry it pointed at is still in
// the chain unchanged. Two exceptions, both after the fact is recorded in the chain itself:
// an alarm entry that reports a finding (the session then re-bases the anchor on the chain that
// holds the alarm), and an audited restore from a backup (moveAnchorAfterRestore).

export const ANCHOR_FILE = 'audit-anchor.json';
const FORMAT = 'pingluo-mediation-desk/audit-anchor';

export interface ChainHead {
  seq: number;
  hash: string;
}

export type AnchorState = { kind: 'present'; head: ChainHead } | { kind: 'missing' } | { kind: 'unreadable' };

export function anchorPath(dataDir: string): string {
  return join(dataDir, ANCHOR_FILE);
}

export function readAnchor(dataDir: string): AnchorState {
  let text: string;
  try {
    text = readFileSync(anchorPath(dataDir), 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable' };
  }
  try {
    const data = JSON.parse(text) as { format?: unknown; seq?: unknown; hash?: unknown };
    if (
      data.format === FORMAT &&
      Number.isInteger(data.seq) &&
      (data.seq as number) >= 0 &&
      typeof data.hash === 'string' &&
      /^[0-9a-f]{64}$/.test(data.hash)
    ) {
      return { kind: 'present', head: { seq: data.seq as number, hash: data.hash } };
    }
  } catch {
    // fall through
  }
  return { kind: 'unreadable' };
}

/**
 * Written whole to a temporary file and renamed over. `durable` also flushes it to disk (at
 * unlock and lock); after each call it is only renamed: a crash may leave it one step behind,
 * which the unlock check allows, never ahead of the database.
 */
export function writeAnchor(dataDir: string, head: ChainHead, durable: boolean): void {
  const path = anchorPath(dataDir);
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify({ format: FORMAT, seq: head.seq, hash: head.hash }));
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/**
 * The one legitimate way to move the anchor back: after a restore from a backup, once the
 * restore itself has been recorded in the audit log (the backup/restore feature calls this with
 * the head of the restored chain). Anything else that moves it back is what the anchor exists
 * to catch.
 */
export function moveAnchorAfterRestore(dataDir: string, head: ChainHead): void {
  writeAnchor(dataDir, head, true);
}
