// What the county centre's PostgreSQL server may read (issue 17), column by column: the reviewed
// classification the schema is generated from (./generate.ts). Every column of every table is
// listed once, so a migration that adds one stops the generator until someone decides here.
//
// - plain: stored as the desk writes it. What the server's operator may see: ids (UUIDs),
//   dates and times, codes and statuses, counts, sequence numbers and amounts, organisations'
//   names, addresses and codes (统一社会信用代码 is public), mediators' names (officials), staff
//   user names, hashes and public keys.
// - sealed: `bytea` holding AES-256-GCM ciphertext made on the desk (../sealed.ts). Whatever
//   names a party or tells their dispute: names, ID numbers, phones, addresses, the dispute text,
//   records, notes and reasons written in words, documents' bytes. When a column is ambiguous it
//   is sealed if it can identify a party or tell their dispute. A CHECK refuses anything that
//   does not start as a sealed value does, so a plaintext written by mistake fails.
// - tokens: a sealed column the server must compare (an index, a unique index, an equality in a
//   repository's WHERE) gets a keyed token beside it, `<column>_key bytea` (HMAC-SHA-256 under
//   the office's token key, ../sealed.ts `token`), and the index moves to the token. Equal
//   values give equal tokens; nothing else can be read from one. Ordering, prefixes and
//   substrings of a sealed column cannot be asked of the server: the desk does those after
//   opening what an equality or the search index found.
import { exchangeTables } from './classes/exchange';
import { filesTables } from './classes/files';
import { intakeTables } from './classes/intake';
import type { ColumnClasses, SealedGroup } from './classes/kinds';
import { workflowTables } from './classes/workflow';

export type { ColumnClasses, SealedGroup } from './classes/kinds';

/** Every table, by area (./classes/). */
export const columnClasses = {
  ...intakeTables,
  ...workflowTables,
  ...filesTables,
  ...exchangeTables,
} satisfies Record<string, ColumnClasses>;

export type Table = keyof typeof columnClasses;

export const isTable = (name: string): name is Table => Object.hasOwn(columnClasses, name);

/** The keyed-token column beside a sealed column. */
export const tokenColumn = (column: string) => `${column}_key`;

export function sealedColumns(table: Table): string[] {
  return (columnClasses[table].sealed as readonly SealedGroup[]).flatMap((g) => g.columns);
}

export function tokenized(table: Table): string[] {
  return Object.keys(columnClasses[table].tokens);
}
