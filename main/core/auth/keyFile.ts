import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Office } from '../../contract';
import { SigningKey } from '../audit/signing';
import { deriveKey, newScryptParams, type KdfCost, type ScryptParams } from './kdf';
import { fileKeyHome, KEY_FILE, keyFileFromJson, type KeyHome } from './keyHome';

// The key file (keys.json) beside the encrypted database. It holds the database key wrapped
// (AES-256-GCM) once per user under a key derived from that user's password, and once under the
// recovery code. It holds no personal data: users are found by a keyed hash of their name.
// Beside the database key, each user's wrap holds their audit signing key (Ed25519 seed) under
// the same password-derived key: the database key alone does not let anyone sign in their name.

export interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

export interface WrappedKey extends Sealed {
  kdf: ScryptParams;
  /** The user's audit signing key; absent in wraps written before signed audit entries. */
  signing?: Sealed;
}

/** What a user's password opens. */
export interface UserSecrets {
  dek: Buffer;
  /** null for a wrap from before signed audit entries: the user gets a key at this sign-in. */
  signing: SigningKey | null;
}

export interface KeyFileData {
  format: 'pingluo-mediation-desk/keys';
  version: 1;
  installationId: string;
  /** An institution, shown on the sign-in screen before anything is unlocked. */
  office: Office;
  /** base64 HMAC key for user look-ups. */
  lookupKey: string;
  users: Record<string, WrappedKey>;
  recovery: WrappedKey;
  /** The installation's own keys (main/core/installationKeys); absent before they existed. */
  installation?: SealedInstallationKeys;
}

/** The installation's private keys, sealed under a key derived from the database key. */
export interface SealedInstallationKeys {
  publicKeys: { signing: string; agreement: string };
  signing: Sealed;
  agreement: Sealed;
}

export { KEY_FILE };

function aad(installationId: string, purpose: string): Buffer {
  return Buffer.from(`${installationId}/${purpose}`, 'utf8');
}

