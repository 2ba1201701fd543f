import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, setUpApp, switchUser, type TestApp } from '../../helpers/app';

/** The desk's database file's first 16 bytes (its salt); null at the county centre, whose desks keep no file. */
function fileHeader(app: TestApp): Buffer | null {
  const onFile = app.session.requireUnlocked().store.dialect === 'sqlite';
  return onFile ? readFileSync(app.session.paths.database).subarray(0, 16) : null;
}

describe('user management', () => {
  it('refuses a duplicate user name regardless of case or width', async () => {
    const app = await setUpApp();
    await addUser(app, 'Clerk', ['intake']);
    const again = await app.call('users:create', {
      username: 'ＣＬＥＲＫ',
      displayName: '另一人',
      roles: ['intake'],
      password: 'Passw0rd1',
    });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '用户名“ＣＬＥＲＫ”已被使用，请换一个' },
    });
  });

  it('disables an account so it cannot sign in; a password reset re-enables it', async () => {
    const app = await setUpApp();
    const clerk = await addUser(app, 'clerk', ['intake']);
    await app.ok('users:disable', { id: clerk.id });
    await app.ok('auth:signOut', {});
    expect(await app.call('auth:signIn', { username: 'clerk', password: clerk.password })).toMatchObject({
      error: { code: 'AUTH_FAILED', message: '用户名或密码错误' },
    });
    await switchUser(app, ADMIN.username, ADMIN.password);
    expect(await app.ok('users:resetPassword', { id: clerk.id, password: 'Fresh2026x' })).toMatchObject({
      disabled: false,
    });
    await switchUser(app, 'clerk', 'Fresh2026x');
  });

  it('keeps at least one active administrator and never demotes or disables oneself', async () => {
    const app = await setUpApp();
    const me = app.session.actor!;
    expect(
      await app.call('users:update', { id: me.userId, displayName: me.displayName, roles: ['intake'] }),
    ).toMatchObject({
      error: { code: 'CONFLICT', message: '不能取消自己的管理员角色，请由其他管理员操作' },
    });
    expect(await app.call('users:disable', { id: me.userId })).toMatchObject({ error: { code: 'CONFLICT' } });
    const second = await addUser(app, 'admin2', ['admin']);
    await app.ok('users:update', { id: second.id, displayName: '第二管理员', roles: ['admin', 'leader'] });
    await app.ok('users:disable', { id: second.id });
    expect((await app.ok('users:list', {})).find((u) => u.id === second.id)).toMatchObject({
      disabled: true,
      roles: ['admin', 'leader'],
    });
  });

  it('changing a password rewraps the key and never re-encrypts the database', async () => {
    const app = await setUpApp();
    const dataKey = Buffer.from(app.session.requireUnlocked().dek);
    const header = fileHeader(app);
    expect(
      await app.call('account:changePassword', {
        currentPassword: 'nope',
        password: 'Changed2026',
        passwordConfirm: 'Changed2026',
      }),
    ).toMatchObject({
      error: { code: 'VALIDATION', message: '当前密码：当前密码不正确' },
    });
    await app.ok('account:changePassword', {
      currentPassword: ADMIN.password,
      password: 'Changed2026',
      passwordConfirm: 'Changed2026',
    });
    await app.ok('auth:signOut', {});
    expect(
      await app.call('auth:signIn', { username: ADMIN.username, password: ADMIN.password }),
    ).toMatchObject({ error: { code: 'AUTH_FAILED' } });
    await app.ok('auth:signIn', { username: ADMIN.username, password: 'Changed2026' });
    // The same data key opens the data (the centre's sealed values, the desk's file), and the
    // desk's file was not rewritten under another.
    expect(app.session.requireUnlocked().dek.equals(dataKey)).toBe(true);
    expect(fileHeader(app)).toEqual(header);
  });

  it('recovers a forgotten administrator password with the recovery code', async () => {
    const app = await setUpApp();
    const code = (app as unknown as { recoveryCode: string }).recoveryCode;
    await addUser(app, 'clerk', ['intake']);
    await app.ok('auth:signOut', {});
    const notAdmin = await app.call('auth:recover', {
      recoveryCode: code,
      username: 'clerk',
      password: 'Recover2026',
      passwordConfirm: 'Recover2026',
    });
    expect(notAdmin).toMatchObject({
      error: { code: 'VALIDATION', message: '用户名：恢复码只能用于重设管理员的密码' },
    });
    expect(app.session.state).toBe('locked');
    await app.ok('auth:recover', {
      recoveryCode: code.replace(/-/g, ''),
      username: 'admin',
      password: 'Recover2026',
      passwordConfirm: 'Recover2026',
    });
    await switchUser(app, ADMIN.username, 'Recover2026');
  });
});
