import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyFile } from '../../../main/core/auth/keyFile';
import { ADMIN, setUpApp, testApp } from '../../helpers/app';

// An installation set up before installation keys existed: its keys.json holds none (keys.test.ts
// has the rest). A desk's own file only: the county centre's key tables came after them, and
// keep a centre's keys once made (db/postgres/keys.ts), so no centre is ever without them.

describe('installation keys of an older installation', () => {
  it('are made at the first sign-in of an installation set up before they existed', async () => {
    const app = await setUpApp();
    const dir = app.dataDir;
    await app.ok('auth:signOut', {});
    await app.close();
    const data = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')) as Record<string, unknown>;
    delete data.installation;
    writeFileSync(join(dir, 'keys.json'), JSON.stringify(data));

    const upgraded = testApp(dir);
    await upgraded.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    const made = upgraded.session.installationKeys().publicKeys;
    expect(KeyFile.load(dir).installationKeys?.publicKeys).toEqual(made);
    await upgraded.ok('auth:signOut', {});
    await upgraded.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(upgraded.session.installationKeys().publicKeys).toEqual(made);
  });
});
