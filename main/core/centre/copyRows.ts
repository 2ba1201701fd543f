import { repositories, type Repositories } from '../../../db';
import type { SqliteSource } from '../../../db/copy/sqliteSource';
import { parentsFirst, type Row } from '../../../db/copy/tables';
import { clearSeeds, moveIdentities, setOwnTriggers, writeRows } from '../../../db/postgres/copy';
import type { PgSql } from '../../../db/postgres/sql';
import { forgetGrownSearchRows } from '../cases/searchRow';
import { indexCopiedCases } from './searchRows';

// The migration's copy (./migrate.ts), inside its transaction on the centre: every table's rows
// as the desk's file holds them, parents before children, sealed on the way as any desk's
// writes are (PgSql), rowids kept; then what SQLite's full-text index held, which cannot be
// read back, made again from each case as an import does (./searchRows.ts).

export type CopyProgress =
  | { stage: 'copy'; table: string; rows: number; index: number; of: number }
  | { stage: 'index'; done: number; of: number };

function* flatten(pages: Iterable<Row[]>): Generator<Row> {
  for (const page of pages) yield* page;
}

function* noting(rows: Iterable<Row>, note: (row: Row) => void): Generator<Row> {
  for (const row of rows) {
    note(row);
    yield row;
  }
}

/** Copies every table; returns how many cases were indexed again. */
export async function copyRows(
  source: SqliteSource,
  sql: PgSql,
  repos: Repositories,
  onProgress?: (progress: CopyProgress) => void,
): Promise<number> {
  const { tables } = source.plan;
  setOwnTriggers(sql, false);
  clearSeeds(sql, tables);
  const caseIds: string[] = [];
  tables.forEach((t, i) => {
    let rows: Iterable<Row> = flatten(source.rows(t));
    // A table that references itself is small (the catalogue's): read whole, ordered parents first.
    if (t.parent) rows = parentsFirst(t, [...rows]);
    if (t.name === 'cases') rows = noting(rows, (row) => caseIds.push(row.id as string));
    const written = writeRows(sql, t, rows);
    onProgress?.({ stage: 'copy', table: t.name, rows: written, index: i + 1, of: tables.length });
  });
  setOwnTriggers(sql, true);
  moveIdentities(sql, tables);
  try {
    await indexCopiedCases(repositories(source.handle), sql, caseIds, (done) =>
      onProgress?.({ stage: 'index', done, of: caseIds.length }),
    );
  } finally {
    // The search rows are written whole: nothing is left for a commit hook to redo.
    forgetGrownSearchRows(repos);
  }
  return caseIds.length;
}
