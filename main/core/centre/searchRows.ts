import type { Repositories } from '../../../db';
import { writeSearchRows } from '../../../db/postgres/copy';
import type { PgSql } from '../../../db/postgres/sql';
import { searchTextOf } from '../cases/searchRow';

// The migration's search index (./copyRows.ts). SQLite's full-text index cannot be read back,
// so each case's words are made again, as an import does (../cases/searchRow.ts), but read from
// the desk's file, where they are plain and a read costs microseconds, and written to the centre
// five hundred cases to a statement: a case at a time through the centre took ten round trips
// (828 s for 100,000 cases). The principals are the desk's case_scope rows, copied as they are.

const PAGE = 500;

export async function indexCopiedCases(
  desk: Repositories,
  sql: PgSql,
  caseIds: readonly string[],
  /** After each page (the migration's progress line). */
  onProgress?: (done: number) => void,
): Promise<void> {
  const names = desk.catalog.names().disputeTypes;
  for (let from = 0; from < caseIds.length; from += PAGE) {
    const rows: { rowid: number; text: string; principals: string[] }[] = [];
    for (const caseId of caseIds.slice(from, from + PAGE)) {
      const found = searchTextOf(desk, caseId, names);
      if (found) rows.push({ ...found, principals: desk.cases.principalsOf(found.rowid) });
    }
    writeSearchRows(sql, rows);
    onProgress?.(Math.min(from + PAGE, caseIds.length));
    // A turn of the event loop, so the progress line is printed now.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
