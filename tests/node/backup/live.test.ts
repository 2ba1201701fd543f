import { sqliteOf } from '../../../db';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../main/contract';
import { aCase, aPerson, anOrganisation } from '../../fixtures/builders';
import { ADMIN } from '../../helpers/app';
import { backupWorld } from './world';

// Backing up while the office works: the backup is the data as it was when the copy began, the
// desk goes on saving meanwhile (calls wait at most for the copy to start, never for the backup),
// and the screen gets one progress bar from start to end.

describe('a backup while the desk is in use', () => {
  it('keeps saving during the backup; the backup holds the data as it was when its copy began', async () => {
    const w = await backupWorld();
    const { app } = w;
    await w.as('clerk');
    await app.backup.whenIdle(); // the 管理员's sign-out made the day's first backup
    const progress: EventPayload<'backup:progress'>[] = [];
    const finished: EventPayload<'backup:finished'>[] = [];
    const during: { saved: Promise<unknown> | null } = { saved: null };
    app.session.onEvent((event, payload) => {
      if (event === 'backup:finished') finished.push(payload as EventPayload<'backup:finished'>);
      if (event !== 'backup:progress') return;
      const p = payload as EventPayload<'backup:progress'>;
      progress.push(p);
      // The snapshot is taken and being checked: the clerk registers a case right now.
      if (p.message.startsWith('正在校验快照') && !during.saved) {
        during.saved = app.ok(
          'cases:create',
          aCase({
            parties: [aPerson({ name: '备份中登记' }), anOrganisation()],
            repeatReason: '另一纠纷',
          }),
        );
      }
    });
    // The clerk cannot back up; a 管理员 starts it and signs out, the backup runs on.
    expect(await app.call('backup:run', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const jobId = app.backup.start('manual', null);
    const outcome = await app.backup.whenIdle();
    expect(outcome).not.toBeNull();
    expect(during.saved).not.toBeNull();
    const created = (await during.saved) as { id: string };

    // The case is saved, and its audit entry precedes the backup's: it never waited for the backup.
    await w.as('admin');
    const sql = sqliteOf(app.session.requireUnlocked().store).sql;
    const seqOf = (action: string, target: string) =>
      sql.get<{ seq: number }>(`SELECT seq FROM audit_log WHERE action = ? AND target = ?`, action, target)!
        .seq;
    expect(seqOf('cases:create', created.id)).toBeLessThan(seqOf('backup:create', outcome!.file));
    // …and it is not in the backup, which was copied before it was saved.
    const preview = await app.ok('backup:inspect', {
      path: outcome!.path,
      unlock: { kind: 'password', username: ADMIN.username, password: ADMIN.password },
    });
    expect(preview.counts.cases).toBe(1);
    expect(sql.get(`SELECT count(*) AS n FROM cases`)).toEqual({ n: 2 });

    // One progress bar: this job's events only, never going back, ending in success.
    const mine = progress.filter((p) => p.jobId === jobId);
    expect(mine.length).toBeGreaterThanOrEqual(5);
    expect(mine.every((p) => p.kind === 'backup')).toBe(true);
    const percents = mine.map((p) => p.percent);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(mine.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        '正在生成数据库快照…',
        '正在校验快照（完整性检查、核对记录数）…',
        '正在写入备份文件…',
        '正在读回并核对备份文件…',
      ]),
    );
    expect(finished).toEqual([
      {
        jobId,
        kind: 'backup',
        ok: true,
        message: expect.stringMatching(/^备份完成：desk-backup-.*已校验$/) as string,
        file: outcome!.file,
      },
    ]);
  });

  it('refuses a second backup while one runs, and shows the running one in the status', async () => {
    const w = await backupWorld();
    const { app } = w;
    await app.ok('backup:run', {});
    const status = await app.ok('backup:status', {});
    expect(status.job).toMatchObject({ kind: 'backup', trigger: 'manual' });
    expect(await app.call('backup:run', {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '正在备份，请等这次备份完成' },
    });
    await app.backup.whenIdle();
    expect((await app.ok('backup:status', {})).job).toBeNull();
  });
});
