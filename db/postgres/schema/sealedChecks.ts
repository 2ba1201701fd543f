import { SEAL_MAGIC, SEALED_KINDS, SEALED_MIN_BYTES } from '../sealed';

// The constraints that keep plaintext out of sealed and token columns, from the format
// ../sealed.ts writes: a sealed value starts with 'P' 'S' and the kind it holds (text or
// bytes) and is at least as long as the sealed empty text; a token is an HMAC-SHA-256, 32 bytes.

export const TOKEN_BYTES = 32;

const magic = `'\\x${SEAL_MAGIC.toString('hex')}'::bytea`;

/** Refuses anything in `column` that is not a sealed value (NULL stays allowed where it was). */
export function sealedCheck(table: string, column: string): string {
  return `CONSTRAINT ${constraintName(table, column, 'sealed')} CHECK (${column} IS NULL OR (substring(${column} from 1 for ${SEAL_MAGIC.length}) = ${magic} AND get_byte(${column}, ${SEAL_MAGIC.length}) IN (${SEALED_KINDS.join(', ')}) AND length(${column}) >= ${SEALED_MIN_BYTES}))`;
}

/** A token is there exactly when its value is, and has a token's length. */
export function tokenCheck(table: string, column: string, token: string): string {
  return `CONSTRAINT ${constraintName(table, token, 'token')} CHECK ((${column} IS NULL) = (${token} IS NULL) AND (${token} IS NULL OR length(${token}) = ${TOKEN_BYTES}))`;
}

/** PostgreSQL cuts identifiers at 63 bytes: a cut name could clash, so a long one stops the generator. */
export function constraintName(table: string, column: string, what: 'sealed' | 'token'): string {
  const name = `${table}_${column}_${what}`;
  if (Buffer.byteLength(name) > 63)
    throw new Error(`constraint name ${name} is longer than PostgreSQL's 63 bytes`);
  return name;
}
