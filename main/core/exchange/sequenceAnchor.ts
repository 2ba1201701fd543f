import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

// The highest sequence number this office has put on a package to each peer, kept outside the
// database (<dataDir>/exchange-anchor.json), like the audit anchor (main/core/audit/anchor.ts).
// A restore from a backup moves the database's own counters back; a package numbered again
// from there would carry a number the peer has already seen, and the peer would refuse it as a
// replay forever. The next number is always above both. The file holds office ids and numbers,
// nothing personal; it only moves forward, and a restore leaves it alone.

export const SEQUENCE_ANCHOR_FILE = 'exchange-anchor.json';
const FORMAT = 'pingluo-mediation-desk/exchange-anchor';

const path = (dataDir: string) => join(dataDir, SEQUENCE_ANCHOR_FILE);

/** Office id → the highest sequence sent to it (an unreadable or missing file: none). */
export function sentSequences(dataDir: string): Record<string, number> {
  try {
    const data = JSON.parse(readFileSync(path(dataDir), 'utf8')) as { format?: unknown; sent?: unknown };
    if (data.format !== FORMAT || typeof data.sent !== 'object' || data.sent === null) return {};
    const out: Record<string, number> = {};
    for (const [officeId, seq] of Object.entries(data.sent as Record<string, unknown>))
      if (Number.isInteger(seq) && (seq as number) > 0) out[officeId] = seq as number;
    return out;
  } catch {
    return {};
  }
}

export function sentSequence(dataDir: string, officeId: string): number {
  return sentSequences(dataDir)[officeId] ?? 0;
}

/**
 * Records a package numbered `sequence` for the peer, flushed to disk, before the database
 * commits it: a failure after this only skips a number, never reuses one.
 */
export function recordSentSequence(dataDir: string, officeId: string, sequence: number): void {
  const sent = sentSequences(dataDir);
  if ((sent[officeId] ?? 0) >= sequence) return;
  sent[officeId] = sequence;
  const file = path(dataDir);
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify({ format: FORMAT, sent }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
