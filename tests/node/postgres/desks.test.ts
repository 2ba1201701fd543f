import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PgConfig } from '../../../db';
import type { ChannelInput } from '../../../main/contract';
import { PgBridge } from '../../../db/postgres/bridge';
import { aCase, SEED } from '../../fixtures/builders';
import { ADMIN, addUser, centreDatabase, switchUser, testApp, type TestApp } from '../../helpers/app';
import { guideDatabase, ownerRunsScripts } from '../../helpers/guideCentre';
import { ownCluster } from '../../helpers/ownCluster';

// The county centre's desks (issue 17): the first desk to connect to an empty centre sets it
// up; every later desk connects through the setup wizard's 连接县中心数据库 and signs in with
// the accounts made anywhere, because the users' wrapped keys live on the server, not in a
// keys.json per PC. The desk remembers the server (centre.json) and says so when it is away.

const clusterOf = ownCluster();

/** What the wizard's form sends for a database: the certificate pinned by its fingerprint. */
function wizardInput(
  config: PgConfig,
  fingerprint = clusterOf().fingerprint,
): ChannelInput<'setup:connectCentre'> {
  return {
    host: config.host,
    port: config.port,
    database: config.database,
    user: config.user,
    password: config.password ?? '',
    // As read out over the phone: upper case with colons.
    tls: { mode: 'pinned', fingerprint: fingerprint.toUpperCase().match(/../g)!.join(':') },
  };
}

/** A desk that has not been set up: it finds its store through the wizard. */
const newDesk = (dataDir?: string) => testApp(dataDir, { centre: null });

async function setUpCentre(desk: TestApp, config: PgConfig) {
  expect(await desk.ok('setup:connectCentre', wizardInput(config))).toEqual({ joined: false, office: null });
  const { recoveryCode } = await desk.ok('setup:begin', {});
  const offices = await desk.ok('setup:offices', {});
  const county = offices.find((o) => o.kind === 'county_center')!;
  await desk.ok('setup:complete', {
    office: { kind: 'listed', id: county.id },
    admin: { ...ADMIN, passwordConfirm: ADMIN.password },
    recoveryCode,
    centre: true,
  });
  return county;
}

