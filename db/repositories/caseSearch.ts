import { createHash } from 'node:crypto';
import type { Statements } from '../sql';
import { perConnection } from './perConnection';
import type { ScopePrincipals } from './caseScope';
import type { PgSql } from '../postgres/sql';

// The full-text index of cases (case_search, migration 0025) has two columns:
// - `terms`: what the search box finds a case by (main/core/cases/searchTerms.ts builds it);
// - `scope`: one token per principal (organisation or roster mediator) whose scope holds the case,
//   i.e. per case_scope row.
// A search asks for both at once ("these words, in a case one of my principals holds"), so FTS5
// intersects two compact lists, and the hits it gives are the search's hits in scope: a county
// user's common word hits ~20,000 cases at 100,000, of which a few thousand are theirs, and a
// case_scope seek for each of those cost as much again as the search itself.
// So the `scope` column must say exactly what case_scope says, in both directions:
// - rows are only added to case_scope by the grants (caseScope.ts), which mark the case; every
//   call's transaction rewrites the marked cases' rows before it commits (main/core/cases/
//   searchRow.ts, from session.ts), whichever service granted;
// - rows leave case_scope only when the tree moves (rebuildCase marks the case too) or the case
//   is deleted (the trigger that drops its case_scope rows drops its search row as well);
// - the token is the principal's whole SHA-256, so two principals never share one.
// tests/node/scope/lists.test.ts checks the column against case_scope for every principal.

/** The token a principal is indexed by: 'p' and the hex SHA-256 of its id. */
export function scopeToken(principal: string): string {
  return `p${createHash('sha256').update(principal).digest('hex')}`;
}

/** The `scope` column of a case held by these principals. */
export function scopeColumn(principals: readonly string[]): string {
  return principals.map(scopeToken).join(' ');
}

/**
 * The words a MATCH expression (from queryToMatch) asks for, every one required: the county
 * centre's PostgreSQL holds a case's words as keyed tokens (db/postgres/schema/search.ts) and
 * finds the cases holding all of them. A phrase's words are asked for each, not in a row, and a
 * prefix (`"1391"*`) as the whole word: the server cannot see inside a token.
 */
export function matchWords(match: string): string[] {
  const words = new Set<string>();
  for (const quoted of match.matchAll(/"((?:[^"]|"")*)"/g))
    for (const word of quoted[1]!.replaceAll('""', '"').split(/\s+/)) if (word) words.add(word);
  return [...words];
}

/** Longer Latin/digit words are indexed by their first this many characters at most (a phone: 11). */
const MAX_PREFIX = 20;

/**
 * The words of a case's search text as the centre's server holds them (keyed tokens): each word,
 * and, for a Latin or digit word, every start of it too, since FTS5's prefix query ("1391"* finds
 * 13912345678; "1" finds 0001's 1) has no token to match there. Han words need none: a query's Han
 * text is asked for as whole unigrams and bigrams, which the text holds already.
 */
function termsWithPrefixes(terms: string): string[] {
  const out = new Set<string>();
  for (const word of terms.split(/\s+/)) {
    if (!word) continue;
    out.add(word);
    if (/\p{Script=Han}/u.test(word)) continue;
    const chars = [...word];
    for (let n = 1; n < Math.min(chars.length, MAX_PREFIX + 1); n++) out.add(chars.slice(0, n).join(''));
  }
  return [...out];
}

/** The `terms` column of a case's search row on the centre's server (intake, edits, the move). */
export function centreTerms(sql: PgSql, terms: string): Buffer[] {
  return sql.tokens(termsWithPrefixes(terms));
}

/** A MATCH on the words only: the user's expression (from queryToMatch) never reaches `scope`. */
export function termsMatch(match: string): string {
  return `terms : (${match})`;
}

/** A MATCH on the words in cases these principals hold (at least one principal): the hits in scope. */
export function termsInScopeMatch(match: string, principals: ScopePrincipals): string {
  return `${termsMatch(match)} AND scope : (${principals.map(scopeToken).join(' OR ')})`;
}

/**
 * Cases whose scope grew in the current transaction (a dispatch, a transfer, an escalation, a
 * mediator assigned, the tree moved, an import): their search rows must be rewritten before it
 * commits (main/core/cases/searchRow.ts does it for every call, session.ts). Writing a case's row
 * takes it off the list, so intake, which writes the row after the case's first scope rows, pays
 * nothing twice.
 */
export const scopeGrown = perConnection(() => new Set<number>());

export function markScopeGrown(sql: Statements, caseRowid: number): void {
  scopeGrown(sql).add(caseRowid);
}
