import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AnchorWriter,
  anchorPath,
  moveAnchorAfterRestore,
  readAnchor,
} from '../../../main/core/audit/anchor';

// The anchor file outside the database: two 512-byte slots written in turn in place, so that a
// crash in the middle of one write leaves the other slot (one step behind, which is allowed).

const head = (seq: number) => ({ seq, hash: seq.toString(16).padStart(64, '0') });
let dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-anchor-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** One signed-in session's anchor writes (the first durable, as at unlock), then the lock. */
function session(dir: string, ...seqs: number[]): void {
  const writer = new AnchorWriter(dir);
  seqs.forEach((seq, i) => writer.write(head(seq), i === 0));
  writer.close();
}

describe('the audit anchor file', () => {
  it('reads the later of its two slots, the writer writing them in turn', () => {
    const dir = dataDir();
    const writer = new AnchorWriter(dir);
    writer.write(head(1), true);
    expect(readAnchor(dir)).toEqual({ kind: 'present', head: head(1) });
    writer.write(head(2), false);
    writer.write(head(3), false);
    expect(readAnchor(dir)).toEqual({ kind: 'present', head: head(3) });
    const bytes = readFileSync(anchorPath(dir));
    expect(bytes.length).toBe(1024);
    // The first write filled both slots with 1; then 2 went into slot 0 and 3 into slot 1.
    expect(bytes.subarray(512).toString()).toContain(`"seq":3`);
    expect(bytes.subarray(0, 512).toString()).toContain(`"seq":2`);
    writer.close();
  });

  it('falls back to the other slot when a crash tore the one being written', () => {
    const dir = dataDir();
    session(dir, 7, 8);
    const bytes = readFileSync(anchorPath(dir));
    bytes.fill(0, 100, 512); // slot 0 (seq 8) half written
    writeFileSync(anchorPath(dir), bytes);
    expect(readAnchor(dir)).toEqual({ kind: 'present', head: head(7) });
    bytes.fill(0x41, 512, 700);
    writeFileSync(anchorPath(dir), bytes);
    expect(readAnchor(dir)).toEqual({ kind: 'unreadable' });
  });

  it('still reads the one-head file of an older desk, and replaces it at the first write', () => {
    const dir = dataDir();
    writeFileSync(
      anchorPath(dir),
      JSON.stringify({ format: 'pingluo-mediation-desk/audit-anchor', ...head(41) }),
    );
    expect(readAnchor(dir)).toEqual({ kind: 'present', head: head(41) });
    session(dir, 42);
    expect(readFileSync(anchorPath(dir)).length).toBe(1024);
    expect(readAnchor(dir)).toEqual({ kind: 'present', head: head(42) });
  });

  it('is moved back only whole, after a restore', () => {
    const dir = dataDir();
    session(dir, 50, 51);
    moveAnchorAfterRestore(dir, head(20));
    expect(readAnchor(dir)).toEqual({ kind: 'present', head: head(20) });
  });
});