describe('the centre’s desks', () => {
  it('the first desk sets the centre up; a second joins it and signs in with accounts made at the first', async () => {
    const config = centreDatabase()!;
    const intake = newDesk();
    const county = await setUpCentre(intake, config);
    // The desk keeps where the server is, and nothing else: no key file, no database file.
    expect(existsSync(join(intake.dataDir, 'centre.json'))).toBe(true);
    expect(existsSync(join(intake.dataDir, 'keys.json'))).toBe(false);
    expect(existsSync(join(intake.dataDir, 'desk.db'))).toBe(false);
    const clerk = await addUser(intake, 'clerk', ['intake']);

    const dispatcher = newDesk();
    const joined = await dispatcher.ok('setup:connectCentre', wizardInput(config));
    expect(joined).toMatchObject({ joined: true, office: { id: county.id, name: county.name } });
    const status = await dispatcher.ok('auth:status', {});
    expect(status).toMatchObject({ state: 'locked', office: { name: county.name } });
    await dispatcher.ok('auth:signIn', { username: clerk.username, password: clerk.password });
    const created = await dispatcher.ok('cases:create', aCase());

    // A user made at the second desk after the first read the keys signs in at the first.
    await dispatcher.ok('auth:signOut', {});
    await dispatcher.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    const archivist = await addUser(dispatcher, 'archivist', ['archivist']);
    await intake.ok('auth:signOut', {});
    await intake.ok('auth:signIn', { username: archivist.username, password: archivist.password });
    // …and sees the case registered at the other desk.
    expect((await intake.ok('cases:get', { id: created.id })).caseNumber).toBe(created.caseNumber);

    // A password changed at one desk is the password at every desk.
    await intake.ok('account:changePassword', {
      currentPassword: archivist.password,
      password: 'Archive2026',
      passwordConfirm: 'Archive2026',
    });
    await dispatcher.ok('auth:signOut', {});
    const old = await dispatcher.call('auth:signIn', {
      username: archivist.username,
      password: archivist.password,
    });
    expect(old.ok).toBe(false);
    await dispatcher.ok('auth:signIn', { username: archivist.username, password: 'Archive2026' });

    // A third desk cannot set the centre up again: it is told to connect and sign in.
    const third = newDesk();
    const again = await third.ok('setup:connectCentre', wizardInput(config));
    expect(again.joined).toBe(true);
    expect((await third.call('setup:begin', {})).ok).toBe(false);
  });

  it('two desks that both found the centre empty: the second setup is refused, nothing of it kept', async () => {
    const config = centreDatabase()!;
    const first = newDesk();
    const second = newDesk();
    expect((await second.ok('setup:connectCentre', wizardInput(config))).joined).toBe(false);
    await setUpCentre(first, config);
    const { recoveryCode } = await second.ok('setup:begin', {});
    const offices = await second.ok('setup:offices', {});
    const refused = await second.call('setup:complete', {
      office: { kind: 'listed', id: offices[0]!.id },
      admin: {
        username: 'other',
        displayName: '另一位',
        password: 'Other1234',
        passwordConfirm: 'Other1234',
      },
      recoveryCode,
      centre: true,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!refused.ok && refused.error.message).toContain('已由另一台工作台完成初始化');
    expect(existsSync(join(second.dataDir, 'centre.json'))).toBe(false);
    // The centre still has its one administrator, whose password works.
    await first.ok('auth:signOut', {});
    await first.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    const users = await first.ok('users:list', {});
    expect(users.map((u) => u.username)).toEqual([ADMIN.username]);
  });

  it('a server that shows another certificate is refused, and the desk stays unset', async () => {
    const config = centreDatabase()!;
    const desk = newDesk();
    const wrong = await desk.call('setup:connectCentre', wizardInput(config, 'ab'.repeat(32)));
    expect(wrong).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!wrong.ok && wrong.error.message).toContain('证书指纹与设置的不一致');
    const badPassword = await desk.call('setup:connectCentre', { ...wizardInput(config), password: 'wrong' });
    expect(!badPassword.ok && badPassword.error.message).toContain('拒绝登录');
    const badFingerprint = await desk.call('setup:connectCentre', {
      ...wizardInput(config),
      tls: { mode: 'pinned', fingerprint: '12:34' },
    });
    expect(badFingerprint).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await desk.ok('auth:status', {})).state).toBe('uninitialized');
    expect(existsSync(join(desk.dataDir, 'centre.json'))).toBe(false);
  });

  it('a desk that connected to an empty centre and then chose 新建 gets a file of its own, the centre untouched', async () => {
    const config = centreDatabase()!;
    const desk = newDesk();
    expect((await desk.ok('setup:connectCentre', wizardInput(config))).joined).toBe(false);
    const { recoveryCode } = await desk.ok('setup:begin', {});
    const offices = await desk.ok('setup:offices', {});
    await desk.ok('setup:complete', {
      office: { kind: 'listed', id: offices[0]!.id },
      admin: { ...ADMIN, passwordConfirm: ADMIN.password },
      recoveryCode,
    });
    expect(existsSync(join(desk.dataDir, 'desk.db'))).toBe(true);
    expect(existsSync(join(desk.dataDir, 'keys.json'))).toBe(true);
    expect(existsSync(join(desk.dataDir, 'centre.json'))).toBe(false);
    // The centre is still empty: the next desk to connect is told so.
    expect((await newDesk().ok('setup:connectCentre', wizardInput(config))).joined).toBe(false);
  });

  it('desks work on a least-privilege role: the owner made the schema, the desks may only read and write rows', async () => {
    const centre = guideDatabase(clusterOf(), 'least');
    const deskRole = centre.desk;

    // Before the owner made the schema, the desk's role cannot: it says who must do what.
    const early = newDesk();
    expect((await early.ok('setup:connectCentre', wizardInput(deskRole))).joined).toBe(false);
    const { recoveryCode: code } = await early.ok('setup:begin', {});
    const tooEarly = await early.call('setup:complete', {
      office: { kind: 'listed', id: SEED.countyCenterId },
      admin: { ...ADMIN, passwordConfirm: ADMIN.password },
      recoveryCode: code,
      centre: true,
    });
    expect(!tooEarly.ok && tooEarly.error.message).toContain(
      '以数据库所有者账号执行 schema.sql 和 desk-role.sql',
    );

    // The owner runs the two scripts the guide names, as psql would.
    ownerRunsScripts(centre);

    await setUpCentre(newDesk(), deskRole);
    const desk = newDesk();
    expect((await desk.ok('setup:connectCentre', wizardInput(deskRole))).joined).toBe(true);
    await desk.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    const clerk = await addUser(desk, 'clerk', ['intake']);
    await switchUser(desk, clerk.username, clerk.password);
    const created = await desk.ok('cases:create', aCase());
    expect(created.caseNumber).toMatch(/第0001号/);
    // The statistics work in temporary tables: TEMPORARY is all they need.
    await switchUser(desk, ADMIN.username, ADMIN.password);
    const figures = await desk.ok('statistics:dashboard', {
      from: '2026-01-01',
      to: '2026-12-31',
      dimension: 'month',
    });
    expect(figures.total.counts.accepted).toBe(1);

    // The role itself can change rows, never the schema.
    const direct = PgBridge.open(deskRole);
    try {
      for (const ddlStatement of [
        'DROP TABLE cases',
        'CREATE TABLE mine (i int)',
        'ALTER TABLE cases ADD COLUMN x int',
        'UPDATE schema_version SET version = 1',
      ]) {
        expect(() => direct.query(ddlStatement), ddlStatement).toThrow(/permission denied|must be owner/);
      }
    } finally {
      direct.close();
    }
  });

  it('a centre desk makes no backups of its own: the server is backed up there', async () => {
    const desk = newDesk();
    await setUpCentre(desk, centreDatabase()!);
    const status = await desk.call('backup:status', {});
    expect(status).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!status.ok && status.error.message).toContain('由县中心服务器统一备份');
    expect((await desk.call('backup:run', {})).ok).toBe(false);
    // The administrator's 我的待办 holds no backup warning; signing out starts no backup.
    expect((await desk.ok('todo:mine', {})).backup).toBeNull();
    await desk.ok('auth:signOut', {});
    expect(await desk.backup.whenIdle()).toBeNull();
  });

  it('a desk started again remembers the centre; with the server away it says so and signs in once it is back', async () => {
    const config = centreDatabase()!;
    const first = newDesk();
    const county = await setUpCentre(first, config);
    await first.close();

    const again = newDesk(first.dataDir);
    expect(await again.ok('auth:status', {})).toMatchObject({
      state: 'locked',
      office: { name: county.name },
    });
    await again.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    await again.ok('auth:signOut', {});

    clusterOf().stop();
    let away = true;
    try {
      const desk = newDesk(first.dataDir);
      // The sign-in screen still names the office; signing in says what is wrong.
      expect(await desk.ok('auth:status', {})).toMatchObject({
        state: 'locked',
        office: { name: county.name },
      });
      const refused = await desk.call('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
      expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
      expect(!refused.ok && refused.error.message).toContain('无法连接县中心数据库');
      clusterOf().start();
      away = false;
      await desk.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    } finally {
      if (away) clusterOf().start();
    }
  });
});
