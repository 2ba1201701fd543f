import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBackupKeep } from '../../../main/contract';
import { rotate } from '../../../main/core/backup/create';
import { backupFileName, parseBackupName } from '../../../main/core/backup/names';
import { officeDate } from '../../../main/core/dates';
import { ADMIN, addUser, setUpApp, switchUser, type TestApp } from '../../helpers/app';
import { tempDir } from '../../helpers/tempDir';

// The schedule runs on the app's injectable clock: one backup a day while someone is signed in,
// one at sign-out when none was made that day, rotation keeping 7 daily / 4 weekly / 12 monthly,
// and the 管理员 warned (on 我的待办, their home) when backups stop.

const DAY = 86_400_000;

async function office(freeSpace?: (dir: string) => number): Promise<{ app: TestApp; folder: string }> {
  const app = await setUpApp(undefined, freeSpace ? { freeSpace } : {});
  const folder = tempDir('desk-sched-backups-');
  await app.ok('backup:saveSettings', { folder, autoDaily: true, ...defaultBackupKeep });
  return { app, folder };
}

const dates = (folder: string) =>
  readdirSync(folder)
    .map((name) => parseBackupName(name))
    .map((parsed) => officeDate(parsed!.at))
    .sort();

describe('the daily backup', () => {
  it('runs once a day on the clock, and rotation keeps what the policy says (40 days of real backups)', async () => {
    const { app, folder } = await office();
    // Day 0 is Monday 2026-11-30; day 39 is Friday 2027-01-08: a month and a year turn, six weeks.
    for (let day = 0; day < 40; day++) {
      await app.backup.tick();
      await app.backup.tick(); // the same day again: nothing
      if (day < 39) app.clock.advance(DAY);
      app.session.touch(); // someone works on, day after day
    }
    expect(officeDate(app.clock.now())).toBe('2027-01-08');
    expect(dates(folder)).toEqual([
      '2026-11-30', // the newest of November
      '2026-12-20', // the newest of the week of 14 December
      '2026-12-27', // … of 21 December
      '2026-12-31', // the newest of December
      '2027-01-02', // the last 7 days (and the week of 28 December's newest, 3 January)
      '2027-01-03',
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
    ]);
    const audit = (await app.ok('audit:list', { action: 'backup:create', pageSize: 100 })).items;
    expect(audit).toHaveLength(40);
    expect(audit.every((e) => e.outcome === 'ok' && e.detail!.startsWith('每日自动备份：'))).toBe(true);
    const status = await app.ok('backup:status', {});
    expect(status.files).toHaveLength(11);
    expect(officeDate(new Date(status.health.lastVerifiedAt!))).toBe('2027-01-08');
    expect(status.health.notices).toEqual([]);
  });

  it('leaves 7 daily, 4 weekly and 12 monthly backups after a year of daily backups', async () => {
    const { app, folder } = await office();
    const installation = app.session.keyFile!.installationId;
    // What each day's backup leaves in the folder: its file, then the job's rotation.
    for (let day = 0; day < 365; day++) {
      writeFileSync(join(folder, backupFileName(installation, app.clock.now())), 'a backup');
      rotate(folder, installation, defaultBackupKeep);
      if (day < 364) app.clock.advance(DAY);
    }
    expect(officeDate(app.clock.now())).toBe('2027-11-29');
    expect(dates(folder)).toEqual([
      // the newest of each of the last 12 months
      '2026-12-31',
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
      '2027-06-30',
      '2027-07-31',
      '2027-08-31',
      '2027-09-30',
      '2027-10-31',
      // the newest of each of the last 4 weeks (Monday 22 and 29 November's are among the days)
      '2027-11-14',
      '2027-11-21',
      // the last 7 days
      '2027-11-23',
      '2027-11-24',
      '2027-11-25',
      '2027-11-26',
      '2027-11-27',
      '2027-11-28',
      '2027-11-29',
    ]);
    // Another office's backups in a shared folder are never rotated away.
    const foreign = backupFileName('ffffffff-0000-4000-8000-000000000000', new Date('2026-01-01T00:00:00Z'));
    writeFileSync(join(folder, foreign), 'theirs');
    rotate(folder, installation, { keepDaily: 1, keepWeekly: 0, keepMonthly: 0 });
    expect(readdirSync(folder).sort()).toEqual(
      [foreign, backupFileName(installation, app.clock.now())].sort(),
    );
  });

  it('backs up at sign-out when none was made today, and not when one was', async () => {
    const { app, folder } = await office();
    await addUser(app, 'clerk', ['intake']);
    await app.ok('auth:signOut', {});
    await app.backup.whenIdle();
    expect(readdirSync(folder)).toHaveLength(1);
    const audit = async () => {
      await switchUser(app, ADMIN.username, ADMIN.password);
      return (await app.ok('audit:list', { action: 'backup:create' })).items;
    };
    const entries = await audit();
    expect(entries).toMatchObject([{ outcome: 'ok', actorName: ADMIN.displayName }]);
    expect(entries[0]!.detail).toMatch(/^退出登录时自动备份：desk-backup-.*校验通过$/);
    // Again today: no second backup.
    await switchUser(app, 'clerk', 'Passw0rd1');
    await app.ok('auth:signOut', {});
    await app.backup.whenIdle();
    expect(readdirSync(folder)).toHaveLength(1);
    // Tomorrow, the clerk's sign-out makes the day's backup.
    app.clock.advance(DAY);
    await app.ok('auth:signIn', { username: 'clerk', password: 'Passw0rd1' });
    await app.ok('auth:signOut', {});
    await app.backup.whenIdle();
    expect(readdirSync(folder)).toHaveLength(2);
  });

  it('does not back up while turned off, and retries a failed backup after an hour', async () => {
    let dataDiskFull = true;
    const { app, folder } = await office((dir) =>
      dir.endsWith('backup-work') && dataDiskFull ? 0 : 2 ** 40,
    );
    await app.ok('backup:saveSettings', { folder, autoDaily: false, ...defaultBackupKeep });
    await app.backup.tick();
    expect(app.backup.health().lastError).toBeNull();
    await app.ok('backup:saveSettings', { folder, autoDaily: true, ...defaultBackupKeep });

    const attempts = async () => (await app.ok('audit:list', { action: 'backup:create' })).items;
    await app.backup.tick();
    expect(await attempts()).toMatchObject([
      { outcome: 'error', detail: '每日自动备份：本机磁盘空间不足，无法生成备份快照，请清理磁盘后重试' },
    ]);
    dataDiskFull = false;
    app.clock.advance(30 * 60_000);
    app.session.touch();
    await app.backup.tick();
    expect(await attempts()).toHaveLength(1);
    app.clock.advance(31 * 60_000);
    app.session.touch();
    await app.backup.tick();
    expect((await attempts()).map((e) => e.outcome)).toEqual(['ok', 'error']);
    expect(readdirSync(folder)).toHaveLength(1);
    expect(app.backup.health().notices).toEqual([]);
  });
});

