import { randomBytes } from 'node:crypto';
import { encodeCrockford, groupsOfFour, normalizeCrockford } from '../crockford';

// The recovery code: 24 characters of Crockford base32 (120 bits), shown once at setup in
// groups of four. Typing is forgiving: case, spaces, dashes and the look-alikes O/I/L.

export function newRecoveryCode(): string {
  return groupsOfFour(encodeCrockford(randomBytes(15), 24));
}

export function normalizeRecoveryCode(input: string): string {
  return normalizeCrockford(input);
}
