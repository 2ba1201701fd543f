import { randomBytes } from 'node:crypto';

// The recovery code: 24 characters of Crockford base32 (120 bits), shown once at setup in
// groups of four. Typing is forgiving: case, spaces, dashes and the look-alikes O/I/L.

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newRecoveryCode(): string {
  const bytes = randomBytes(24);
  let code = '';
  for (const byte of bytes) code += alphabet[byte & 31];
  return code.match(/.{4}/g)!.join('-');
}

export function normalizeRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
