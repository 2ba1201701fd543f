import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

// Personal data on the centre's server (issue 17): party names, ID numbers, phones, addresses,
// the dispute text and documents reach PostgreSQL only sealed — AES-256-GCM under a key derived
// from the office data key, which never leaves the desks (it stays wrapped per user). The server's
// operator, its backups and a pg_dump see bytes. What the server must compare (the same name, the
// same ID number, a search word) it compares as keyed tokens: HMAC-SHA-256 under a second derived
// key, so equal values give equal tokens and nothing else can be read from them.
//
// A sealed value is self-describing: 'P' 'S', what it holds (1 text, 2 bytes), the 12-byte nonce,
// the ciphertext, the 16-byte tag. So a row read back is opened without knowing which column a
// value came from. The schema refuses anything in a sealed column that does not start so (a CHECK
// on the prefix), so a plaintext written by mistake fails loudly instead of being stored.

/** 'P' 'S': every sealed value starts so; the byte after says what it holds. */
export const SEAL_MAGIC = Buffer.from([0x50, 0x53]);
const TEXT = 0x01;
const BYTES = 0x02;
/** The kinds a sealed value may hold (the schema's CHECK accepts exactly these). */
export const SEALED_KINDS = [TEXT, BYTES] as const;
const NONCE = 12;
const TAG = 16;
/** The shortest sealed value: the empty text. */
export const SEALED_MIN_BYTES = SEAL_MAGIC.length + 1 + NONCE + TAG;

export interface SealingKeys {
  seal: Buffer;
  token: Buffer;
}

/** The two keys, derived from the office data key (HKDF-SHA-256, one label each). */
export function sealingKeys(dataKey: Buffer): SealingKeys {
  const derive = (label: string) =>
    Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `mediation-desk/postgres/${label}/v1`, 32));
  return { seal: derive('seal'), token: derive('token') };
}

export function isSealed(value: unknown): value is Buffer {
  return (
    Buffer.isBuffer(value) &&
    value.length >= SEALED_MIN_BYTES &&
    value[0] === 0x50 &&
    value[1] === 0x53 &&
    (value[2] === TEXT || value[2] === BYTES)
  );
}

/** Seals text (or bytes); null stays null, so "not given" is still visible as such. */
export function seal(keys: SealingKeys, value: string | Buffer | null): Buffer | null {
  if (value === null) return null;
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', keys.seal, nonce);
  const text = typeof value === 'string';
  // What it holds is part of the sealed bytes' header and bound to them as authenticated data.
  const header = Buffer.from([0x50, 0x53, text ? TEXT : BYTES]);
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(text ? Buffer.from(value, 'utf8') : value), cipher.final()]);
  return Buffer.concat([header, nonce, body, cipher.getAuthTag()]);
}

/** Opens a sealed value to its bytes; throws if it was altered or sealed under another key. */
export function openBytes(keys: SealingKeys, sealed: Buffer): Buffer {
  if (!isSealed(sealed)) throw new Error('not a sealed value');
  const nonce = sealed.subarray(3, 3 + NONCE);
  const decipher = createDecipheriv('aes-256-gcm', keys.seal, nonce);
  decipher.setAAD(sealed.subarray(0, 3));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
  return Buffer.concat([decipher.update(sealed.subarray(3 + NONCE, sealed.length - TAG)), decipher.final()]);
}

/** Opens a sealed value to what was sealed: text or bytes, as its header says. */
export function open(keys: SealingKeys, sealed: Buffer): string | Buffer {
  const bytes = openBytes(keys, sealed);
  return sealed[2] === TEXT ? bytes.toString('utf8') : bytes;
}

/** The keyed token of a value the server compares (a name, an ID number, a search term). */
export function token(keys: SealingKeys, value: string): Buffer {
  return createHmac('sha256', keys.token).update(value, 'utf8').digest();
}
