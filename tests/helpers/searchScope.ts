import { scopeToken } from '../../db/repositories/caseSearch';
import type { Sql, Statements } from '../../db/sql';
import type { App } from '../../main/ipc';

/**
 * Every principal's cases as the search index's `scope` column has them, against case_scope (the
 * index a search relies on to keep to a user's scope, db/repositories/caseSearch.ts): they must be
 * the same, principal by principal. Returns what differs (nothing when they agree).
 */
export function searchScopeMismatches(app: App): string[] {
  const sql = app.session.requireUnlocked().store.sql;
  const principals = sql.all<{ p: string }>('SELECT DISTINCT principal AS p FROM case_scope').map((r) => r.p);
  const index = sql.dialect === 'sqlite' ? ftsScope(sql) : arrayScope(sql);
  const tokens = new Set(principals.map(index.token));
  const strays = index
    .terms()
    .filter((term) => !tokens.has(term))
    .map((term) => `token ${term} of no principal`);
  return [
    ...strays,
    ...principals.filter((principal) => {
      const held = sql
        .all<{ r: number }>(
          'SELECT case_rowid AS r FROM case_scope WHERE principal = ? ORDER BY 1',
          principal,
        )
        .map((r) => r.r);
      const indexed = index.rowsOf(principal);
      return JSON.stringify(held) !== JSON.stringify(indexed);
    }),
  ];
}

interface ScopeIndex {
  /** How the column holds a principal. */
  token(principal: string): string;
  /** Every value the column holds, once. */
  terms(): string[];
  /** The case rowids whose column holds the principal, in order. */
  rowsOf(principal: string): number[];
}

/** The desk's SQLite: a contentless FTS5 column of principals' tokens. */
function ftsScope(sql: Sql): ScopeIndex {
  // fts5vocab lists the index's terms column by column, contentless or not.
  sql.raw.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.case_search_terms USING fts5vocab(main, case_search, 'col')`,
  );
  return {
    token: scopeToken,
    terms: () =>
      sql
        .all<{ term: string }>(`SELECT term FROM temp.case_search_terms WHERE col = 'scope'`)
        .map((t) => t.term),
    rowsOf: (principal) =>
      sql
        .all<{ r: number }>(
          'SELECT rowid AS r FROM case_search WHERE case_search MATCH ? ORDER BY 1',
          `scope : ${scopeToken(principal)}`,
        )
        .map((r) => r.r),
  };
}

/** The centre's PostgreSQL: an array of the principals themselves (db/postgres/schema/search.ts). */
function arrayScope(sql: Statements): ScopeIndex {
  return {
    token: (principal) => principal,
    terms: () =>
      sql.all<{ p: string }>('SELECT DISTINCT unnest(scope) AS p FROM case_search').map((r) => r.p),
    rowsOf: (principal) =>
      sql
        .all<{ r: number }>('SELECT rowid AS r FROM case_search WHERE ? = ANY (scope) ORDER BY 1', principal)
        .map((r) => r.r),
  };
}