export function seal(kek: Buffer, plain: Buffer, additional: Buffer): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(additional);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** The plaintext, or null when the key is wrong or the data was altered (GCM authentication). */
export function open(kek: Buffer, sealed: Sealed, additional: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(additional);
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

async function wrap(
  dek: Buffer,
  secret: string,
  cost: KdfCost,
  additional: Buffer,
  signing?: SigningKey,
): Promise<WrappedKey> {
  const kdf = newScryptParams(cost);
  const kek = await deriveKey(secret, kdf);
  try {
    const entry: WrappedKey = { kdf, ...seal(kek, dek, additional) };
    if (signing) {
      const seed = signing.seed();
      entry.signing = seal(kek, seed, signingAad(additional));
      seed.fill(0);
    }
    return entry;
  } finally {
    kek.fill(0);
  }
}

function signingAad(additional: Buffer): Buffer {
  return Buffer.concat([additional, Buffer.from('/signing', 'utf8')]);
}

/** The database key (and signing key), or null when the secret is wrong. */
async function unwrap(entry: WrappedKey, secret: string, additional: Buffer): Promise<UserSecrets | null> {
  const kek = await deriveKey(secret, entry.kdf);
  try {
    const dek = open(kek, entry, additional);
    if (!dek) return null;
    if (!entry.signing) return { dek, signing: null };
    const seed = open(kek, entry.signing, signingAad(additional));
    // The database key opened but its signing key did not: the file was tampered with. Treat
    // it as a wrap without a key; the sign-in check then reports the mismatch with the chain.
    if (!seed) return { dek, signing: null };
    try {
      return { dek, signing: SigningKey.fromSeed(seed) };
    } finally {
      seed.fill(0);
    }
  } finally {
    kek.fill(0);
  }
}

export class KeyFile {
  /** Wraps set and removed since the last save: a shared home writes only those. */
  private changedUsers = new Set<string>();
  private removedUsers = new Set<string>();

  private constructor(
    private readonly home: KeyHome,
    private data: KeyFileData,
    /** Not yet saved anywhere: the first save makes the installation. */
    private first: boolean,
  ) {}

  static exists(dataDir: string): boolean {
    return existsSync(join(dataDir, KEY_FILE));
  }

  static load(dataDir: string): KeyFile {
    const found = KeyFile.at(fileKeyHome(dataDir));
    if (!found) throw new Error(`no key file in ${dataDir}`);
    return found;
  }

  /** The key file kept in `home`, or null when none is (not set up). */
  static at(home: KeyHome): KeyFile | null {
    const data = home.read();
    return data ? new KeyFile(home, data, false) : null;
  }

  /** A key file's text (e.g. the copy inside a backup), to be saved, if at all, into `dataDir`. */
  static parse(text: string, dataDir: string): KeyFile {
    return new KeyFile(fileKeyHome(dataDir), keyFileFromJson(text, join(dataDir, KEY_FILE)), false);
  }

  /** A new key file in memory, for a data folder or another home; nothing is written until save(). */
  static async create(
    where: string | KeyHome,
    office: Office,
    dek: Buffer,
    recoveryCode: string,
    cost: KdfCost,
  ): Promise<KeyFile> {
    const installationId = randomUUID();
    const recovery = await wrap(dek, recoveryCode, cost, aad(installationId, 'recovery'));
    const home = typeof where === 'string' ? fileKeyHome(where) : where;
    return new KeyFile(
      home,
      {
        format: 'pingluo-mediation-desk/keys',
        version: 1,
        installationId,
        office,
        lookupKey: randomBytes(32).toString('base64'),
        users: {},
        recovery,
      },
      true,
    );
  }

  /**
   * Reads the kept file again where other desks change it (the centre: a user made at another
   * desk signs in here). False when it is no longer there.
   */
  refresh(): boolean {
    if (!this.home.shared) return true;
    const data = this.home.read();
    if (!data) return false;
    this.data = data;
    this.changedUsers.clear();
    this.removedUsers.clear();
    return true;
  }

  get office(): Office {
    return this.data.office;
  }

  /** Random, per installation (a restored installation keeps its own): names its backup files. */
  get installationId(): string {
    return this.data.installationId;
  }

  get installationKeys(): SealedInstallationKeys | null {
    return this.data.installation ?? null;
  }

  setInstallationKeys(sealed: SealedInstallationKeys): void {
    this.data = { ...this.data, installation: sealed };
  }

  lookup(usernameKey: string): string {
    return createHmac('sha256', Buffer.from(this.data.lookupKey, 'base64'))
      .update(usernameKey, 'utf8')
      .digest('hex');
  }

  hasUser(usernameKey: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.data.users, this.lookup(usernameKey));
  }

  async setUser(
    usernameKey: string,
    password: string,
    dek: Buffer,
    cost: KdfCost,
    signing?: SigningKey,
  ): Promise<void> {
    const lookup = this.lookup(usernameKey);
    const entry = await wrap(dek, password, cost, aad(this.data.installationId, `user/${lookup}`), signing);
    this.data = { ...this.data, users: { ...this.data.users, [lookup]: entry } };
    this.changedUsers.add(lookup);
    this.removedUsers.delete(lookup);
  }

  removeUser(usernameKey: string): void {
    const users = { ...this.data.users };
    const lookup = this.lookup(usernameKey);
    delete users[lookup];
    this.data = { ...this.data, users };
    this.changedUsers.delete(lookup);
    this.removedUsers.add(lookup);
  }

  /** What this user's password opens, or null. Unknown users cost the same time. */
  async openForUser(usernameKey: string, password: string): Promise<UserSecrets | null> {
    const lookup = this.lookup(usernameKey);
    const entry = this.data.users[lookup];
    if (!entry) {
      await deriveKey(password, { ...this.data.recovery.kdf, salt: randomBytes(16).toString('base64') });
      return null;
    }
    return unwrap(entry, password, aad(this.data.installationId, `user/${lookup}`));
  }

  /** The database key for this user and password, or null. */
  async unwrapForUser(usernameKey: string, password: string): Promise<Buffer | null> {
    const secrets = await this.openForUser(usernameKey, password);
    secrets?.signing?.forget();
    return secrets?.dek ?? null;
  }

  async unwrapWithRecoveryCode(recoveryCode: string): Promise<Buffer | null> {
    const secrets = await unwrap(this.data.recovery, recoveryCode, aad(this.data.installationId, 'recovery'));
    return secrets?.dek ?? null;
  }

  /**
   * The same installation kept in another home from now on (a desk's file moved to the county
   * centre): every wrap, the recovery wrap, the look-up key, the installation id and keys as they
   * are, so the same passwords and recovery code open it there. Written as that home's first
   * save: a home that already holds an installation refuses it.
   */
  copyTo(home: KeyHome): void {
    const copy = new KeyFile(home, this.data, true);
    copy.changedUsers = new Set(Object.keys(this.data.users));
    copy.save();
  }

  /** Writes what changed to its home (keys.json is written whole, durably; the centre's rows changed). */
  save(): void {
    this.home.write(this.data, {
      first: this.first,
      set: [...this.changedUsers],
      removed: [...this.removedUsers],
    });
    this.first = false;
    this.changedUsers.clear();
    this.removedUsers.clear();
  }
}
