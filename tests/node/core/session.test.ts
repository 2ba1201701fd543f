import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, setUpApp } from '../../helpers/app';

// A document opened "in Word" is the one plaintext copy the app writes (<dataDir>/tmp). It goes
// at launch, lock and exit — and at unlock: after a crash, or when Word still held the file at
// the last lock (Windows refuses to delete an open file), the next sign-in removes it.

describe('the plaintext copies in <dataDir>/tmp', () => {
  it('are wiped at sign-in', async () => {
    const app = await setUpApp();
    await app.ok('auth:signOut', {});
    const folder = join(app.session.paths.temp, 'open-leftover');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '人民调解协议书.docx'), 'PK plaintext agreement of 马玉兰');
    await app.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(existsSync(app.session.paths.temp)).toBe(false);
  });
});

describe('the sign-in screen after a lock', () => {
  it('is told the session was locked for idleness, until the next sign-in; a sign-out says nothing', async () => {
    const app = await setUpApp();
    app.clock.advance(11 * 60_000);
    await app.session.lockIfIdle();
    expect(await app.ok('auth:status', {})).toMatchObject({ state: 'locked', lockReason: 'idle' });
    await app.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    expect((await app.ok('auth:status', {})).lockReason).toBeNull();
    await app.ok('auth:signOut', {});
    expect(await app.ok('auth:status', {})).toMatchObject({ state: 'locked', lockReason: null });
  });

  it('says so too when the lock is found by the next call rather than the timer', async () => {
    const app = await setUpApp();
    app.clock.advance(11 * 60_000);
    expect(await app.call('settings:get', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect((await app.ok('auth:status', {})).lockReason).toBe('idle');
  });
});
