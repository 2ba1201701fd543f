import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, recoveryCodeOf, setUpApp, switchUser } from '../../helpers/app';

// The desk's own files at rest (the encrypted database file, its WAL, keys.json): a test of the
// desk's SQLite file, never run on the county centre's PostgreSQL, whose desks keep their data
// on the server (what the server holds: tests/node/postgres/dump.test.ts).

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('at rest', () => {
  it('no file in the data directory holds a user name, name, password, recovery code or audit text', async () => {
    const app = await setUpApp();
    const secrets = [
      'Admin1234',
      await recoveryCodeOf(app),
      ADMIN.displayName,
      'zhangxiaoming',
      '张晓明',
      'Zxm20261130',
      'huimin',
      '马慧敏',
      'Mhm20261130',
    ];
    await app.ok('users:create', {
      username: 'zhangxiaoming',
      displayName: '张晓明',
      roles: ['intake'],
      password: 'Zxm20261130',
    });
    await app.ok('users:create', {
      username: 'huimin',
      displayName: '马慧敏',
      roles: ['mediator', 'dispatcher'],
      password: 'Mhm20261130',
    });
    await switchUser(app, 'zhangxiaoming', 'Zxm20261130');
    await app.call('auth:signOut', {});
    await app.call('auth:signIn', { username: 'huimin', password: 'wrong-one' });
    await switchUser(app, 'huimin', 'Mhm20261130');
    // Look while signed in (WAL and temp files live) and again after sign-out.
    for (const phase of ['open', 'closed']) {
      if (phase === 'closed') await app.ok('auth:signOut', {});
      const files = filesUnder(app.dataDir);
      expect(files.some((f) => f.endsWith('desk.db'))).toBe(true);
      for (const file of files) {
        const bytes = readFileSync(file);
        for (const secret of [...secrets, 'admin']) {
          for (const encoding of ['utf8', 'utf16le'] as const) {
            expect(
              bytes.includes(Buffer.from(secret, encoding)),
              `${phase}: ${file} contains ${secret} (${encoding})`,
            ).toBe(false);
          }
        }
      }
    }
  });
});
