import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrations, openStore } from '../../../db';
import { KeyFile } from '../../../main/core/auth/keyFile';
import { normalizeRecoveryCode, newRecoveryCode } from '../../../main/core/auth/recoveryCode';
import { usernameKey } from '../../../main/core/users/names';
import { ADMIN, testApp, testKdfCost } from '../../helpers/app';
import { insertLegacyChain } from '../../helpers/legacyAudit';
import { tempDir } from '../../helpers/tempDir';

// An installation made before entries were signed: a key file whose wraps hold only the
// database key, and a chain of unsigned entries. After the upgrade it must keep verifying, and
// each user gets a signing key at their next sign-in, recorded in the chain.

async function legacyInstallation(): Promise<string> {
  const dataDir = tempDir('desk-legacy-');
  const office = {
    id: '7da55d92-5712-44e5-beb3-bda8994c7a55',
    name: '平罗县人民调解中心',
    kind: 'county_center' as const,
  };
  const dek = randomBytes(32);
  const keyFile = await KeyFile.create(
    dataDir,
    office,
    dek,
    normalizeRecoveryCode(newRecoveryCode()),
    testKdfCost,
  );
  await keyFile.setUser(usernameKey(ADMIN.username), ADMIN.password, dek, testKdfCost);
  const store = await openStore({
    file: `${dataDir}/desk.db`,
    key: dek,
    create: true,
    migrations: migrations.slice(0, 5),
  });
  const adminId = randomUUID();
  store.sql.run(
    `INSERT INTO settings (key, value) VALUES ('office', ?), ('idleLockMinutes', '10')`,
    JSON.stringify(office),
  );
  store.sql.run(
    `INSERT INTO users (id, origin_office_id, created_at, updated_at, username, username_key, display_name, roles)
     VALUES (?, ?, 't', 't', ?, ?, ?, '["admin"]')`,
    adminId,
    office.id,
    ADMIN.username,
    usernameKey(ADMIN.username),
    ADMIN.displayName,
  );
  const chain = insertLegacyChain(store, { id: adminId, name: ADMIN.displayName }, [
    'setup:complete',
    'auth:signOut',
  ]);
  const head = { seq: chain.at(-1)!.seq, hash: chain.at(-1)!.hash };
  store.sql.run(`INSERT INTO settings (key, value) VALUES ('audit.head', ?)`, JSON.stringify(head));
  await store.close();
  keyFile.save();
  return dataDir;
}

describe('upgrading an installation whose audit entries were not signed', () => {
  it('keeps the old chain verifying and enrols each user’s key at their next sign-in', async () => {
    const app = testApp(await legacyInstallation());
    await app.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(await app.ok('audit:verify', {})).toMatchObject({ intact: true });
    expect((await app.ok('audit:alarms', {})).items).toEqual([]);
    const { items } = await app.ok('audit:list', { page: 1, pageSize: 10 });
    expect(items.map((e) => e.action)).toEqual([
      'auth:signIn',
      'audit:keyEnrolled',
      'auth:signOut',
      'setup:complete',
    ]);
    expect(items[1]).toMatchObject({ actionLabel: '登记签名密钥', actorName: ADMIN.displayName });

    // A second sign-in finds the key in the key file and in the chain: nothing new to enrol.
    await app.ok('auth:signOut', {});
    await app.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    await app.ok('users:create', {
      username: 'clerk',
      displayName: '李青',
      roles: ['intake'],
      password: 'Passw0rd1',
    });
    const verdict = await app.ok('audit:verify', {});
    expect(verdict).toMatchObject({ intact: true, checked: 7 });
    expect(
      (await app.ok('audit:list', { page: 1, pageSize: 10 })).items.filter(
        (e) => e.action === 'audit:keyEnrolled',
      ),
    ).toHaveLength(1);
  });
});
