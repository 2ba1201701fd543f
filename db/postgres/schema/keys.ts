// Where the centre keeps what a desk's keys.json holds (issue 17): the office data key wrapped
// once per user under a key from that user's password, and once under the recovery code, with
// the look-up key and the installation's sealed keys (main/core/auth/keyFile.ts). Every desk of
// the centre reads them here before anyone signs in, so a user made at one desk signs in at any.
// Nothing in them is readable without a password or the recovery code: the wraps are AES-GCM
// under scrypt-derived keys, users are found by a keyed hash of their name. PostgreSQL only:
// a township desk keeps its keys.json beside its file.

export const CENTRE_KEYS = 'centre_keys';
export const CENTRE_KEY_USERS = 'centre_key_users';

export const centreKeyTables: readonly string[] = [
  `CREATE TABLE ${CENTRE_KEYS} (
  one boolean NOT NULL PRIMARY KEY DEFAULT true CHECK (one),
  installation_id text NOT NULL,
  office text NOT NULL,
  lookup_key text NOT NULL,
  recovery text NOT NULL,
  installation text
)`,
  // One row per user, so two desks changing two users' passwords never overwrite each other.
  `CREATE TABLE ${CENTRE_KEY_USERS} (
  lookup text NOT NULL PRIMARY KEY,
  wrap text NOT NULL
)`,
];
