import { createHash, createHmac, type CipherGCM } from 'node:crypto';
import { Transform } from 'node:stream';
import { deriveKey, type ScryptParams } from '../auth/kdf';
import type { InstallationKeys } from '../installationKeys/keys';
import { ValidationError } from '../errors';

// How personal data in a package is protected: every data file is encrypted (AES-256-GCM) under
// a key from the password the 档案员 chose (scrypt, salt per batch) or agreed with the
// recipient's X25519 key (the province's); unencrypted only for the 管理员, after a warning.
// The nonce is derived from the key, the batch, the file and the mapping: the same batch
// exported again under the same key gives the same bytes, and the same key and nonce never
// encrypt two different plaintexts (a batch's records are frozen once it is made).

export const PASSWORD_COST = { N: 2 ** 15, r: 8, p: 1 } as const;

export type Protection =
  { mode: 'password'; password: string } | { mode: 'recipient'; recipientKey: string } | { mode: 'none' };

export type ProtectionManifest =
  | { mode: 'password'; cipher: 'aes-256-gcm'; kdf: ScryptParams }
  | {
      mode: 'recipient';
      cipher: 'aes-256-gcm';
      agreement: 'x25519-hkdf-sha256';
      recipientKey: string;
      info: string;
    }
  | { mode: 'none' };

export interface PackageKey {
  key: Buffer | null;
  manifest: ProtectionManifest;
}

export function checkPassword(password: string): void {
  const p = password.normalize('NFKC');
  if (p.length < 10 || !/[A-Za-z]/.test(p) || !/\d/.test(p)) {
    throw ValidationError.field(['password'], '加密密码', '至少10位，须同时含有字母和数字');
  }
}

export async function packageKey(
  protection: Protection,
  batch: { id: string; salt: string },
  keys: InstallationKeys,
): Promise<PackageKey> {
  if (protection.mode === 'none') return { key: null, manifest: { mode: 'none' } };
  if (protection.mode === 'password') {
    checkPassword(protection.password);
    const kdf: ScryptParams = { name: 'scrypt', ...PASSWORD_COST, salt: batch.salt };
    return {
      key: await deriveKey(protection.password, kdf),
      manifest: { mode: 'password', cipher: 'aes-256-gcm', kdf },
    };
  }
  const info = `pingluo-mediation-desk/province/package/v1:${batch.id}`;
  let key: Buffer;
  try {
    key = keys.agree(protection.recipientKey, info);
  } catch {
    throw ValidationError.field(
      ['recipientKey'],
      '接收方公钥',
      '接收方公钥格式不正确：应为省级系统提供的43个字符的公钥',
    );
  }
  return {
    key,
    manifest: {
      mode: 'recipient',
      cipher: 'aes-256-gcm',
      agreement: 'x25519-hkdf-sha256',
      recipientKey: protection.recipientKey,
      info,
    },
  };
}

export function nonceFor(key: Buffer, parts: string[]): Buffer {
  return createHmac('sha256', key).update(parts.join('\n')).digest().subarray(0, 12);
}

/**
 * AES-256-GCM as a stream: ciphertext, then the 16-byte tag. The cipher may still be on its way
 * (its key from scrypt, on the thread pool): what comes before it waits here, up to
 * `waiting` bytes, so compressing goes on meanwhile.
 */
export function encryptingStream(cipher: Promise<CipherGCM>, waiting = 8 * 1024 * 1024): Transform {
  let ready: CipherGCM | null = null;
  const withCipher = (fn: (c: CipherGCM) => Buffer, done: (error?: Error | null, data?: Buffer) => void) => {
    if (ready) return done(null, fn(ready));
    cipher.then((c) => {
      ready = c;
      done(null, fn(c));
    }, done);
  };
  return new Transform({
    writableHighWaterMark: waiting,
    transform(chunk: Buffer, _enc, done) {
      withCipher((c) => c.update(chunk), done);
    },
    flush(done) {
      withCipher((c) => Buffer.concat([c.final(), c.getAuthTag()]), done);
    },
  });
}

/** Counts and hashes what passes through (the bytes as stored in the zip). */
export class Digesting extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;

  override _transform(
    chunk: Buffer,
    _enc: BufferEncoding,
    done: (error?: Error | null, data?: Buffer) => void,
  ): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    done(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
