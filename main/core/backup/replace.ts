import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Store } from '../../../db';
import { appendAudit, type AuditEvent } from '../audit/log';
import type { Clock } from '../clock';
import { fsyncDir, writeFileDurably } from '../files/durable';
import { dataPaths } from '../session/paths';
import { inTransaction } from '../session/session';
import { afterRestore } from './hooks';
import type { StagedRestore } from './inspect';

// Replacing the data with a checked backup (inspect.ts), with the database closed. A journal
// file makes it all-or-nothing across a crash: the old desk.db and keys.json are moved aside,
// the backup's put in place and opened (migrated if it is older), its audit log gets the
// restore's entry, and only then is the journal marked committed and the old files deleted.
// A start-up that finds a journal still "swapping" puts the old files back.

const JOURNAL = 'restore-journal.json';
const ASIDE = '.before-restore';
const DATABASE_SUFFIXES = ['', '-wal', '-shm'];

interface Journal {
  state: 'swapping' | 'committed';
  /** Whether there was a database and a key file before (not on a fresh installation). */
  had: { database: boolean; keys: boolean };
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

function finish(dataDir: string): void {
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
    finish(dataDir);
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
  try {
    for (const file of [...f.database, f.keys]) if (existsSync(file)) renameSync(file, file + ASIDE);
    renameSync(options.staged.database, f.database[0]!);
    writeFileDurably(f.keys, options.staged.keysText);
    fsyncDir(options.dataDir);

    store = await openStore({ file: f.database[0]!, key: options.staged.key, create: false });
    await inTransaction(store, async (repos) => {
      await appendAudit(repos, options.clock, options.audit);
      const head = repos.audit.last()!;
      await afterRestore(repos, {
        dataDir: options.dataDir,
        fileName: options.staged.fileName,
        backupCreatedAt: options.staged.manifest.createdAt,
        auditHead: { seq: head.seq, hash: head.hash },
      });
    });
    await store.close();
    store = null;
  } catch (error) {
    await store?.close().catch(() => undefined);
    rollBack(options.dataDir, journal);
    throw error;
  }
  writeFileDurably(f.journal, JSON.stringify({ ...journal, state: 'committed' } satisfies Journal));
  finish(options.dataDir);
}
