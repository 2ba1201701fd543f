// The backup of the benchmark database, measured in the process that uses it (the 管理员 signed in):
// 立即备份 start to verified file, its throughput against a plain copy of a file of the same size
// on the same disk in the same run, what the desk's calls felt meanwhile (a call every 25 ms,
// through the same dispatch), the memory the process reached, and checking the backup for a
// restore (backup:inspect: unpack, integrity check, counts).
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  defaultBackupKeep,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
} from '../../main/contract';
import type { App } from '../../main/ipc';
import { ADMIN } from './build';
import { round, summarise, type Summary } from './stats';

type Ok = <K extends ChannelName>(channel: K, input: ChannelInput<K>) => Promise<ChannelOutput<K>>;

export interface BackupBenchResult {
  seconds: number;
  fileMb: number;
  mbPerSecond: number;
  plainCopyMbPerSecond: number;
  /** Seconds per phase, from the job's progress messages. */
  phases: Record<string, number>;
  /** audit:list calls made every 25 ms while the backup ran. */
  callsDuring: Summary;
  peakRssDuringMb: number;
  inspectSeconds: number;
}

function flushedCopy(from: string, to: string): number {
  const started = performance.now();
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  return (performance.now() - started) / 1000;
}

export async function benchBackup(app: App, ok: Ok, root: string): Promise<BackupBenchResult> {
  const folder = join(root, 'backups');
  mkdirSync(folder, { recursive: true });
  await ok('backup:saveSettings', { folder, autoDaily: false, ...defaultBackupKeep });

  const phases: Record<string, number> = {};
  let phase = '';
  let phaseStart = 0;
  const off = app.session.onEvent((event, payload) => {
    if (event !== 'backup:progress') return;
    const { message } = payload as { message: string };
    if (message === phase) return;
    const now = performance.now();
    if (phase) phases[phase] = round((phases[phase] ?? 0) + (now - phaseStart) / 1000, 2);
    phase = message;
    phaseStart = now;
  });

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const started = performance.now();
  await ok('backup:run', {});
  const done = app.backup.whenIdle();
  let finished = false;
  void done.finally(() => (finished = true));
  const calls: number[] = [];
  while (!finished) {
    const t = performance.now();
    await ok('audit:list', { page: 1, pageSize: 20 });
    calls.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const outcome = await done;
  const seconds = (performance.now() - started) / 1000;
  if (phase) phases[phase] = round((phases[phase] ?? 0) + (performance.now() - phaseStart) / 1000, 2);
  clearInterval(sampler);
  off();
  if (!outcome) throw new Error(`backup failed: ${app.backup.health().lastError?.message}`);

  const bytes = statSync(outcome.path).size;
  const copySeconds = flushedCopy(outcome.path, join(root, 'plain-copy.bin'));
  rmSync(join(root, 'plain-copy.bin'), { force: true });

  const inspectStart = performance.now();
  await ok('backup:inspect', {
    path: outcome.path,
    unlock: { kind: 'password', username: ADMIN.username, password: ADMIN.password },
  });
  const inspectSeconds = (performance.now() - inspectStart) / 1000;

  const mb = bytes / 1024 / 1024;
  return {
    seconds: round(seconds, 1),
    fileMb: round(mb, 1),
    mbPerSecond: round(mb / seconds, 1),
    plainCopyMbPerSecond: round(mb / copySeconds, 1),
    phases,
    callsDuring: summarise(calls),
    peakRssDuringMb: round(peakRss / 1024 / 1024, 1),
    inspectSeconds: round(inspectSeconds, 1),
  };
}
