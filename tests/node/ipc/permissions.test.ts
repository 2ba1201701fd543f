import { describe, expect, it } from 'vitest';
import {
  channelNames,
  channels,
  mayAccess,
  permissions,
  roles,
  type ChannelName,
  type Role,
} from '../../../main/contract';
import { handlers } from '../../../main/ipc/handlers';
import { addUser, ADMIN, setUpApp, switchUser } from '../../helpers/app';

// Channels whose call would end the signed-in session under test; checked separately.
const ending: ChannelName[] = ['auth:signOut'];

describe('the contract and its handlers', () => {
  it('gives every channel a handler and an access rule', () => {
    for (const name of channelNames) {
      expect(typeof handlers[name], name).toBe('function');
      const access = channels[name].access;
      const parts: readonly string[] = typeof access === 'string' ? [access] : access;
      expect(parts.length, name).toBeGreaterThan(0);
      for (const part of parts) expect(['public', 'signedIn', ...permissions], name).toContain(part);
    }
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
  });

  it('keeps 领导 read-only: no mutation beyond its own account is open to it', () => {
    const open = channelNames.filter(
      (n) =>
        channels[n].kind === 'mutation' &&
        channels[n].access !== 'public' &&
        mayAccess(channels[n].access, ['leader']),
    );
    // Revealing a full ID number is a read, run as an audited call so every look is on record;
    // so is exporting a copy of a document (download, save as, open in Word) or of the case list.
    expect(open.sort()).toEqual([
      'account:changePassword',
      'auth:signOut',
      'cases:export',
      'cases:revealIdNumber',
      'documents:export',
      // ── screening & subsidy (issue 15): the monthly analysis note printed as .docx ──
      'screening:analysisDocx',
      // ── statistics (issue 15) ── the monthly return as .xlsx: a copy of figures, audited like the list's export
      'statistics:monthlyReturn',
    ]);
  });
});

describe('every channel × every role', () => {
  it('answers FORBIDDEN exactly where the role lacks the permission', async () => {
    const app = await setUpApp();
    const accounts: Record<Role, { username: string; password: string }> = {} as never;
    for (const role of roles) {
      accounts[role] = role === 'admin' ? ADMIN : await addUser(app, `u_${role}`, [role]);
    }
    let checked = 0;
    for (const role of roles) {
      await switchUser(app, accounts[role].username, accounts[role].password);
      for (const name of channelNames) {
        if (ending.includes(name) || channels[name].access === 'public') continue;
        const result = await app.dispatch(name, {});
        const allowed = mayAccess(channels[name].access, [role]);
        if (allowed)
          expect(result, `${role} → ${name}`).not.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        else
          expect(result, `${role} → ${name}`).toEqual({
            ok: false,
            error: { code: 'FORBIDDEN', message: '您没有执行此操作的权限' },
          });
        checked += 1;
      }
      // Still signed in as this role after the walk.
      expect(app.session.actor?.username).toBe(accounts[role].username);
    }
    expect(checked).toBe(
      roles.length *
        channelNames.filter((n) => !ending.includes(n) && channels[n].access !== 'public').length,
    );
  });

  it('answers UNAUTHENTICATED for every non-public channel while locked', async () => {
    const app = await setUpApp();
    await app.ok('auth:signOut', {});
    for (const name of channelNames.filter((n) => channels[n].access !== 'public')) {
      expect(await app.dispatch(name, {}), name).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
    }
  });

  it('audits a forbidden mutation', async () => {
    const app = await setUpApp();
    const clerk = await addUser(app, 'clerk', ['intake']);
    await switchUser(app, clerk.username, clerk.password);
    await app.call('users:create', {
      username: 'x1',
      displayName: '某某',
      roles: ['intake'],
      password: 'Passw0rd1',
    });
    await switchUser(app, ADMIN.username, ADMIN.password);
    const audit = await app.ok('audit:list', { page: 1, pageSize: 50, action: 'users:create' });
    expect(audit.items.find((e) => e.outcome === 'error')).toMatchObject({
      actorName: '测试clerk',
      detail: '您没有执行此操作的权限',
    });
  });
});
