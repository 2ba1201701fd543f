import {
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

// The installation's own identity, as opposed to a user's: an Ed25519 key that signs what leaves
// this desk (the provincial data package's manifest, later the exchange packages) and an X25519
// key others use to encrypt to it. One pair of each per installation, made at setup (or at the
// first sign-in after the upgrade that introduced them), kept wrapped in keys.json
// (./storage.ts).

const ED25519_PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');
const X25519_PKCS8 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');
const X25519_SPKI = Buffer.from('302a300506032b656e032100', 'hex');

/** The two public keys as base64url of their raw 32 bytes: what a recipient records. */
export interface InstallationPublicKeys {
  signing: string;
  agreement: string;
}

function privateFromSeed(prefix: Buffer, seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new Error('installation key seed must be 32 bytes');
  const der = Buffer.concat([prefix, seed]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

function publicFromRaw(prefix: Buffer, raw: string, what: string): KeyObject {
  const bytes = Buffer.from(raw, 'base64url');
  if (bytes.length !== 32) throw new Error(`${what}公钥格式不正确（应为32字节）`);
  return createPublicKey({ key: Buffer.concat([prefix, bytes]), format: 'der', type: 'spki' });
}

function rawPublic(key: KeyObject): string {
  const x = createPublicKey(key).export({ format: 'jwk' }).x;
  if (!x) throw new Error('not an OKP key');
  return x;
}

function seedOf(key: KeyObject): Buffer {
  const d = key.export({ format: 'jwk' }).d;
  if (!d) throw new Error('not an OKP private key');
  return Buffer.from(d, 'base64url');
}

/**
 * A short, human-comparable fingerprint of a signing public key: 16 Crockford-free hex digits in
 * groups of four ("3F2A-91C0-7B4D-E815"), read aloud over the phone to the province.
 */
export function fingerprintOf(signingPublicKey: string): string {
  const digest = createHash('sha256')
    .update('pingluo-mediation-desk/installation/v1:')
    .update(Buffer.from(signingPublicKey, 'base64url'))
    .digest('hex')
    .slice(0, 16)
    .toUpperCase();
  return digest.match(/.{4}/g)!.join('-');
}

/** Domain separation: a signature made for one purpose never verifies for another. */
function signedMessage(purpose: string, bytes: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`pingluo-mediation-desk/${purpose}\n`, 'utf8'), bytes]);
}

/** Checks a signature made by `InstallationKeys.sign` with the given public signing key. */
export function verifyInstallationSignature(
  signingPublicKey: string,
  purpose: string,
  bytes: Uint8Array,
  signature: string,
): boolean {
  try {
    const key = publicFromRaw(ED25519_SPKI, signingPublicKey, '签名');
    return verify(null, signedMessage(purpose, bytes), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export class InstallationKeys {
  readonly publicKeys: InstallationPublicKeys;

  private constructor(
    private readonly signingKey: KeyObject,
    private readonly agreementKey: KeyObject,
  ) {
    this.publicKeys = { signing: rawPublic(signingKey), agreement: rawPublic(agreementKey) };
  }

  /**
   * Two new keys from 32 random bytes each (what an Ed25519 or X25519 private key is), not from
   * generateKeyPairSync: on Node 20 the key-generation job, collected by the garbage collector
   * while the key it made is being exported, locks the key's mutex its own thread holds — the
   * process hangs for ever (seen in CI: gdb showed KeyGenJob's destructor in a futex wait).
   */
  static generate(): InstallationKeys {
    const seeds = { signing: randomBytes(32), agreement: randomBytes(32) };
    try {
      return InstallationKeys.fromSeeds(seeds);
    } finally {
      seeds.signing.fill(0);
      seeds.agreement.fill(0);
    }
  }

  /** From the two 32-byte seeds kept (wrapped) in the key file. */
  static fromSeeds(seeds: { signing: Buffer; agreement: Buffer }): InstallationKeys {
    return new InstallationKeys(
      privateFromSeed(ED25519_PKCS8, seeds.signing),
      privateFromSeed(X25519_PKCS8, seeds.agreement),
    );
  }

  /** The seeds, for wrapping; the caller wipes them. */
  seeds(): { signing: Buffer; agreement: Buffer } {
    return { signing: seedOf(this.signingKey), agreement: seedOf(this.agreementKey) };
  }

  get fingerprint(): string {
    return fingerprintOf(this.publicKeys.signing);
  }

  /**
   * base64 Ed25519 signature over `bytes`, bound to a purpose (e.g. 'province/manifest/v1') so a
   * signed manifest can never be passed off as a signed exchange package or the reverse.
   */
  sign(purpose: string, bytes: Uint8Array): string {
    return sign(null, signedMessage(purpose, bytes), this.signingKey).toString('base64');
  }

  /**
   * A 32-byte key shared with the holder of `peerAgreementKey` (X25519, then HKDF-SHA256 bound to
   * both public keys and the purpose). Either side computes the same key from its own private
   * key and the other's public key; for a one-way message the sender uses an ephemeral pair
   * (`sealingKeyFor`).
   */
  agree(peerAgreementKey: string, purpose: string): Buffer {
    return agreedKey(this.agreementKey, this.publicKeys.agreement, peerAgreementKey, purpose);
  }
}

function agreedKey(own: KeyObject, ownPublic: string, peer: string, purpose: string): Buffer {
  const shared = diffieHellman({
    privateKey: own,
    publicKey: publicFromRaw(X25519_SPKI, peer, '密钥协商'),
  });
  // Both sides order the public keys the same way, so both derive the same key.
  const [a, b] = [ownPublic, peer].sort();
  try {
    return Buffer.from(hkdfSync('sha256', shared, Buffer.from(`${a}.${b}`), purpose, 32));
  } finally {
    shared.fill(0);
  }
}
