import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, setUpApp, switchUser, testApp } from '../../helpers/app';

describe('first-run setup', () => {
  it('starts uninitialized, then signs the administrator in after setup', async () => {
    const app = testApp();
    expect((await app.ok('auth:status', {})).state).toBe('uninitialized');
    const { recoveryCode } = await app.ok('setup:begin', {});
    expect(recoveryCode).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    const offices = await app.ok('setup:offices', {});
    expect(offices.map((o) => o.name)).toContain('平罗县人民调解中心');
    expect(offices.filter((o) => o.kind === 'township')).toHaveLength(13);
    const user = await app.ok('setup:complete', {
      office: { kind: 'listed', id: offices[0]!.id },
      admin: { ...ADMIN, passwordConfirm: ADMIN.password },
      recoveryCode: recoveryCode.toLowerCase().replace(/-/g, ' '),
    });
    expect(user.roles).toEqual(['admin']);
    const status = await app.ok('auth:status', {});
    expect(status).toMatchObject({
      state: 'unlocked',
      office: { name: '平罗县人民调解中心' },
      idleLockMinutes: 10,
    });
  });

  it('refuses a mistyped recovery code and writes nothing', async () => {
    const app = testApp();
    await app.ok('setup:begin', {});
    const offices = await app.ok('setup:offices', {});
    const result = await app.call('setup:complete', {
      office: { kind: 'listed', id: offices[1]!.id },
      admin: { ...ADMIN, passwordConfirm: ADMIN.password },
      recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.message).toContain('恢复码');
    expect((await app.ok('auth:status', {})).state).toBe('uninitialized');
  });
});

describe('sign-in', () => {
  it('signs out and back in; a wrong password says 用户名或密码错误', async () => {
    const app = await setUpApp();
    await app.ok('auth:signOut', {});
    expect((await app.ok('auth:status', {})).state).toBe('locked');
    const wrong = await app.call('auth:signIn', { username: ADMIN.username, password: 'nope12345' });
    expect(wrong).toEqual({ ok: false, error: { code: 'AUTH_FAILED', message: '用户名或密码错误' } });
    const unknown = await app.call('auth:signIn', { username: 'nobody', password: 'nope12345' });
    expect(unknown).toEqual({ ok: false, error: { code: 'AUTH_FAILED', message: '用户名或密码错误' } });
    await app.ok('auth:signIn', { username: 'ADMIN', password: ADMIN.password });
    expect((await app.ok('auth:status', {})).user?.displayName).toBe(ADMIN.displayName);
  });

  it('locks an account after 5 failures for 15 minutes, then 30', async () => {
    const app = await setUpApp();
    await addUser(app, 'clerk', ['intake']);
    await app.ok('auth:signOut', {});
    for (let i = 0; i < 4; i++) {
      expect(await app.call('auth:signIn', { username: 'clerk', password: 'bad' })).toMatchObject({
        error: { code: 'AUTH_FAILED' },
      });
    }
    const fifth = await app.call('auth:signIn', { username: 'clerk', password: 'bad' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED', retryAfterSeconds: 900 } });
    if (!fifth.ok) expect(fifth.error.message).toBe('账户已锁定，请在15分钟后重试');
    // Even the right password is refused while locked; other accounts are unaffected.
    expect(await app.call('auth:signIn', { username: 'clerk', password: 'Passw0rd1' })).toMatchObject({
      error: { code: 'ACCOUNT_LOCKED' },
    });
    app.clock.advance(15 * 60_000 + 1000);
    for (let i = 0; i < 5; i++) await app.call('auth:signIn', { username: 'clerk', password: 'bad' });
    const again = await app.call('auth:signIn', { username: 'clerk', password: 'bad' });
    expect(again).toMatchObject({ error: { code: 'ACCOUNT_LOCKED', retryAfterSeconds: 1800 } });
    app.clock.advance(30 * 60_000);
    await switchUser(app, 'clerk', 'Passw0rd1');
    // The failures reached the audit log at the next sign-in.
    await switchUser(app, ADMIN.username, ADMIN.password);
    const audit = await app.ok('audit:list', { page: 1, pageSize: 100 });
    expect(audit.items.filter((e) => e.action === 'auth:lockout')).toHaveLength(2);
    expect(
      audit.items.filter((e) => e.action === 'auth:signIn' && e.outcome === 'error').length,
    ).toBeGreaterThanOrEqual(10);
  });

  it('auto-locks after the idle time and forgets the session', async () => {
    const app = await setUpApp();
    app.clock.advance(9 * 60_000);
    await app.ok('session:touch', {});
    app.clock.advance(10 * 60_000);
    const late = await app.call('users:list', {});
    expect(late).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await app.ok('auth:status', {})).state).toBe('locked');
  });

  it('the renderer’s background poll for changes does not hold off the idle lock', async () => {
    const app = await setUpApp();
    const before = (await app.ok('desk:changes', {})).mark;
    await addUser(app, 'clerk', ['intake']);
    // Every committed change moves the mark (it is the audit chain's length).
    expect((await app.ok('desk:changes', {})).mark).toBeGreaterThan(before);
    for (let minute = 0; minute < 10; minute++) {
      app.clock.advance(60_000);
      if (minute < 9) await app.ok('desk:changes', {});
    }
    const late = await app.call('desk:changes', {});
    expect(late).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await app.ok('auth:status', {})).state).toBe('locked');
  });
});
