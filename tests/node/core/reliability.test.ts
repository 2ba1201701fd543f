import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, setUpApp } from '../../helpers/app';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    filesUnder(dir).map((f) => [f, createHash('sha256').update(readFileSync(f)).digest('hex')]),
  );
}

describe('a wrong password', () => {
  it('leaves every file in the data directory byte-identical, lockout included', async () => {
    const app = await setUpApp();
    await addUser(app, 'clerk', ['intake']);
    await app.ok('auth:signOut', {});
    const before = snapshot(app.dataDir);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 7; i++) await app.call('auth:signIn', { username: 'clerk', password: `wrong-${i}` });
    await app.call('auth:signIn', { username: 'nobody', password: 'wrong' });
    await app.call('auth:recover', {
      recoveryCode: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA',
      username: 'admin',
      password: 'NewPassw0rd',
      passwordConfirm: 'NewPassw0rd',
    });
    expect(snapshot(app.dataDir)).toEqual(before);
  });
});

describe('the audit log', () => {
  async function appWithHistory() {
    const app = await setUpApp();
    await addUser(app, 'a1', ['intake']);
    await addUser(app, 'a2', ['mediator']);
    await app.ok('settings:update', { idleLockMinutes: 15 });
    expect(await app.ok('audit:verify', {})).toMatchObject({ intact: true });
    return app;
  }

  it('records who, what and the outcome of each mutating call', async () => {
    const app = await appWithHistory();
    const { items } = await app.ok('audit:list', { page: 1, pageSize: 50 });
    expect(items.map((e) => e.action)).toEqual([
      'settings:update',
      'users:create',
      'users:create',
      'setup:complete',
    ]);
    expect(items[0]).toMatchObject({
      actorName: ADMIN.displayName,
      actionLabel: '修改设置',
      outcome: 'ok',
      detail: '无操作自动锁定（分钟）：10 → 15',
    });
  });

  it('detects an edited entry', async () => {
    const app = await appWithHistory();
    // A parameter: on the county centre's PostgreSQL the detail is sealed, as the desk writes it.
    app.session.requireUnlocked().store.sql.run(`UPDATE audit_log SET detail = ? WHERE seq = 2`, '篡改');
    expect(await app.ok('audit:verify', {})).toMatchObject({ intact: false, firstBrokenSeq: 2 });
  });

  it('detects a deleted entry in the middle and at the end', async () => {
    const app = await appWithHistory();
    const sql = app.session.requireUnlocked().store.sql;
    sql.run(`DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)`);
    const tail = await app.ok('audit:verify', {});
    expect(tail.intact).toBe(false);
    expect(tail.message).toMatch(/缺失/);
    sql.run(`DELETE FROM audit_log WHERE seq = 2`);
    expect(await app.ok('audit:verify', {})).toMatchObject({ intact: false, firstBrokenSeq: 2 });
  });

  it('detects an entry rewritten with a recomputed hash (the chain breaks after it)', async () => {
    const app = await appWithHistory();
    const sql = app.session.requireUnlocked().store.sql;
    sql.run(`UPDATE audit_log SET hash = '${'f'.repeat(64)}' WHERE seq = 1`);
    expect(await app.ok('audit:verify', {})).toMatchObject({ intact: false, firstBrokenSeq: 1 });
  });
});
