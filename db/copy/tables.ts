import { isTable } from '../postgres/schema/columns';
import { omittedTables } from '../postgres/schema/generate';
import { rowidTables } from '../postgres/schema/rowid';
import { CASE_SEARCH } from '../postgres/schema/search';
import type { SqliteSchema } from '../postgres/schema/sqlite';

// What the migration of a desk's SQLite file to the county centre's PostgreSQL copies (issue 17),
// table by table, in the order the centre's schema was generated in (../postgres/schema/
// generate.ts: SQLite's creation order, which puts a table after those it references), so a
// parent row is always there before its children. Rows are read, copied and read back for the
// verification in primary-key order, with the same statement text on both stores: text keys
// compare byte for byte on both (the centre's database is LC_COLLATE 'C'), so both give the rows
// in the same order.

export interface CopiedTable {
  name: string;
  /** The columns both stores have, and SQLite's rowid where the centre keeps it (rowid.ts). */
  columns: string[];
  /** The primary key's columns, in key order. */
  key: string[];
  /** A column that references the table's own key (an organisation's parent), copied parents first. */
  parent: { column: string; references: string } | null;
}

export interface SkippedTable {
  name: string;
  /** omitted: the desk's own bookkeeping; storage: an index's inner tables; rebuilt: made again on the centre. */
  kind: 'omitted' | 'storage' | 'rebuilt';
  why: string;
}

export interface CopyPlan {
  tables: CopiedTable[];
  skipped: SkippedTable[];
}

export type Row = Record<string, unknown>;

/** The plan for a desk's file whose schema is `schema` (read without its rows). */
export function copyPlan(schema: SqliteSchema): CopyPlan {
  const tables: CopiedTable[] = [];
  const skipped: SkippedTable[] = [];
  for (const t of schema.tables) {
    const omitted = omittedTables[t.name];
    if (omitted) {
      skipped.push({ name: t.name, kind: 'omitted', why: omitted });
      continue;
    }
    if (t.shadowOf) {
      skipped.push({
        name: t.name,
        kind: 'storage',
        why: `the storage of SQLite's full-text index ${t.shadowOf}`,
      });
      continue;
    }
    if (t.virtual) {
      if (t.name !== CASE_SEARCH) throw new Error(`virtual table ${t.name}: the migration does not know it`);
      // Contentless FTS5: its terms cannot be read back, only made again from the cases.
      skipped.push({
        name: t.name,
        kind: 'rebuilt',
        why: 'made again on the centre from each case (reindexCases)',
      });
      continue;
    }
    if (!isTable(t.name)) throw new Error(`table ${t.name} has no PostgreSQL twin`);
    const key = t.columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    if (key.length === 0) throw new Error(`table ${t.name} has no primary key to read it in order by`);
    const own = t.foreignKeys.filter((f) => f.table === t.name);
    if (own.length > 1 || own.some((f) => f.columns.length !== 1))
      throw new Error(`table ${t.name}: a reference to itself the migration does not know`);
    const names = t.columns.map((c) => c.name);
    tables.push({
      name: t.name,
      columns: rowidTables[t.name] ? ['rowid', ...names] : names,
      key,
      parent: own[0] ? { column: own[0].columns[0]!, references: own[0].to[0]! } : null,
    });
  }
  return { tables, skipped };
}

/** One page of rows in key order, after the key given (none: the first page). */
function pageStatement(t: CopiedTable, after: boolean): string {
  const key = t.key.join(', ');
  const where = after ? ` WHERE (${key}) > (${t.key.map(() => '?').join(', ')})` : '';
  return `SELECT ${t.columns.join(', ')} FROM ${t.name}${where} ORDER BY ${key} LIMIT ?`;
}

/** A store's way of running a statement and getting its rows. */
export type ReadRows = (text: string, params: unknown[]) => Row[];

/** About how much a page of rows weighs in memory (scans and documents are megabytes each). */
const PAGE_BYTES = 8 * 1024 * 1024;
const MAX_PAGE = 1000;

function weight(rows: Row[]): number {
  let bytes = 0;
  for (const row of rows)
    for (const value of Object.values(row))
      bytes += Buffer.isBuffer(value) ? value.length : typeof value === 'string' ? value.length * 3 : 8;
  return bytes;
}

/**
 * The table's rows in key order, a page at a time (keyset pages: nothing is walked twice). A page
 * holds up to about 8 MB: it starts small and grows while the rows are small, so a table of
 * 10 MB scans is read a few rows at a time and the audit log a thousand.
 */
export function* rowsInKeyOrder(t: CopiedTable, read: ReadRows, firstPage = 16): Generator<Row[]> {
  let last: Row | undefined;
  let size = firstPage;
  for (;;) {
    const page = last
      ? read(pageStatement(t, true), [...t.key.map((k) => last![k]), size])
      : read(pageStatement(t, false), [size]);
    if (page.length === 0) return;
    yield page;
    if (page.length < size) return;
    last = page[page.length - 1];
    const fits = Math.floor((size * PAGE_BYTES) / Math.max(weight(page), 1));
    size = Math.max(1, Math.min(MAX_PAGE, size * 4, fits));
  }
}

export const countStatement = (table: string) => `SELECT count(*) AS n FROM ${table}`;

/**
 * The rows of a table that references itself, parents before children (key order otherwise): the
 * centre checks a reference when the statement writing the row ends, so a child written in an
 * earlier batch than its parent would be refused.
 */
export function parentsFirst(t: CopiedTable, rows: Row[]): Row[] {
  if (!t.parent) return rows;
  const { column, references } = t.parent;
  const present = new Set(rows.map((r) => r[references]));
  const placed = new Set<unknown>();
  const out: Row[] = [];
  let waiting = rows;
  while (waiting.length > 0) {
    const next: Row[] = [];
    for (const row of waiting) {
      const parent = row[column];
      if (parent === null || parent === row[references] || !present.has(parent) || placed.has(parent)) {
        out.push(row);
        placed.add(row[references]);
      } else next.push(row);
    }
    // A cycle (SQLite's checks would not have let one in): as they are, and the centre says so.
    if (next.length === waiting.length) return [...out, ...next];
    waiting = next;
  }
  return out;
}
