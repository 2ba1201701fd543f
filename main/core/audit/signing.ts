import { createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';

// Each user signs the audit entries their session appends with an Ed25519 key of their own.
// The private key lives in the key file wrapped under the user's password (beside their wrap of
// the database key), so holding the database key is not enough to sign in someone else's name.
// The public key is recorded in the audit chain itself (an entry's `enrols` fields).

/** Domain separation: a signature over an audit hash can never be replayed as anything else. */
function message(hash: string): Buffer {
  return Buffer.from(`pingluo-mediation-desk/audit/v2:${hash}`, 'utf8');
}

export class SigningKey {
  private constructor(
    private key: KeyObject | null,
    /** base64url of the raw 32-byte public key: what the chain records. */
    readonly publicKey: string,
  ) {}

  /**
   * A new key from a random 32-byte seed, not generateKeyPairSync: on Node 20 a collected
   * key-generation job can deadlock against the export of the key it made (see
   * installationKeys/keys.ts, InstallationKeys.generate).
   */
  static generate(): SigningKey {
    const seed = randomBytes(32);
    try {
      return SigningKey.fromSeed(seed);
    } finally {
      seed.fill(0);
    }
  }

  /** From the 32-byte seed stored (wrapped) in the key file. */
  static fromSeed(seed: Buffer): SigningKey {
    const derPrefix = Buffer.from('302e020100300506032b657004220420', 'hex');
    const der = Buffer.concat([derPrefix, seed]);
    try {
      return SigningKey.fromPrivate(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
    } finally {
      der.fill(0);
    }
  }

  private static fromPrivate(privateKey: KeyObject): SigningKey {
    const x = createPublicKey(privateKey).export({ format: 'jwk' }).x;
    if (!x) throw new Error('not an Ed25519 key');
    return new SigningKey(privateKey, x);
  }

  /** The 32-byte seed, for wrapping; the caller wipes it. */
  seed(): Buffer {
    const d = this.require().export({ format: 'jwk' }).d;
    if (!d) throw new Error('not an Ed25519 private key');
    return Buffer.from(d, 'base64url');
  }

  /** base64 signature over an entry's hash. */
  sign(hash: string): string {
    return sign(null, message(hash), this.require()).toString('base64');
  }

  /** Drops the key at lock. Node cannot zero a KeyObject; it is unreachable from here on. */
  forget(): void {
    this.key = null;
  }

  private require(): KeyObject {
    if (!this.key) throw new Error('signing key already forgotten');
    return this.key;
  }
}

const publicKeys = new Map<string, KeyObject>();

export function verifySignature(publicKey: string, hash: string, signature: string): boolean {
  let key = publicKeys.get(publicKey);
  try {
    if (!key) {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
      if (publicKeys.size > 1000) publicKeys.clear();
      publicKeys.set(publicKey, key);
    }
    return verify(null, message(hash), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
