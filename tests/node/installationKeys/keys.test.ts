import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyFile } from '../../../main/core/auth/keyFile';
import {
  fingerprintOf,
  InstallationKeys,
  verifyInstallationSignature,
} from '../../../main/core/installationKeys/keys';
import { installationKeysAtUnlock, storeInstallationKeys } from '../../../main/core/installationKeys/storage';
import { setUpApp, switchUser, testKdfCost, type TestApp } from '../../helpers/app';
import { tempDir } from '../../helpers/tempDir';

const office = {
  id: '7da55d92-5712-44e5-beb3-bda8994c7a55',
  name: '平罗县人民调解中心',
  kind: 'county_center' as const,
};
/** The public keys as the installation's key file keeps them: keys.json, or the county centre's key tables. */
function sealedPublicKeys(app: TestApp): unknown {
  return KeyFile.at(app.session.keyHome())?.installationKeys?.publicKeys;
}
const bytes = Buffer.from('manifest bytes', 'utf8');

describe('installation keys', () => {
  it('sign for one purpose; the signature fails for another purpose, other bytes or another key', () => {
    const keys = InstallationKeys.generate();
    const other = InstallationKeys.generate();
    const signature = keys.sign('province/manifest/v1', bytes);
    expect(
      verifyInstallationSignature(keys.publicKeys.signing, 'province/manifest/v1', bytes, signature),
    ).toBe(true);
    expect(verifyInstallationSignature(keys.publicKeys.signing, 'exchange/v1', bytes, signature)).toBe(false);
    expect(
      verifyInstallationSignature(
        keys.publicKeys.signing,
        'province/manifest/v1',
        Buffer.from('x'),
        signature,
      ),
    ).toBe(false);
    expect(
      verifyInstallationSignature(other.publicKeys.signing, 'province/manifest/v1', bytes, signature),
    ).toBe(false);
    expect(verifyInstallationSignature('not-a-key', 'province/manifest/v1', bytes, signature)).toBe(false);
  });

  it('have a short fingerprint that people can read out and compare', () => {
    const keys = InstallationKeys.generate();
    expect(keys.fingerprint).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(fingerprintOf(keys.publicKeys.signing)).toBe(keys.fingerprint);
    expect(InstallationKeys.generate().fingerprint).not.toBe(keys.fingerprint);
  });

  it('agree on the same key from either side, and a third party derives another', () => {
    const a = InstallationKeys.generate();
    const b = InstallationKeys.generate();
    const c = InstallationKeys.generate();
    const ab = a.agree(b.publicKeys.agreement, 'exchange/v1');
    expect(ab).toHaveLength(32);
    expect(b.agree(a.publicKeys.agreement, 'exchange/v1').equals(ab)).toBe(true);
    expect(c.agree(b.publicKeys.agreement, 'exchange/v1').equals(ab)).toBe(false);
    expect(a.agree(b.publicKeys.agreement, 'province/v1').equals(ab)).toBe(false);
  });

  it('survive a round trip through their seeds', () => {
    const keys = InstallationKeys.generate();
    const again = InstallationKeys.fromSeeds(keys.seeds());
    expect(again.publicKeys).toEqual(keys.publicKeys);
  });
});

describe('installation keys in the key file', () => {
  it('are sealed under the database key: they open with it, the file holds no seed, a tampered seal is refused', async () => {
    const dir = tempDir();
    const dek = randomBytes(32);
    const file = await KeyFile.create(dir, office, dek, 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01', testKdfCost);
    const keys = InstallationKeys.generate();
    storeInstallationKeys(file, dek, keys);
    file.save();
    const text = readFileSync(join(dir, 'keys.json'), 'utf8');
    for (const seed of Object.values(keys.seeds())) expect(text).not.toContain(seed.toString('base64'));

    const opened = installationKeysAtUnlock(KeyFile.load(dir), dek);
    expect(opened.publicKeys).toEqual(keys.publicKeys);
    expect(() => installationKeysAtUnlock(KeyFile.load(dir), randomBytes(32))).toThrow(/密钥文件/);

    // Someone swaps the published public key for their own: refused, not silently trusted.
    const data = JSON.parse(text) as { installation: { publicKeys: { signing: string } } };
    data.installation.publicKeys.signing = InstallationKeys.generate().publicKeys.signing;
    writeFileSync(join(dir, 'keys.json'), JSON.stringify(data));
    expect(() => installationKeysAtUnlock(KeyFile.load(dir), dek)).toThrow(/无法解开/);
  });

  it('are made at setup and stay the same for every user, across sign-ins', async () => {
    const app = await setUpApp();
    const first = app.session.installationKeys().publicKeys;
    expect(sealedPublicKeys(app)).toEqual(first);
    await app.ok('users:create', {
      username: 'dangan',
      displayName: '档案员甲',
      roles: ['archivist'],
      password: 'Passw0rd1',
    });
    await switchUser(app, 'dangan', 'Passw0rd1');
    expect(app.session.installationKeys().publicKeys).toEqual(first);
  });
});
