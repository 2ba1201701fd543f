// kill -9 during backups, 20 times, on one data directory and one backup folder. A child process
// (crashWorker.ts) signs in and backs up over and over, registering a case during each backup; the
// test SIGKILLs it at a random moment within a backup (snapshot, check, writing, reading back,
// rotation). Afterwards the live database must be intact, every backup the app lists must pass
// the full check a restore makes, none of what a kill cut off may be listed, and the next backup
// must succeed and sweep the remains away.
import { sqliteOf } from '../../../db';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBackupKeep } from '../../../main/contract';
import { addUser, setUpApp, testApp, testKdfCost } from '../../helpers/app';
import { killableWorkers, seeded, untilKilled } from '../../helpers/killable';
import { tempDir } from '../../helpers/tempDir';
import { aCase } from '../../fixtures/builders';

const RUNS = 20;
const OPERATOR = { username: 'beifen', password: 'Beifen2026' };
const workerSource = resolve(import.meta.dirname, 'crashWorker.ts');

const workers = killableWorkers(workerSource);

interface Life {
  acked: string[];
  /** The backup phase the kill landed in ('' when between backups). */
  killedIn: string;
}

const PHASES = [
  '正在生成数据库快照…',
  '正在校验快照（完整性检查、核对记录数）…',
  '正在写入备份文件…',
  '正在读回并核对备份文件…',
  '正在清理过期的备份…',
];

/** One life of the worker, killed `delayMs` after a backup of its entered `phase`. */
async function runWorker(dataDir: string, phase: string, delayMs: number): Promise<Life> {
  const child = workers.start([dataDir, OPERATOR.username, OPERATOR.password, JSON.stringify(testKdfCost)]);
  const lines = await untilKilled(child, (out) => out.includes(`phase ${phase}\n`), delayMs);
  const life: Life = { acked: [], killedIn: '' };
  for (const line of lines) {
    const [kind, ...rest] = line.split(' ');
    if (kind === 'backup') {
      life.acked.push(rest[0]!);
      life.killedIn = '';
    } else if (kind === 'phase') life.killedIn = rest.join(' ');
    else if (kind !== 'ready') throw new Error(`unexpected worker output: ${line}`);
  }
  return life;
}

describe('kill -9 during a backup', () => {
  it(`keeps the data intact and never lists a half-written backup, over ${RUNS} kills`, async () => {
    const dataDir = tempDir('desk-backup-crash-');
    const folder = tempDir('desk-backup-crash-folder-');
    const setup = await setUpApp(dataDir);
    await addUser(setup, OPERATOR.username, ['admin', 'intake'], OPERATOR.password);
    await setup.ok('backup:saveSettings', { folder, autoDaily: false, ...defaultBackupKeep });
    // A database of a few MB, so that a backup lasts long enough to be killed in each phase.
    await setup.ok('auth:signOut', {});
    await setup.ok('auth:signIn', OPERATOR);
    for (let i = 0; i < 150; i++) {
      await setup.ok(
        'cases:create',
        aCase({
          summary: `第${i}件：${'双方因承包地界址、灌溉用水和收购款发生争执。'.repeat(20)}`,
          repeatReason: '另一纠纷',
        }),
      );
    }
    await setup.close();

    const random = seeded(20261206);
    const acked: string[] = [];
    const phases = new Set<string>();
    for (let run = 0; run < RUNS; run++) {
      // Each phase in turn, a few milliseconds in (so sometimes just into the next one).
      const life = await runWorker(dataDir, PHASES[run % PHASES.length]!, Math.round(15 * random()));
      acked.push(...life.acked);
      if (life.killedIn) phases.add(life.killedIn);
    }
    // The kills really did land inside backups, in (nearly) every phase of them.
    expect(phases.size).toBeGreaterThanOrEqual(4);

    // The next morning.
    const app = testApp(dataDir);
    await app.ok('auth:signIn', OPERATOR);
    const sql = sqliteOf(app.session.requireUnlocked().store).sql;
    expect(sql.all(`PRAGMA integrity_check`)).toEqual([{ integrity_check: 'ok' }]);
    expect(sql.all(`PRAGMA foreign_key_check`)).toEqual([]);
    expect(await app.ok('audit:verify', {})).toMatchObject({ intact: true });

    // What the app lists is whole: every listed backup passes the full check a restore makes.
    const listed = (await app.ok('backup:status', {})).files;
    if (acked.length > 0) expect(listed.length).toBeGreaterThan(0);
    for (const file of listed) {
      expect(file.name).toMatch(/^desk-backup-[0-9a-f]{8}-\d{8}-\d{6}(-\d+)?\.zip$/);
      const preview = await app.call('backup:inspect', {
        path: file.path,
        unlock: { kind: 'password', ...OPERATOR },
      });
      expect(preview.ok, `${file.name}: ${preview.ok ? '' : preview.error.message}`).toBe(true);
    }
    // Rotation keeps the newest acknowledged backup (or a newer one).
    if (acked.length > 0) expect(listed[0]!.name >= acked[acked.length - 1]!.slice(0, 33)).toBe(true);

    // The next backup succeeds and sweeps away what the kills left.
    await app.ok('backup:run', {});
    const outcome = await app.backup.whenIdle();
    expect(outcome).not.toBeNull();
    expect(readdirSync(folder).filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect(existsSync(join(dataDir, 'backup-work'))).toBe(false);
    // (The worker ran on the real clock, this app on the test day: its backup need not be the newest.)
    expect((await app.ok('backup:status', {})).files.map((f) => f.name)).toContain(outcome!.file);
  }, 300_000);
});
