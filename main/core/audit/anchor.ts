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
const SLOT = 512;

export interface ChainHead {
  seq: number;
  hash: string;
}

export type AnchorState = { kind: 'present'; head: ChainHead } | { kind: 'missing' } | { kind: 'unreadable' };

export function anchorPath(dataDir: string): string {
  return join(dataDir, ANCHOR_FILE);
}

/** A head as the anchor file spells it, or null for anything else. */
function parseHead(text: string): ChainHead | null {
  try {
    const data = JSON.parse(text) as { format?: unknown; seq?: unknown; hash?: unknown };
    if (
      data.format === FORMAT &&
      Number.isInteger(data.seq) &&
      (data.seq as number) >= 0 &&
      typeof data.hash === 'string' &&
      /^[0-9a-f]{64}$/.test(data.hash)
    ) {
      return { seq: data.seq as number, hash: data.hash };
    }
  } catch {
    // fall through
  }
  return null;
}

export function readAnchor(dataDir: string): AnchorState {
  let bytes: Buffer;
  try {
    bytes = readFileSync(anchorPath(dataDir));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable' };
  }
  // Two slots written in turn (AnchorWriter): the later head counts, and a slot torn by a crash
  // leaves the other, one step behind, which is allowed. A file of one head is an older desk's.
  const texts = bytes.length === 2 * SLOT ? [bytes.subarray(0, SLOT), bytes.subarray(SLOT)] : [bytes];
  const heads = texts
    .map((b) => parseHead(b.toString('utf8').trimEnd()))
    .filter((h): h is ChainHead => h !== null);
  if (!heads.length) return { kind: 'unreadable' };
  return { kind: 'present', head: heads.reduce((a, b) => (b.seq > a.seq ? b : a)) };
}

/** One slot: the head as JSON, padded with spaces to the slot's size. */
function slotOf(head: ChainHead): Buffer {
  const slot = Buffer.alloc(SLOT, ' ');
  slot.write(JSON.stringify({ format: FORMAT, seq: head.seq, hash: head.hash }), 'utf8');
  slot[SLOT - 1] = 0x0a;
  return slot;
}

/** The whole file, both slots holding the head: written to a temporary file and renamed over. */
function writeWhole(dataDir: string, head: ChainHead, durable: boolean): void {
  const path = anchorPath(dataDir);
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    const slot = slotOf(head);
    writeSync(fd, Buffer.concat([slot, slot]));
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/**
 * The anchor's writer for one signed-in session. The first write puts the whole file in place
 * (both slots, renamed over); after that each write is one write of one 512-byte slot into the
 * open file, the slots in turn: a temporary file and a rename for every call cost about 0.4 ms
 * of every intake. `durable` also flushes it to disk (at unlock and lock); otherwise a crash may
 * leave it one step behind, which the unlock check allows, never ahead of the database.
 */
export class AnchorWriter {
  private fd: number | null = null;
  private slot = 0;

  constructor(private readonly dataDir: string) {}

  write(head: ChainHead, durable: boolean): void {
    if (this.fd === null) {
      writeWhole(this.dataDir, head, durable);
      this.fd = openSync(anchorPath(this.dataDir), 'r+');
      this.slot = 0;
      return;
    }
    try {
      writeSync(this.fd, slotOf(head), 0, SLOT, this.slot * SLOT);
      if (durable) fsyncSync(this.fd);
    } catch (error) {
      this.close(); // the next write puts the whole file in place again
      throw error;
    }
    this.slot ^= 1;
  }

  /** At lock: the file is let go (a restore replaces it while no one is signed in). */
  close(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    closeSync(fd);
  }
}

/**
 * The one legitimate way to move the anchor back: after a restore from a backup, once the
 * restore itself has been recorded in the audit log (the backup/restore feature calls this with
 * the head of the restored chain). Anything else that moves it back is what the anchor exists
 * to catch.
 */
export function moveAnchorAfterRestore(dataDir: string, head: ChainHead): void {
  writeWhole(dataDir, head, true);
}
