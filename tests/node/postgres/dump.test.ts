import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aCase, aPerson, anOrganisation, aRefusal } from '../../fixtures/builders';
import { ADMIN, addUser, setUpApp, switchUser } from '../../helpers/app';
import { ownCluster } from '../../helpers/ownCluster';
import { postgresBin } from '../../helpers/pgCluster';

// What the centre's server operator holds (issue 17): a pg_dump of a database the desk has
// registered a dispute in, and refused one at, holds none of the parties' names, ID numbers,
// phones or addresses, nor the dispute's words — not as text, not as the bytes of a bytea.

const clusterOf = ownCluster();

function dump(database: string): string {
  const cluster = clusterOf();
  const bin = postgresBin()!;
  const args = ['-h', cluster.dir, '-p', String(cluster.port), '-U', 'postgres', '--no-owner', database];
  const result =
    process.getuid?.() === 0
      ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, 'pg_dump'), ...args], { encoding: 'utf8' })
      : spawnSync(join(bin, 'pg_dump'), args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pg_dump failed: ${result.stderr}`);
  return result.stdout;
}

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

    const database = (app.session as unknown as { centre: { database: string } }).centre.database;
    const text = dump(database);
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
});
