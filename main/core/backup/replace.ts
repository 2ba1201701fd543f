import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Store } from '../../../db';
import type { AuditEvent } from '../audit/log';
import { queueAudit } from '../audit/queued';
import type { Clock } from '../clock';
import { fsyncDir, writeFileDurably } from '../files/durable';
import { dataPaths } from '../session/paths';
import { inTransaction } from '../session/session';
import { afterRestoreCommitted, afterRestoreInDatabase, type RestoredFrom } from './hooks';
import type { StagedRestore } from './inspect';

// Replacing the data with a checked backup (inspect.ts), with the database closed. A journal
// file makes it all-or-nothing across a crash: the old desk.db and keys.json are moved aside,
// the backup's put in place and opened (migrated if it is older), its audit log gets the
// restore's entry, and only once that has committed is the journal marked committed; then what
// lives outside the database follows (hooks.ts) and the old files go. A start-up that finds the
// journal still "swapping" puts the old files back; one that finds it "committed" finishes.

const JOURNAL = 'restore-journal.json';
const ASIDE = '.before-restore';
const DATABASE_SUFFIXES = ['', '-wal', '-shm'];

interface Journal {
  state: 'swapping' | 'committed';
  /** Whether there was a database and a key file before (not on a fresh installation). */
  had: { database: boolean; keys: boolean };
  /** Once committed: what the after-commit hooks need, to run them again after a crash. */
  restored?: RestoredFrom;
}

function files(dataDir: string) {
  const paths = dataPaths(dataDir);
  return {
    journal: join(dataDir, JOURNAL),
    database: DATABASE_SUFFIXES.map((s) => paths.database + s),
    keys: paths.keyFile,
  };
}

function putBack(file: string, had: boolean): void {
  if (existsSync(file + ASIDE)) {
    rmSync(file, { force: true });
    renameSync(file + ASIDE, file);
  } else if (!had) {
    rmSync(file, { force: true });
  }
}

function rollBack(dataDir: string, journal: Journal): void {
  const f = files(dataDir);
  for (const file of f.database) putBack(file, journal.had.database);
  putBack(f.keys, journal.had.keys);
  fsyncDir(dataDir);
  rmSync(f.journal, { force: true });
}

function finish(dataDir: string, journal: Journal): void {
  if (journal.restored) afterRestoreCommitted(journal.restored);
  const f = files(dataDir);
  for (const file of [...f.database, f.keys]) rmSync(file + ASIDE, { force: true });
  rmSync(f.journal, { force: true });
}

/** Run before anything opens the data directory: completes or undoes a restore a crash cut off. */
export function recoverInterruptedRestore(dataDir: string): 'none' | 'rolledBack' | 'finished' {
  const path = files(dataDir).journal;
  if (!existsSync(path)) return 'none';
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
  } catch {
    // Torn while being written, before any file was moved.
    journal = { state: 'swapping', had: { database: true, keys: true } };
  }
  if (journal.state === 'committed') {
    finish(dataDir, journal);
    return 'finished';
  }
  rollBack(dataDir, journal);
  return 'rolledBack';
}

export interface ReplaceOptions {
  dataDir: string;
  staged: StagedRestore;
  clock: Clock;
  /** The restore's entry in the restored audit log. */
  audit: AuditEvent;
}

export async function replaceData(options: ReplaceOptions): Promise<void> {
  const f = files(options.dataDir);
  const journal: Journal = {
    state: 'swapping',
    had: { database: existsSync(f.database[0]!), keys: existsSync(f.keys) },
  };
  writeFileDurably(f.journal, JSON.stringify(journal));
  let store: Store | null = null;
  let restored: RestoredFrom;
  try {
    for (const file of [...f.database, f.keys]) if (existsSync(file)) renameSync(file, file + ASIDE);
    renameSync(options.staged.database, f.database[0]!);
    writeFileDurably(f.keys, options.staged.keysText);
    fsyncDir(options.dataDir);

    store = await openStore({ file: f.database[0]!, key: options.staged.key, create: false });
    restored = await inTransaction(store, async (repos) => {
      // Nobody's signing key is open here: the restore's entry waits in the restored database,
      // committed with it, and the first sign-in appends it (audit/queued.ts).
      await queueAudit(repos, { ...options.audit, at: options.clock.now().toISOString() });
      const head = repos.audit.last()!;
      const from: RestoredFrom = {
        dataDir: options.dataDir,
        fileName: options.staged.fileName,
        backupCreatedAt: options.staged.manifest.createdAt,
        auditHead: { seq: head.seq, hash: head.hash },
      };
      await afterRestoreInDatabase(repos, from);
      return from;
    });
    await store.close();
    store = null;
  } catch (error) {
    await store?.close().catch(() => undefined);
    rollBack(options.dataDir, journal);
    throw error;
  }
  const committed: Journal = { ...journal, state: 'committed', restored };
  writeFileDurably(f.journal, JSON.stringify(committed));
  finish(options.dataDir, committed);
}
