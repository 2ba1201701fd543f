import { sqliteOf } from '../../db';
import { scopeToken } from '../../db/repositories/caseSearch';
import type { App } from '../../main/ipc';

/**
 * Every principal's cases as the search index's `scope` column has them, against case_scope (the
 * index a search relies on to keep to a user's scope, db/repositories/caseSearch.ts): they must be
 * the same, principal by principal. Returns what differs (nothing when they agree).
 */
export function searchScopeMismatches(app: App): string[] {
  const sql = sqliteOf(app.session.requireUnlocked().store).sql;
  const principals = sql.all<{ p: string }>('SELECT DISTINCT principal AS p FROM case_scope').map((r) => r.p);
  // Every token the column holds stands for a principal that still holds a case (fts5vocab lists
  // the index's terms column by column, contentless or not).
  sql.raw.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.case_search_terms USING fts5vocab(main, case_search, 'col')`,
  );
  const tokens = new Set(principals.map(scopeToken));
  const strays = sql
    .all<{ term: string }>(`SELECT term FROM temp.case_search_terms WHERE col = 'scope'`)
    .filter((t) => !tokens.has(t.term))
    .map((t) => `token ${t.term} of no principal`);
  return [
    ...strays,
    ...principals.filter((principal) => {
      const held = sql
        .all<{ r: number }>(
          'SELECT case_rowid AS r FROM case_scope WHERE principal = ? ORDER BY 1',
          principal,
        )
        .map((r) => r.r);
      const indexed = sql
        .all<{ r: number }>(
          'SELECT rowid AS r FROM case_search WHERE case_search MATCH ? ORDER BY 1',
          `scope : ${scopeToken(principal)}`,
        )
        .map((r) => r.r);
      return JSON.stringify(held) !== JSON.stringify(indexed);
    }),
  ];
}
