import { hkdfSync } from 'node:crypto';
import { open, seal, type KeyFile } from '../auth/keyFile';
import { ConflictError } from '../errors';
import { InstallationKeys } from './keys';

// The installation keys are sealed in keys.json under a key derived (HKDF) from the database
// key, not under a user's password: every signed-in user may send the installation's packages,
// so whoever unlocks the database unlocks them too, and a password change touches nothing here.

function wrappingKey(dek: Buffer, installationId: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', dek, installationId, 'pingluo-mediation-desk/installation-keys/v1', 32),
  );
}

function aad(installationId: string, which: string): Buffer {
  return Buffer.from(`${installationId}/installation/${which}`, 'utf8');
}

/** Seals the keys into the key file (in memory; the caller saves it). */
export function storeInstallationKeys(keyFile: KeyFile, dek: Buffer, keys: InstallationKeys): void {
  const kek = wrappingKey(dek, keyFile.installationId);
  const seeds = keys.seeds();
  try {
    keyFile.setInstallationKeys({
      publicKeys: { ...keys.publicKeys },
      signing: seal(kek, seeds.signing, aad(keyFile.installationId, 'signing')),
      agreement: seal(kek, seeds.agreement, aad(keyFile.installationId, 'agreement')),
    });
  } finally {
    kek.fill(0);
    seeds.signing.fill(0);
    seeds.agreement.fill(0);
  }
}

/**
 * The installation's keys, opened with the database key. An installation set up before they
 * existed gets them now, once, and the key file is saved (called at every unlock).
 */
export function installationKeysAtUnlock(keyFile: KeyFile, dek: Buffer): InstallationKeys {
  const sealed = keyFile.installationKeys;
  if (!sealed) {
    const fresh = InstallationKeys.generate();
    storeInstallationKeys(keyFile, dek, fresh);
    keyFile.save();
    return fresh;
  }
  const kek = wrappingKey(dek, keyFile.installationId);
  const signing = open(kek, sealed.signing, aad(keyFile.installationId, 'signing'));
  const agreement = open(kek, sealed.agreement, aad(keyFile.installationId, 'agreement'));
  kek.fill(0);
  try {
    if (!signing || !agreement) throw damaged();
    const keys = InstallationKeys.fromSeeds({ signing, agreement });
    // The public keys beside the seals are what others were told; they must be these keys'.
    if (
      keys.publicKeys.signing !== sealed.publicKeys.signing ||
      keys.publicKeys.agreement !== sealed.publicKeys.agreement
    ) {
      throw damaged();
    }
    return keys;
  } finally {
    signing?.fill(0);
    agreement?.fill(0);
  }
}

function damaged(): ConflictError {
  return new ConflictError(
    '本机安装密钥无法解开（密钥文件 keys.json 可能被改动），请从备份恢复密钥文件后再报送或交换数据',
  );
}
