import { sqliteOf } from '../../../db';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aPerson } from '../../fixtures/builders';
import { ADMIN, recoveryCodeOf, switchUser, testApp } from '../../helpers/app';
import { tempDir } from '../../helpers/tempDir';
import { backUp, backupWorld, tableHashes } from './world';

// Back up, change the data, restore: the data is the backup's again, row for row in every table.

describe('back up and restore on this PC', () => {
  it('brings back every row of every table as it was at the backup', async () => {
    const w = await backupWorld();
    const { app } = w;
    const sql = () => sqliteOf(app.session.requireUnlocked().store).sql;
    const file = await backUp(app);
    // The state the backup holds: nothing has run since it finished but the entry recording it
    // (which the backup cannot hold: it is written once the backup is verified).
    const auditSeq = sql().get<{ seq: number }>(`SELECT max(seq) AS seq FROM audit_log`)!.seq;
    expect(sql().get(`SELECT action FROM audit_log WHERE seq = ?`, auditSeq)).toEqual({
      action: 'backup:create',
    });
    const atBackup = tableHashes(sql(), auditSeq - 1);
    expect(Object.keys(atBackup).length).toBeGreaterThan(30);

    // Life goes on: a new case, an edit, a voided number, a new user.
    await w.newCase({
      parties: [
        aPerson({ name: '杨建华', idNumber: undefined }),
        aPerson({ role: 'respondent', name: '丁秀兰', idNumber: undefined }),
      ],
      repeatReason: '另一纠纷',
    });
    await w.as('admin');
    await app.ok('users:create', {
      username: 'later',
      displayName: '后来者',
      roles: ['archivist'],
      password: 'Later2026x',
    });
    expect(tableHashes(sql(), auditSeq - 1)).not.toEqual(atBackup);

    const preview = await app.ok('backup:inspect', {
      path: file,
      unlock: { kind: 'password', username: ADMIN.username, password: ADMIN.password },
    });
    expect(preview).toMatchObject({
      fileName: basename(file),
      office: { name: '平罗县人民调解中心', kind: 'county_center' },
      sameInstallation: true,
      counts: { cases: 1, users: 4, documents: 1 },
      unlockedWith: 'password',
    });
    const restored = await app.ok('backup:restore', { token: preview.token, confirm: true });
    expect(restored.fileName).toBe(basename(file));
    expect(restored.safetyBackup).toMatch(/^desk-backup-[0-9a-f]{8}-\d{8}-\d{6}(-\d+)?\.zip$/);
    // The current data was backed up first, into the backup folder.
    expect(readdirSync(w.folder)).toContain(restored.safetyBackup);

    // Restoring locks the session: sign in again (with the passwords as they were in the backup).
    expect(app.session.state).toBe('locked');
    await switchUser(app, ADMIN.username, ADMIN.password);
    expect(tableHashes(sql(), auditSeq - 1)).toEqual(atBackup);
    expect((await app.call('auth:signIn', { username: 'later', password: 'Later2026x' })).ok).toBe(false);

    // The restore follows the backup's last entry in the restored audit log; the chain verifies.
    const entries = sql().all<{ action: string; detail: string }>(
      `SELECT action, detail FROM audit_log WHERE seq >= ? ORDER BY seq`,
      auditSeq,
    );
    expect(entries.map((e) => e.action)).toEqual(['backup:restored', 'auth:signIn']);
    expect(entries[0]!.detail).toContain(`从备份恢复：${basename(file)}`);
    expect(entries[0]!.detail).toContain(restored.safetyBackup!);
    expect(await app.ok('audit:verify', {})).toMatchObject({ intact: true });
    // The anchor outside the database followed the restored chain: no alarm at the sign-in.
    expect((await app.ok('audit:alarms', {})).items).toEqual([]);
    // Nothing left over beside the data.
    expect(
      readdirSync(app.dataDir).filter((n) => /before-restore|journal|staging|backup-work/.test(n)),
    ).toEqual([]);
  });

  it('restores onto a fresh data directory with the recovery code, through the first-run channels', async () => {
    const w = await backupWorld();
    const file = await backUp(w.app);
    const recoveryCode = await recoveryCodeOf(w.app);
    const counts = w.app.session
      .requireUnlocked()
      .store.sql.get<{ n: number }>(`SELECT count(*) AS n FROM case_parties`)!;

    const fresh = testApp(tempDir('desk-fresh-'));
    expect(fresh.session.state).toBe('uninitialized');
    // Any folder lists the backups in it; the wizard shows them to pick from.
    expect((await fresh.ok('setup:listBackups', { folder: w.folder })).map((f) => f.path)).toEqual([file]);
    const wrong = await fresh.call('setup:inspectBackup', {
      path: file,
      unlock: { kind: 'recovery', recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF' },
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '恢复码不正确，请核对后重新输入' },
    });
    const preview = await fresh.ok('setup:inspectBackup', {
      path: file,
      unlock: { kind: 'recovery', recoveryCode: recoveryCode.toLowerCase() },
    });
    expect(preview).toMatchObject({
      sameInstallation: false,
      unlockedWith: 'recovery',
      counts: { cases: 1 },
    });
    await fresh.ok('setup:restoreBackup', { token: preview.token, confirm: true });

    expect(fresh.session.state).toBe('locked');
    expect((await fresh.ok('auth:status', {})).office).toEqual(w.app.session.keyFile!.office);
    await fresh.ok('auth:signIn', { username: w.users.clerk.username, password: w.users.clerk.password });
    const list = await fresh.ok('cases:list', {});
    expect(list.items.map((c) => c.id)).toEqual([w.caseId]);
    expect(fresh.session.requireUnlocked().store.sql.get(`SELECT count(*) AS n FROM case_parties`)).toEqual(
      counts,
    );
    await switchUser(fresh, ADMIN.username, ADMIN.password);
    expect(await fresh.ok('audit:verify', {})).toMatchObject({ intact: true });
    const restoredEntry = fresh.session
      .requireUnlocked()
      .store.sql.get<{ detail: string; actorName: string | null }>(
        `SELECT detail, actor_name AS actorName FROM audit_log WHERE action = 'backup:restored'`,
      );
    expect(restoredEntry).toEqual({
      detail: expect.stringContaining('首次使用时从备份恢复') as string,
      actorName: null,
    });
    // The new PC's own backup settings start empty: the old PC's folder is not this one's.
    expect((await fresh.ok('backup:status', {})).settings.folder).toBeNull();
    // The first-run channels answer no more once the installation is set up.
    expect(await fresh.call('setup:listBackups', { folder: w.folder })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('refuses a restore without a checked backup, or once the check is older than 15 minutes', async () => {
    const w = await backupWorld();
    const file = await backUp(w.app);
    expect(await w.app.call('backup:restore', { token: 'not-a-token', confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '请重新选择并解锁备份文件（检查结果已失效）' },
    });
    const preview = await w.app.ok('backup:inspect', {
      path: file,
      unlock: { kind: 'password', username: ADMIN.username, password: ADMIN.password },
    });
    w.app.clock.advance(16 * 60_000);
    w.app.session.touch();
    expect(await w.app.call('backup:restore', { token: preview.token, confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '检查备份已超过15分钟，请重新选择并解锁备份文件' },
    });
    expect(w.app.session.state).toBe('unlocked');
    expect(existsSync(join(w.app.dataDir, 'restore-staging'))).toBe(false);
  });
});
