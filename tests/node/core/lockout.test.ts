import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, setUpApp, switchUser, type TestApp } from '../../helpers/app';

// The lockout after five wrong passwords, and what an administrator can do about it.

async function lockedClerk() {
  const app = await setUpApp();
  const clerk = await addUser(app, 'clerk', ['intake']);
  await app.ok('auth:signOut', {});
  for (let i = 0; i < 5; i++) await app.call('auth:signIn', { username: 'clerk', password: `bad-${i}` });
  expect(await app.call('auth:signIn', { username: 'clerk', password: clerk.password })).toMatchObject({
    error: { code: 'ACCOUNT_LOCKED' },
  });
  return { app, clerk };
}

async function auditDetails(app: TestApp, action: string) {
  const { items } = await app.ok('audit:list', { page: 1, pageSize: 100, action });
  return items.map((e) => e.detail ?? '');
}

describe('an administrator and a locked account', () => {
  it('sees the lock in 用户管理 and lifts it with 解除锁定', async () => {
    const { app, clerk } = await lockedClerk();
    await app.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    const listed = (await app.ok('users:list', {})).find((u) => u.id === clerk.id)!;
    const minutesLeft = (Date.parse(listed.lockedUntil!) - app.clock.now().getTime()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(14);
    expect(minutesLeft).toBeLessThanOrEqual(15);
    expect(await app.ok('users:unlock', { id: clerk.id })).toMatchObject({ lockedUntil: null });
    expect(await app.call('users:unlock', { id: clerk.id })).toMatchObject({
      error: { code: 'CONFLICT', message: '“测试clerk”当前没有被锁定，请刷新列表' },
    });
    // Newest first: the refused second try, then the unlock itself.
    expect(await auditDetails(app, 'users:unlock')).toEqual([
      '“测试clerk”当前没有被锁定，请刷新列表',
      '解除测试clerk（clerk）的登录锁定',
    ]);
    await switchUser(app, 'clerk', clerk.password);
  });

  it('unlocks the account by resetting its password, and the user must choose a new one first', async () => {
    const { app, clerk } = await lockedClerk();
    await app.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    await app.ok('users:resetPassword', { id: clerk.id, password: 'Temp2026x' });
    expect(await auditDetails(app, 'users:resetPassword')).toEqual([
      '重置测试clerk（clerk）的密码并解除锁定，下次登录须修改密码',
    ]);
    await switchUser(app, 'clerk', 'Temp2026x');
    expect((await app.ok('auth:status', {})).user).toMatchObject({ mustChangePassword: true });
    expect(
      await app.call('cases:list', { page: 1, pageSize: 20, sort: 'receivedOn', order: 'desc' }),
    ).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '管理员已重置您的密码，请先设置新密码' },
    });
    expect(
      await app.call('account:changePassword', {
        currentPassword: 'Temp2026x',
        password: 'Temp2026x',
        passwordConfirm: 'Temp2026x',
      }),
    ).toMatchObject({ error: { code: 'VALIDATION', message: '新密码：新密码不能与当前密码相同，请换一个' } });
    await app.ok('account:changePassword', {
      currentPassword: 'Temp2026x',
      password: 'Mine2026xy',
      passwordConfirm: 'Mine2026xy',
    });
    expect((await app.ok('auth:status', {})).user).toMatchObject({ mustChangePassword: false });
    await app.ok('cases:list', { page: 1, pageSize: 20, sort: 'receivedOn', order: 'desc' });
    await switchUser(app, 'clerk', 'Mine2026xy');
    expect((await app.ok('auth:status', {})).user).toMatchObject({ mustChangePassword: false });
  });
});

describe('the audit log of a lockout', () => {
  it('names the account in the lock’s entry and records the attempts made during the lock', async () => {
    const { app, clerk } = await lockedClerk();
    await app.call('auth:signIn', { username: 'clerk', password: 'another-guess' });
    app.clock.advance(15 * 60_000 + 1000);
    await app.ok('auth:signIn', { username: 'clerk', password: clerk.password });
    await switchUser(app, ADMIN.username, ADMIN.password);
    expect(await auditDetails(app, 'auth:lockout')).toEqual([
      '账户测试clerk（clerk）：连续5次密码错误，锁定15分钟',
    ]);
    const signIns = await auditDetails(app, 'auth:signIn');
    expect(signIns).toContain('账户测试clerk（clerk）：锁定期间尝试登录2次');
    expect(signIns.filter((d) => d === '账户测试clerk（clerk）：密码错误')).toHaveLength(5);
  });
});
