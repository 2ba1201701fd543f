import { Worker } from 'node:worker_threads';
import { keyPragmas } from '../../../db';

// The long SQLite work of a backup runs on a worker thread with its own connections:
// better-sqlite3 is synchronous, so VACUUM INTO (8 s at 100,000 cases) or integrity_check on the
// main thread would freeze every call of the app, and on the app's one connection it would hold
// up everyone behind the mutex. In WAL mode the worker's read-only connection sees one
// consistent snapshot while the app's connection goes on writing.
//
// The worker's code is `workerMain` below, handed to the thread as source text (eval): the same
// function runs under vitest, from the Vite bundle and in Electron, with no extra entry file to
// build or locate. So it may use nothing from this module's scope: only what it is passed.

export type TableCounts = Record<string, number>;

export interface CheckResult {
  integrity: string[];
  counts: TableCounts;
  /** Migrations applied in that database: how many, and the newest one's name. */
  schema: { migrations: number; latest: string | null };
}

type WorkerJob = { kind: 'snapshot'; source: string; target: string } | { kind: 'check'; file: string };

interface WorkerInput {
  sqlitePath: string;
  keyPragmas: string[];
  /** Page cache of the checking connection: integrity_check takes 21 s at 2 MB, 8 s at 32 MB. */
  checkCacheKib: number;
  job: WorkerJob;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'counted'; counts: TableCounts }
  | { type: 'vacuuming' }
  | { type: 'vacuumed' }
  | { type: 'checked'; result: CheckResult }
  | { type: 'failed'; message: string; notADatabase: boolean };

interface SqliteStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): unknown;
}
interface SqliteDatabase {
  pragma(text: string): unknown;
  prepare(text: string): SqliteStatement;
  close(): void;
}
type SqliteConstructor = new (file: string, options: Record<string, unknown>) => SqliteDatabase;

/** Runs on the worker thread. Self-contained on purpose (see above). */
function workerMain(
  load: (path: string) => unknown,
  input: WorkerInput,
  post: (message: WorkerMessage) => void,
  waitForGo: (then: () => void) => void,
): void {
  const fail = (error: unknown) => {
    const e = error as { message?: string; code?: string };
    post({
      type: 'failed',
      message: String(e.message ?? error),
      notADatabase: e.code === 'SQLITE_NOTADB' || /not a database/i.test(String(e.message)),
    });
  };
  const Database = load(input.sqlitePath) as SqliteConstructor;
  const open = (file: string, cacheKib: number) => {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    for (const pragma of input.keyPragmas) db.pragma(pragma);
    db.pragma(`cache_size=-${cacheKib}`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  };
  const countAll = (db: SqliteDatabase) => {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
      )
      .all() as { name: string }[];
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const row = db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as {
        n: number;
      };
      counts[name] = row.n;
    }
    return counts;
  };
  const check = (file: string): CheckResult => {
    const db = open(file, input.checkCacheKib);
    try {
      const integrity = (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map(
        (r) => r.integrity_check,
      );
      const counts = countAll(db);
      let schema: CheckResult['schema'] = { migrations: 0, latest: null };
      if (counts.migrations !== undefined) {
        const latest = db.prepare('SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1').get() as
          { name: string } | undefined;
        schema = { migrations: counts.migrations, latest: latest?.name ?? null };
      }
      return { integrity, counts, schema };
    } finally {
      db.close();
    }
  };
  try {
    const job = input.job;
    if (job.kind === 'check') {
      post({ type: 'checked', result: check(job.file) });
      return;
    }
    // Two connections on the live database. `pin` opens a read transaction first: it sees the
    // snapshot the VACUUM INTO then copies (the app holds its mutex from "go" until the copy has
    // begun, so nothing commits in between), and counts the source rows in that same snapshot
    // afterwards, at leisure, while the app is writing again.
    const pin = open(job.source, 2048);
    const copier = open(job.source, 2048);
    post({ type: 'ready' });
    waitForGo(() => {
      try {
        pin.prepare('BEGIN').run();
        pin.prepare('SELECT count(*) FROM sqlite_master').get();
        post({ type: 'vacuuming' });
        copier.prepare('VACUUM INTO ?').run(job.target);
        copier.close();
        post({ type: 'vacuumed' });
        const counts = countAll(pin);
        pin.prepare('COMMIT').run();
        pin.close();
        post({ type: 'counted', counts });
        post({ type: 'checked', result: check(job.target) });
      } catch (error) {
        fail(error);
      }
    });
  } catch (error) {
    fail(error);
  }
}

// tsx and esbuild (the bench, the kill tests' bundled child) compile with keepNames, which wraps
// functions in esbuild's __name helper: the same helper is defined here for the text to run.
const bootstrap = `'use strict';
const __name = (target, value) => Object.defineProperty(target, 'name', { value, configurable: true });
const { parentPort, workerData } = require('node:worker_threads');
(${workerMain.toString()})(
  require,
  workerData,
  (message) => parentPort.postMessage(message),
  (then) => parentPort.once('message', then),
);
`;

/** The SQLite module as this process loaded it, so the worker finds it wherever the app runs from. */
function sqliteModulePath(): string {
  return require.resolve('better-sqlite3-multiple-ciphers');
}

export interface WorkerRun {
  /** Every message, in order, as it arrives. */
  onMessage(listener: (message: WorkerMessage) => void): void;
  /** Snapshot jobs wait for this after 'ready' (see workerMain). */
  go(): void;
  /** Resolves with the check result; rejects with the worker's failure. The thread then ends. */
  readonly result: Promise<CheckResult>;
  terminate(): Promise<void>;
}

export class WorkerFailure extends Error {
  constructor(
    message: string,
    readonly notADatabase: boolean,
  ) {
    super(message);
  }
}

export const CHECK_CACHE_KIB = 32 * 1024;

/** Starts one job on a fresh worker thread. The key is copied to the thread and dies with it. */
export function startWorker(job: WorkerJob, key: Buffer): WorkerRun {
  const input: WorkerInput = {
    sqlitePath: sqliteModulePath(),
    keyPragmas: keyPragmas(key),
    checkCacheKib: CHECK_CACHE_KIB,
    job,
  };
  const worker = new Worker(bootstrap, { eval: true, workerData: input });
  const listeners: ((message: WorkerMessage) => void)[] = [];
  const result = new Promise<CheckResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      for (const listener of listeners) listener(message);
      if (message.type === 'checked') {
        settled = true;
        resolve(message.result);
      } else if (message.type === 'failed') {
        settled = true;
        reject(new WorkerFailure(message.message, message.notADatabase));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`backup worker ended early (exit ${code})`));
    });
  }).finally(() => void worker.terminate());
  // Callers await `result`; this only keeps a failure that arrives first from counting as unhandled.
  result.catch(() => undefined);
  return {
    onMessage: (listener) => listeners.push(listener),
    go: () => worker.postMessage('go'),
    result,
    terminate: async () => {
      await worker.terminate();
    },
  };
}
