import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statSync } from 'node:fs';

// How a connection is keyed and tuned. Order matters: the cipher must be chosen before the key,
// or the library silently creates a ChaCha20 file that SQLCipher tools cannot read.

export const KEY_BYTES = 32;

/**
 * The pragmas that key a connection, in order. Also handed to the backup's worker thread
 * (main/core/backup/worker.ts), which opens its own connections and cannot import this module.
 */
export function keyPragmas(key: Buffer): string[] {
  if (key.length !== KEY_BYTES) throw new Error('database key must be 32 bytes');
  // A raw key (x'…') skips SQLCipher's own KDF: ours is already a random 256-bit key.
  return ["cipher='sqlcipher'", 'legacy=4', `key="x'${key.toString('hex')}'"`];
}

export function applyKey(db: Database, key: Buffer): void {
  for (const pragma of keyPragmas(key)) db.pragma(pragma);
  // Fails fast with SQLITE_NOTADB when the key is wrong.
  db.prepare('SELECT count(*) FROM sqlite_master').get();
}

/**
 * Cache the whole database while it is small (encrypted point reads are 4x slower with the
 * default 2 MB), but no more than 104 MB: at 100,000 cases the file is ~530 MB, and a page cache
 * that size would push the desk past its 270 MB memory budget. Measured at 100,000 cases (npm run
 * bench): 112 MB peaked at 275 MB; 96 MB at 257 MB, but the county's unfiltered list p95 went
 * 3.56 → 4.27 ms; searches and lists stay within their targets with the capped cache.
 */
export const MAX_CACHE_KIB = 104 * 1024;

export function cacheKibFor(file: string): number {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    size = 0; // a new database
  }
  const wantKib = Math.ceil((size * 1.25) / 1024);
  return Math.min(Math.max(wantKib, 16 * 1024), MAX_CACHE_KIB);
}

export function applyTuning(db: Database, file: string): void {
  db.pragma('journal_mode=WAL');
  db.pragma('synchronous=FULL');
  db.pragma('temp_store=MEMORY');
  db.pragma('secure_delete=ON');
  db.pragma('foreign_keys=ON');
  db.pragma(`cache_size=-${cacheKibFor(file)}`);
  // An intake writes ~70 pages; with the default (1,000) every ~15th commit paid for a checkpoint
  // and the p95 of an intake tripled. The WAL is folded back on lock and exit anyway.
  db.pragma('wal_autocheckpoint=10000');
}
