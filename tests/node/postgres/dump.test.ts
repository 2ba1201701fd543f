import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aCase, aPerson, anOrganisation, aRefusal } from '../../fixtures/builders';
import type { PgConfig } from '../../../db';
import { ADMIN, addUser, setUpApp, switchUser, testApp, type TestApp } from '../../helpers/app';
import { ownCluster } from '../../helpers/ownCluster';
import { DATABASE_OPTIONS, postgresBin } from '../../helpers/pgCluster';
import { tempDir } from '../../helpers/tempDir';

// What the centre's server operator holds (issue 17): a pg_dump of a database the desk has
// registered a dispute in, and refused one at, holds none of the parties' names, ID numbers,
// phones or addresses, nor the dispute's words — not as text, not as the bytes of a bytea.

const clusterOf = ownCluster();

/** A server tool (pg_dump, pg_restore) as the superuser over the cluster's socket. */
function tool(name: string, args: string[]): string {
  const cluster = clusterOf();
  const bin = postgresBin()!;
  const all = ['-h', cluster.dir, '-p', String(cluster.port), '-U', 'postgres', ...args];
  const result =
    process.getuid?.() === 0
      ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, name), ...all], { encoding: 'utf8' })
      : spawnSync(join(bin, name), all, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
  return result.stdout;
}

/** The dump is written by the server's tools, which run as postgres when the tests run as root. */
function chownForPostgres(file: string): void {
  if (process.getuid?.() !== 0) return;
  spawnSync('chown', ['postgres', dirname(file)]);
}

const dump = (database: string) => tool('pg_dump', ['--no-owner', database]);
const databaseOf = (app: TestApp) => (app.session.centre as PgConfig).database;

describe('a pg_dump of the centre’s database', () => {
  it('holds no party’s name, ID number, phone or address and none of the dispute’s words', async () => {
    const app = await setUpApp();
    const clerk = await addUser(app, 'clerk', ['intake']);
    await switchUser(app, clerk.username, clerk.password);
    const person = aPerson({ name: '冯秀兰', idNumber: '640221198503150026', phone: '13995123456' });
    const company = anOrganisation({ representative: '纳建国', phone: '0952-6019876' });
    await app.ok('cases:create', aCase({ parties: [person, { ...company, role: 'respondent' }] }));
    await app.ok('intake:refuse', aRefusal({ applicantName: '马福海', applicantPhone: '13709528765' }));
    // The desk finds them again on the server, through the tokens.
    expect((await app.ok('cases:list', { query: '冯秀兰' })).total).toBe(1);

    const text = dump(databaseOf(app));
    expect(text).toContain('COPY public.parties');
    // What is plain on purpose is there to be read (a staff member's name): the search below is real.
    expect(text).toContain(ADMIN.displayName);
    const secrets = [
      '冯秀兰',
      '640221198503150026',
      '13995123456',
      '永丰村三队',
      '纳建国',
      '6019876',
      '马福海',
      '13709528765',
      '拖欠收购款',
      '种植玉米',
    ];
    for (const secret of secrets) {
      expect(text.includes(secret), secret).toBe(false);
      // bytea is dumped as hex: a plaintext stored as bytes would show as its UTF-8 in hex.
      expect(text.includes(Buffer.from(secret, 'utf8').toString('hex')), `${secret} (hex)`).toBe(false);
    }
  }, 60_000);

  it('restores into a new database from the nightly custom-format dump, and the desks sign in to it', async () => {
    const app = await setUpApp();
    const clerk = await addUser(app, 'clerk', ['intake']);
    await switchUser(app, clerk.username, clerk.password);
    const created = await app.ok(
      'cases:create',
      aCase({ parties: [aPerson({ name: '冯秀兰' }), anOrganisation()] }),
    );
    const cluster = clusterOf();
    const file = join(tempDir('desk-dump-'), 'tiaojie.dump');
    chownForPostgres(file);
    // README's operator guide, step 5: pg_dump -Fc, a new database as in step 2, pg_restore.
    tool('pg_dump', ['-Fc', '-f', file, databaseOf(app)]);
    await app.close();
    const restored = `restored_${process.pid}`;
    cluster.superSql(`CREATE DATABASE ${restored} OWNER ${cluster.user} ${DATABASE_OPTIONS}`);
    tool('pg_restore', ['-d', restored, '--no-owner', `--role=${cluster.user}`, file]);

    const centre = { ...(app.session.centre as PgConfig), database: restored };
    const desk = testApp(undefined, { centre });
    await desk.ok('auth:signIn', { username: clerk.username, password: clerk.password });
    const found = await desk.ok('cases:list', { query: '冯秀兰' });
    expect(found.items.map((c) => c.caseNumber)).toEqual([created.caseNumber]);
    // The restored desk carries on: the next number follows, the audit chain still verifies.
    const next = await desk.ok('cases:create', aCase({ repeatReason: '另一起独立纠纷' }));
    expect(next.caseNumber).toMatch(/第0002号/);
    await switchUser(desk, ADMIN.username, ADMIN.password);
    expect(await desk.ok('audit:verify', {})).toMatchObject({ intact: true });
  }, 60_000);
});
