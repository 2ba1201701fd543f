import { createHash } from 'node:crypto';
import type { Sql } from '../sql';
import { perConnection } from './perConnection';
import type { ScopePrincipals } from './caseScope';

// The full-text index of cases (case_search, migration 0025) has two columns:
// - `terms`: what the search box finds a case by (main/core/cases/searchTerms.ts builds it);
// - `scope`: one token per principal (organisation or roster mediator) whose scope holds the case,
//   i.e. per case_scope row.
// A search asks for both at once ("the words, in a case one of my principals holds"), so FTS5
// intersects two compact lists instead of the query seeking case_scope once per hit: a county
// user's common word hits ~20,000 cases at 100,000, of which a few thousand are theirs.
// case_scope stays the authority: every hit is still tested against it, so a stale token can only
// cost a little time, never show a case outside the scope. A missing token would hide a case from
// its own committee's search, so the row is rewritten whenever the case's scope grows (below).

/** The token a principal is indexed by: 'p' and 48 bits of its hash (a clash only costs a test). */
export function scopeToken(principal: string): string {
  return `p${createHash('sha256').update(principal).digest('hex').slice(0, 12)}`;
}

/** The `scope` column of a case held by these principals. */
export function scopeColumn(principals: readonly string[]): string {
  return principals.map(scopeToken).join(' ');
}

/** A MATCH on the words only: the user's expression (from queryToMatch) never reaches `scope`. */
export function termsMatch(match: string): string {
  return `terms : (${match})`;
}

/** A MATCH on the words in cases these principals hold (at least one principal). */
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

export function markScopeGrown(sql: Sql, caseRowid: number): void {
  scopeGrown(sql).add(caseRowid);
}
