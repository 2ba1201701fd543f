import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { moveAnchorAfterRestore } from '../../../main/core/audit/anchor';
import { ADMIN } from '../../helpers/app';
import { alarms, officeWithHistory, stealKey, withRawDatabase } from './auditWorld';

// The desk's database file replaced by an older copy of itself (auditIntegrity.test.ts has the
// other insider attacks): a test of the desk's own SQLite file, never run on the county
// centre's PostgreSQL, whose desks keep no file to copy back.

describe('a database restored from an older copy', () => {
  it('is noticed at the next sign-in and by 校验完整性', async () => {
    const { app } = await officeWithHistory();
    await app.ok('auth:signOut', {});
    const db = app.session.paths.database;
    copyFileSync(db, `${db}.old`);
    await app.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    await app.ok('settings:update', { idleLockMinutes: 20 });
    await app.ok('auth:signOut', {});
    for (const suffix of ['-wal', '-shm']) if (existsSync(db + suffix)) rmSync(db + suffix);
    copyFileSync(`${db}.old`, db);

    await app.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    expect((await app.ok('audit:verify', {})).intact).toBe(false);
    expect(await alarms(app)).toMatch(/旧/);
  });

  it('can be accepted after an audited restore through the one function that moves the anchor back', async () => {
    const { app } = await officeWithHistory();
    await app.ok('auth:signOut', {});
    const db = app.session.paths.database;
    copyFileSync(db, `${db}.old`);
    await app.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    const key = stealKey(app);
    await app.ok('auth:signOut', {});
    copyFileSync(`${db}.old`, db);
    let head = { seq: 0, hash: '' };
    await withRawDatabase(app, key, (sql) => {
      head = sql.get<{ seq: number; hash: string }>(
        `SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
      )!;
    });
    moveAnchorAfterRestore(app.dataDir, head);
    await app.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    expect((await app.ok('audit:alarms', {})).items).toHaveLength(0);
    expect(await app.ok('audit:verify', {})).toMatchObject({ intact: true });
  });
});
