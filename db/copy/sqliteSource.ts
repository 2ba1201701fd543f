import Database from 'better-sqlite3-multiple-ciphers';
import type { DbHandle } from '../dataSource';
import { applyKey } from '../pragmas';
import { readSqliteSchema } from '../postgres/schema/sqlite';
import { Sql } from '../sql';
import {
  copyPlan,
  countStatement,
  rowsInKeyOrder,
  type CopiedTable,
  type CopyPlan,
  type Row,
} from './tables';

// A desk's SQLite file as the migration to the centre reads it (issue 17): opened read-only with
// its key, so nothing in it can change (no migration is run on it, no checkpoint, no write: a
// write would fail), and read in one transaction from the first statement to the last, so the
// copy and its verification see the same rows even if the desk's app is started meanwhile.

export interface SqliteSource {
  /** For the repositories (reads only: the connection refuses writes). */
  readonly handle: DbHandle;
  /** The number of the last migration applied to the file. */
  readonly lastMigration: number;
  readonly plan: CopyPlan;
  rows(table: CopiedTable): Generator<Row[]>;
  /** The table's rows as count(*) says (the walk in key order must find as many). */
  count(table: string): number;
  close(): void;
}

/** Opens `file` read-only; throws when `key` does not open it (SQLITE_NOTADB). */
export function openSqliteSource(file: string, key: Buffer): SqliteSource {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, key);
    db.exec('BEGIN');
    const schema = readSqliteSchema(db, { rows: false });
    const sql = new Sql(db);
    return {
      handle: { sql },
      lastMigration: schema.lastMigration,
      plan: copyPlan(schema),
      rows: (table) => rowsInKeyOrder(table, (text, params) => sql.all<Row>(text, ...params)),
      count: (table) => sql.get<{ n: number }>(countStatement(table))!.n,
      close() {
        if (db.inTransaction) db.exec('COMMIT');
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
