import { randomBytes, scrypt } from 'node:crypto';

// Passwords and the recovery code are stretched with scrypt before they can unwrap the
// database key. N=2^17, r=8, p=1 costs ~128 MiB and a few hundred ms per attempt: the key
// file is the only thing an attacker with the disk has to guess against.

export interface ScryptParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
}

export interface KdfCost {
  N: number;
  r: number;
  p: number;
}

export const productionCost: KdfCost = { N: 2 ** 17, r: 8, p: 1 };

/** For test servers only (browser mode's --test-hooks): real scrypt at 4 MiB. */
export const testKdfCost: KdfCost = { N: 2 ** 12, r: 8, p: 1 };

export function newScryptParams(cost: KdfCost): ScryptParams {
  return { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

export function deriveKey(secret: string, params: ScryptParams): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * params.p + 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(
      secret.normalize('NFKC'),
      Buffer.from(params.salt, 'base64'),
      32,
      { N: params.N, r: params.r, p: params.p, maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}
