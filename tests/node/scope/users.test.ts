import { describe, expect, it } from 'vitest';
import { aCase, SEED } from '../../fixtures/builders';
import { ROSTER } from '../../fixtures/roster';
import { ADMIN, addUser, setUpApp, switchUser } from '../../helpers/app';

// 用户管理 sets where an account belongs (issue 9): its organisations, and for a 调解员 the
// roster entry it acts as.

describe('organisations and roster entries in 用户管理', () => {
  it('puts the setup administrator and new users in the office unless told otherwise', async () => {
    const app = await setUpApp();
    const clerk = await addUser(app, 'clerk', ['intake']);
    const yaofu = await addUser(app, 'yaofu', ['intake'], undefined, {
      organisationIds: [SEED.yaofuCommitteeId, SEED.medicalCommitteeId],
    });
    const users = await app.ok('users:list', {});
    expect(users.map((u) => [u.username, u.organisationIds])).toEqual([
      [ADMIN.username, [SEED.countyCenterId]],
      ['clerk', [SEED.countyCenterId]],
      ['yaofu', [SEED.yaofuCommitteeId, SEED.medicalCommitteeId]],
    ]);
    expect(clerk.mediatorId).toBeNull();
    const audit = await app.ok('audit:list', { page: 1, pageSize: 5, action: 'users:create' });
    expect(audit.items[0]!.detail).toBe(
      '用户名 yaofu，角色：受理员；所属组织：姚伏镇人民调解委员会、平罗县医疗纠纷人民调解委员会',
    );
    expect(yaofu.organisationIds).toHaveLength(2);
  });

  it('refuses an unknown, a repeated or no organisation, naming the field', async () => {
    const app = await setUpApp();
    const base = { username: 'x1', displayName: '某某', roles: ['intake' as const], password: 'Passw0rd1' };
    expect(
      await app.call('users:create', { ...base, organisationIds: ['00000000-0000-4000-8000-000000000000'] }),
    ).toMatchObject({
      error: {
        code: 'VALIDATION',
        message: '所属组织：所选组织不存在，请重新选择',
        issues: [{ path: ['organisationIds', 0] }],
      },
    });
    for (const [organisationIds, message] of [
      [[], '请至少选择一个所属组织'],
      [[SEED.countyCenterId, SEED.countyCenterId], '所属组织不能重复'],
    ] as const) {
      const result = await app.call('users:create', { ...base, organisationIds: [...organisationIds] });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!result.ok) expect(result.error.message).toContain(message);
    }
  });

  it('links a 调解员 account to its roster entry, one account per entry; the roster keeps the link', async () => {
    const app = await setUpApp();
    const medical = await app.ok('mediators:save', ROSTER.medical);
    const township = await app.ok('mediators:save', ROSTER.township);
    const tiaojie = await addUser(app, 'tiaojie', ['mediator'], undefined, { mediatorId: medical.id });
    expect(tiaojie.mediatorId).toBe(medical.id);
    const roster = async () =>
      new Map((await app.ok('mediators:list', { includeInactive: true })).map((m) => [m.name, m.userId]));
    expect((await roster()).get('马秀英')).toBe(tiaojie.id);

    // Another account for the same entry; an account without the 调解员 role.
    expect(
      await app.call('users:create', {
        username: 'other',
        displayName: '另一人',
        roles: ['mediator'],
        password: 'Passw0rd1',
        mediatorId: medical.id,
      }),
    ).toMatchObject({
      error: {
        code: 'VALIDATION',
        message: '调解员名册：调解员“马秀英”已关联其他账户',
        issues: [{ path: ['mediatorId'] }],
      },
    });
    const clerk = await addUser(app, 'clerk', ['intake']);
    expect(
      await app.call('users:update', {
        id: clerk.id,
        displayName: clerk.displayName,
        roles: ['intake'],
        mediatorId: township.id,
      }),
    ).toMatchObject({
      error: { code: 'VALIDATION', message: '调解员名册：只有具有“调解员”角色的账户才能关联调解员名册' },
    });

    // Saving the roster entry (the drawer no longer offers accounts) keeps the link.
    const [listed] = (await app.ok('mediators:list', {})).filter((m) => m.id === medical.id);
    await app.ok('mediators:save', { ...ROSTER.medical, id: medical.id, version: listed!.version });
    expect((await roster()).get('马秀英')).toBe(tiaojie.id);

    // Moving the account to another entry releases the first; null releases it.
    const moved = await app.ok('users:update', {
      id: tiaojie.id,
      displayName: tiaojie.displayName,
      roles: ['mediator'],
      mediatorId: township.id,
    });
    expect(moved.mediatorId).toBe(township.id);
    expect(await roster()).toEqual(
      new Map([
        ['马秀英', null],
        ['张宏', tiaojie.id],
      ]),
    );
    await app.ok('users:update', {
      id: tiaojie.id,
      displayName: tiaojie.displayName,
      roles: ['mediator'],
      mediatorId: null,
    });
    expect((await roster()).get('张宏')).toBeNull();
  });

  it('applies a change of organisations at the user’s next call', async () => {
    const app = await setUpApp();
    const clerk = await addUser(app, 'clerk', ['intake']);
    await switchUser(app, 'clerk', clerk.password);
    const created = await app.ok('cases:create', aCase());
    await switchUser(app, ADMIN.username, ADMIN.password);
    await app.ok('users:update', {
      id: clerk.id,
      displayName: clerk.displayName,
      roles: ['intake'],
      organisationIds: [SEED.yaofuCommitteeId],
    });
    await switchUser(app, 'clerk', clerk.password);
    expect((await app.ok('cases:list', {})).total).toBe(0);
    expect(await app.call('cases:get', { id: created.id })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '未找到该案件' },
    });
  });
});
