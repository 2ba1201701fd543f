// Crockford base32: the alphabet without I, L, O and U, so a code read out over the phone or
// copied by hand cannot be misread. The one home for the recovery code (auth/recoveryCode.ts) and
// the agreements' verification code (documents/verification.ts).

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The first `length` characters of `bytes` in base32 (5 bits each, most significant first). */
export function encodeCrockford(bytes: Uint8Array, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += CROCKFORD_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length >= length) break;
  }
  if (out.length < length) throw new RangeError(`${bytes.length} bytes give fewer than ${length} characters`);
  return out;
}

/** What the user typed, as the code it means: any case, spaces and dashes ignored, O→0, I/L→1. */
export function normalizeCrockford(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-－—_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** True when every character is in the alphabet (after normalizeCrockford). */
export function isCrockford(code: string): boolean {
  return [...code].every((ch) => CROCKFORD_ALPHABET.includes(ch));
}

/** 'ABCDEFGH' → 'ABCD-EFGH': groups of four for reading out. */
export function groupsOfFour(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? '';
}