describe('backup health for the 管理员', () => {
  it('warns on 我的待办 when no folder is set, after 3 days without a backup, and when the folder is missing or full', async () => {
    let free = 10 * 1024 ** 3;
    const { app, folder } = await office(() => free);
    const todo = async () => (await app.ok('todo:mine', {})).backup!;
    // Set but never backed up.
    expect((await todo()).notices.map((n) => n.title)).toEqual(['还没有成功的备份']);
    await app.ok('backup:run', {});
    await app.backup.whenIdle();
    const fresh = await todo();
    expect(fresh.notices).toEqual([]);
    expect(fresh.lastVerifiedAt).toBe((await app.ok('backup:status', {})).health.lastVerifiedAt);

    app.clock.advance(3 * DAY + 60_000);
    app.session.touch();
    expect((await todo()).notices).toMatchObject([
      {
        level: 'warning',
        title: '已超过3天没有备份',
        detail: expect.stringContaining('上次成功的备份是 2026-11-30') as string,
      },
    ]);

    free = 1024;
    expect((await todo()).notices.map((n) => n.title)).toEqual(['备份位置空间不足', '已超过3天没有备份']);
    free = 10 * 1024 ** 3;

    renameSync(folder, `${folder}-unplugged`);
    const missing = await todo();
    expect(missing.notices[0]).toEqual({
      level: 'error',
      title: '找不到备份位置',
      detail: `找不到“${folder}”：请插入备份用的U盘或连接网络共享，或在“数据备份”中重新选择备份位置。`,
    });
    // 立即备份 fails with the same reason, and that failure is on record too.
    await app.ok('backup:run', {});
    await app.backup.whenIdle();
    expect((await todo()).notices.map((n) => n.title)).toEqual([
      '找不到备份位置',
      '已超过3天没有备份',
      '最近一次备份失败',
    ]);
    renameSync(`${folder}-unplugged`, folder);
  });

  it('shows no backup part on 我的待办 to those who do not manage backups, and 我的待办 opens for a 管理员', async () => {
    const { app } = await office();
    const admin = await app.ok('todo:mine', {});
    expect(admin).toMatchObject({ newArrivals: [], returned: [], dueSoon: [], overdue: [] });
    expect(admin.backup).not.toBeNull();
    await addUser(app, 'clerk', ['intake']);
    await switchUser(app, 'clerk', 'Passw0rd1');
    expect((await app.ok('todo:mine', {})).backup).toBeNull();
  });

  it('warns a fresh installation that no backup location is set', async () => {
    const app = await setUpApp();
    expect((await app.ok('todo:mine', {})).backup!.notices).toMatchObject([
      { level: 'error', title: '尚未设置备份位置' },
    ]);
  });
});
