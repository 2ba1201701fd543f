import { statSync } from 'node:fs';
import { ConflictError } from '../errors';
import { startWorker, type CheckResult, type TableCounts, type WorkerRun } from './worker';

// A consistent, verified snapshot of the live database: VACUUM INTO on a worker's read-only
// connection (encrypted with the same key), then opened read-only again, integrity_check'ed and
// its row counts compared with the source's in the very snapshot that was copied.
//
// The app's calls are held back (its mutex) only from "go" until the copy has begun: the moment
// the snapshot file has its first page on disk, the copy's read transaction has started, and the
// app may write again. That takes milliseconds; the copy itself (8 s at 100,000 cases) and the
// check (8 s) run while the app goes on working.

export type Hold = <T>(task: () => Promise<T>) => Promise<T>;

export interface Snapshot {
  counts: TableCounts;
  schema: CheckResult['schema'];
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function nextMessage(run: WorkerRun, types: string[]): Promise<void> {
  return new Promise((resolve) => run.onMessage((m) => types.includes(m.type) && resolve()));
}

/** Resolves once the copy has written its first page (or ended, either way). */
function copyBegun(run: WorkerRun, target: string): Promise<void> {
  let ended = false;
  void nextMessage(run, ['vacuumed', 'failed']).then(() => (ended = true));
  return new Promise((resolve) => {
    const poll = () => (ended || sizeOf(target) > 0 ? resolve() : setTimeout(poll, 2));
    poll();
  });
}

export function snapshotFailed(detail: string): ConflictError {
  return new ConflictError(`备份校验未通过（${detail}），本次备份作废，原有数据和以前的备份不受影响`);
}

export async function takeSnapshot(options: {
  database: string;
  key: Buffer;
  target: string;
  hold: Hold;
  /** 0…1 while copying; then the check, which reports no progress of its own. */
  onProgress: (stage: 'copy' | 'check', fraction: number) => void;
}): Promise<Snapshot> {
  const run = startWorker(
    { kind: 'snapshot', source: options.database, target: options.target },
    options.key,
  );
  let sourceCounts: TableCounts | null = null;
  let copying = true;
  run.onMessage((m) => {
    if (m.type === 'counted') sourceCounts = m.counts;
    if (m.type === 'vacuumed') {
      copying = false;
      options.onProgress('check', 0);
    }
  });
  const expected = Math.max(1, sizeOf(options.database));
  const ticker = setInterval(() => {
    if (copying) options.onProgress('copy', Math.min(0.99, sizeOf(options.target) / expected));
  }, 250);
  try {
    await Promise.race([nextMessage(run, ['ready']), run.result]);
    await options.hold(async () => {
      run.go();
      await copyBegun(run, options.target);
    });
    const checked = await run.result;
    if (checked.integrity.length !== 1 || checked.integrity[0] !== 'ok') {
      throw snapshotFailed(`完整性检查：${checked.integrity.slice(0, 3).join('；')}`);
    }
    const source: TableCounts = sourceCounts ?? {};
    const tables = new Set([...Object.keys(source), ...Object.keys(checked.counts)]);
    for (const table of tables) {
      if (source[table] !== checked.counts[table]) {
        throw snapshotFailed(
          `表 ${table} 的记录数：数据库 ${source[table] ?? 0}，快照 ${checked.counts[table] ?? 0}`,
        );
      }
    }
    return { counts: checked.counts, schema: checked.schema };
  } finally {
    clearInterval(ticker);
    await run.terminate();
  }
}
