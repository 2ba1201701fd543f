import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyFile } from '../../../main/core/auth/keyFile';
import { productionCost } from '../../../main/core/auth/kdf';
import { normalizeRecoveryCode } from '../../../main/core/auth/recoveryCode';
import { testKdfCost } from '../../helpers/app';
import { removeTempDirs, tempDir } from '../../helpers/tempDir';

afterEach(removeTempDirs);
const office = {
  id: '7da55d92-5712-44e5-beb3-bda8994c7a55',
  name: '平罗县人民调解中心',
  kind: 'county_center' as const,
};

describe('the key file', () => {
  it('wraps the database key per user and under the recovery code, with no user names in it', async () => {
    const dir = tempDir();
    const dek = randomBytes(32);
    const file = await KeyFile.create(dir, office, dek, 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01', testKdfCost);
    await file.setUser('zhangsan', 'Secret123', dek, testKdfCost);
    file.save();
    const text = readFileSync(`${dir}/keys.json`, 'utf8');
    expect(text).not.toContain('zhangsan');
    expect(text).not.toContain(dek.toString('base64'));
    expect(text).not.toContain(dek.toString('hex'));

    const loaded = KeyFile.load(dir);
    expect((await loaded.unwrapForUser('zhangsan', 'Secret123'))?.equals(dek)).toBe(true);
    expect(await loaded.unwrapForUser('zhangsan', 'Secret124')).toBeNull();
    expect(await loaded.unwrapForUser('lisi', 'Secret123')).toBeNull();
    expect(
      await loaded.unwrapWithRecoveryCode(normalizeRecoveryCode('abcd efgh jkmn pqrs tvwx yz01')),
    ).toBeNull();
    expect((await loaded.unwrapWithRecoveryCode('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01'))?.equals(dek)).toBe(true);
  });

  it("binds each wrap to its user: swapping two users' entries unlocks nothing", async () => {
    const dir = tempDir();
    const dek = randomBytes(32);
    const file = await KeyFile.create(dir, office, dek, 'CODE', testKdfCost);
    await file.setUser('a', 'SamePass1', dek, testKdfCost);
    await file.setUser('b', 'SamePass1', dek, testKdfCost);
    file.save();
    const data = JSON.parse(readFileSync(`${dir}/keys.json`, 'utf8')) as { users: Record<string, unknown> };
    const [first, second] = Object.keys(data.users);
    [data.users[first!], data.users[second!]] = [data.users[second!], data.users[first!]];
    writeFileSync(`${dir}/keys.json`, JSON.stringify(data));
    const swapped = KeyFile.load(dir);
    expect(await swapped.unwrapForUser('a', 'SamePass1')).toBeNull();
  });

  it('uses scrypt N=2^17, r=8, p=1 in production', async () => {
    expect(productionCost).toEqual({ N: 131072, r: 8, p: 1 });
    const dir = tempDir();
    const dek = randomBytes(32);
    const file = await KeyFile.create(dir, office, dek, 'CODE', productionCost);
    await file.setUser('u', 'Passw0rd1', dek, productionCost);
    file.save();
    const data = JSON.parse(readFileSync(`${dir}/keys.json`, 'utf8')) as { recovery: { kdf: unknown } };
    expect(data.recovery.kdf).toMatchObject({ name: 'scrypt', N: 131072, r: 8, p: 1 });
    expect((await KeyFile.load(dir).unwrapForUser('u', 'Passw0rd1'))?.equals(dek)).toBe(true);
  });
});
