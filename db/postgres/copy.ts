import { countStatement, rowsInKeyOrder, type CopiedTable, type Row } from '../copy/tables';
import { centreTerms } from '../repositories/caseSearch';
import { StoreRefusedError, StoreStatementError } from './errors';
import { ddl } from './schema/ddl';
import { CENTRE_KEYS, CENTRE_KEY_USERS } from './schema/keys';
import { CASE_SEARCH } from './schema/search';
import type { PgSql } from './sql';

// The centre's side of the migration of a desk's file (issue 17; the order and the reading in
// key order are ../copy/tables.ts's). All of it runs in the migration's one transaction on the
// centre, so a failure anywhere leaves the centre's rows as they were.

/** The tables the schema itself fills (the seeded organisations, dispute types and villages). */
const seeded = new Set(
  ddl.flatMap((s) => /^INSERT INTO (\w+)/.exec(s)?.[1] ?? []).filter((t) => t !== 'schema_version'),
);

/**
 * What the centre already holds besides the schema's own seed rows: the tables with rows (the
 * key tables included). The migration only fills an empty centre: it never merges.
 */
export function centreHolds(sql: PgSql, tables: readonly CopiedTable[]): string[] {
  const names = [CENTRE_KEYS, CENTRE_KEY_USERS, CASE_SEARCH, ...tables.map((t) => t.name)];
  return names.filter(
    (name) =>
      !seeded.has(name) && sql.get<{ y: number }>(`SELECT EXISTS (SELECT 1 FROM ${name}) AS y`)?.y === 1,
  );
}

/** The seed rows go: the desk's own rows of those tables (the same seeds, as the desk has them) replace them. */
export function clearSeeds(sql: PgSql, tables: readonly CopiedTable[]): void {
  for (const t of [...tables].reverse()) if (seeded.has(t.name)) sql.run(`DELETE FROM ${t.name}`);
}

/**
 * The schema's own triggers (not the foreign keys' internal ones) switched off or on. While rows
 * are copied they must not act: on INSERT, the catalogue's stamp triggers would give the rows
 * still stamped as seeded (the dispute types of 1970) today's time instead of the desk's, and a
 * locked subsidy settlement's lines would be refused (the verification and the tests find both). Only the tables' owner may do this (the role that made the
 * schema, not the desks' least-privilege role); inside the transaction, so it is undone with it.
 */
export function setOwnTriggers(sql: PgSql, enabled: boolean): void {
  const tables = sql
    .all<{ t: string }>(
      `SELECT DISTINCT c.relname AS t FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
        WHERE NOT g.tgisinternal AND pg_table_is_visible(c.oid) ORDER BY 1`,
    )
    .map((r) => r.t);
  try {
    for (const t of tables)
      sql.bridge.query(`ALTER TABLE ${t} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER USER`);
  } catch (error) {
    if (error instanceof StoreStatementError && error.code === '42501')
      throw new StoreRefusedError(
        '迁移需要以县中心数据库的所有者账号（建表的账号）运行：本次所用的数据库账号无权在复制期间停用数据表的触发器。请改用所有者账号重试',
      );
    throw error;
  }
}

/** PostgreSQL's limit is 65,535 parameters per statement; a batch also stops at a few MB of values. */
const MAX_PARAMS = 30_000;
const MAX_ROWS = 500;
const MAX_BYTES = 8 * 1024 * 1024;

const sizeOf = (value: unknown) =>
  Buffer.isBuffer(value) ? value.length : typeof value === 'string' ? value.length * 3 : 8;

/** Writes the rows (as the desk read them: explicit rowids kept) in batches; returns how many. */
export function writeRows(sql: PgSql, t: Pick<CopiedTable, 'name' | 'columns'>, rows: Iterable<Row>): number {
  let batch: unknown[][] = [];
  let bytes = 0;
  let written = 0;
  const flush = () => {
    written += sql.insertRows(t.name, t.columns, batch);
    batch = [];
    bytes = 0;
  };
  for (const row of rows) {
    const values = t.columns.map((c) => row[c]);
    batch.push(values);
    bytes += values.reduce<number>((sum, v) => sum + sizeOf(v), 0);
    // Room for the tokens beside the sealed values: twice the columns is more than enough.
    if (
      batch.length >= MAX_ROWS ||
      (batch.length + 1) * t.columns.length * 2 > MAX_PARAMS ||
      bytes >= MAX_BYTES
    )
      flush();
  }
  if (batch.length) flush();
  return written;
}

/**
 * The search index's rows, many to a statement: each case's words as CaseRepository.setSearchTerms
 * writes them (centreTerms) and the principals whose scope holds it.
 */
export function writeSearchRows(
  sql: PgSql,
  rows: readonly { rowid: number; text: string; principals: string[] }[],
): number {
  return writeRows(
    sql,
    { name: CASE_SEARCH, columns: ['rowid', 'terms', 'scope'] },
    rows.map((r) => ({ rowid: r.rowid, terms: centreTerms(sql, r.text), scope: r.principals })),
  );
}

/** Each rowid's identity moved past the largest rowid copied: the next case gets the next number. */
export function moveIdentities(sql: PgSql, tables: readonly CopiedTable[]): void {
  for (const t of tables.filter((t) => t.columns.includes('rowid'))) {
    sql.get(
      `SELECT setval(pg_get_serial_sequence('${t.name}', 'rowid'), coalesce(max(rowid), 0) + 1, false) AS v FROM ${t.name}`,
    );
  }
}

/** The centre's rows of a table, read back (sealed values opened) in key order. */
export function centreRows(sql: PgSql, t: CopiedTable): Generator<Row[]> {
  return rowsInKeyOrder(t, (text, params) => sql.all<Row>(text, ...params));
}

export function centreCount(sql: PgSql, table: string): number {
  return sql.get<{ n: number }>(countStatement(table))!.n;
}
