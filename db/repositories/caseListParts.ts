import type { Statements } from '../sql';
import { matchWords, termsInScopeMatch } from './caseSearch';
import { inScope, type ScopePrincipals } from './caseScope';
import { statisticSets } from './statisticSets';

// What a case list asks for, turned into the parts its statements are assembled from
// (caseList.ts): the filter on cases, the search box's hits in scope, the index to walk, the order,
// and the drill-down's set. Every value is a bound parameter.

export interface CaseListQuery {
  /** Whose list it is: only cases in this scope are listed, searched and counted (main/core/scope). */
  scope: ScopePrincipals;
  statuses?: string[];
  disputeType?: string;
  township?: string;
  village?: string;
  committeeId?: string;
  receivedBy?: string;
  receivedFrom?: string;
  receivedTo?: string;
  /** What the search box asked for; every part present must match (OR between them). */
  text?: {
    /** An FTS5 MATCH expression (already made safe by queryToMatch). */
    match?: string;
    /** A complete ID number: exact look-up in the party records. */
    idNumber?: string;
    /** A complete credit code: exact look-up in the party records. */
    creditCode?: string;
    /** The trailing characters (4 or more) of an ID number or of a credit code. */
    idTail?: string;
    /** An exact case number. */
    caseNumber?: string;
  };
  // ── statistics (issue 15) ──
  /**
   * The drill-down: only the rowids this statement returns (StatisticsRepository.rowids: cases in
   * scope, received from `from` to `to`, not voided).
   */
  statistic?: {
    /** Selects `c.rowid` from `cases c` (a page appends ORDER BY c.received_on, c.rowid). */
    sql: string;
    params: unknown[];
    from: string;
    to: string;
    /** How many rowids it returns, when the dashboard has just counted them. */
    count?: number;
  };
  sort: 'receivedOn' | 'caseNumber' | 'amount';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

// Every sort ends in rowid (entry order), so pages never overlap or skip rows on ties.
const sortColumns: Record<CaseListQuery['sort'], string> = {
  receivedOn: 'cases.received_on {dir}, cases.rowid {dir}',
  caseNumber: 'cases.case_number {dir}',
  amount: 'cases.amount_fen {dir}, cases.received_on {dir}, cases.rowid {dir}',
};

/**
 * The index a list walks (migration 0002): the one leading with the most selective filter given,
 * or the chosen sort order's. Chosen here rather than by the planner, which has no statistics and
 * would otherwise walk the sort order testing a township in every case row it passes.
 */
function listIndex(q: CaseListQuery): string {
  if (q.village !== undefined) return 'ix_cases_village';
  if (q.township !== undefined) return 'ix_cases_place';
  if (q.receivedBy !== undefined) return 'ix_cases_clerk';
  if (q.disputeType !== undefined) return 'ix_cases_type';
  if (q.committeeId !== undefined) return 'ix_cases_committee';
  if (q.receivedFrom || q.receivedTo) return 'ix_cases_received';
  if (q.statuses?.length) return 'ix_cases_status';
  return { receivedOn: 'ix_cases_received', amount: 'ix_cases_amount', caseNumber: 'ix_cases_number' }[
    q.sort
  ];
}

export interface Parts {
  index: string;
  /** Filter conditions on cases (live rows only), with their parameters. */
  where: string;
  params: unknown[];
  filtered: boolean;
  /** The search box's hits in scope (a rowid query), when it is used. */
  hits: string | null;
  hitParams: unknown[];
  /** Where the page reads the hits found for this call (statisticSets.searchHits), once they are. */
  hitsSource: { sql: string; params: unknown[] } | null;
  /** The scope test on cases.rowid (not needed where the hits decide: they are in scope). */
  scope: { sql: string; params: unknown[] };
  principals: ScopePrincipals;
  order: string;
  /** The drill-down's set (statisticSets.ts) when nothing else narrows the list: it is the list. */
  wholeSet: { count: number } | null;
  /** A drill-down whose total the dashboard has just counted: pages come from its own statement. */
  direct: { count: number; sql: string; params: unknown[] } | null;
}

/** The parts of the statements that list what `q` asks for. */
export function listParts(sql: Statements, q: CaseListQuery): Parts {
  const clauses = ['cases.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (q.statuses?.length) {
    clauses.push(`cases.status IN (${q.statuses.map(() => '?').join(', ')})`);
    params.push(...q.statuses);
  }
  const equal: [keyof CaseListQuery, string][] = [
    ['disputeType', 'dispute_type'],
    ['township', 'township'],
    ['village', 'village'],
    ['committeeId', 'committee_id'],
    ['receivedBy', 'received_by'],
  ];
  for (const [key, column] of equal) {
    if (q[key] !== undefined) {
      clauses.push(`cases.${column} = ?`);
      params.push(q[key]);
    }
  }
  if (q.receivedFrom) {
    clauses.push('cases.received_on >= ?');
    params.push(q.receivedFrom);
  }
  if (q.receivedTo) {
    clauses.push('cases.received_on <= ?');
    params.push(q.receivedTo);
  }
  // ── statistics (issue 15) ──
  // The set's own period bounds the list (list.ts): no other filter, no search, the set is the list.
  const narrowed =
    clauses.length -
      (q.receivedFrom === q.statistic?.from ? 1 : 0) -
      (q.receivedTo === q.statistic?.to ? 1 : 0) >
      1 || q.text !== undefined;
  // The figure the dashboard has just counted, listed newest first: its pages are found by the
  // figure's own statement walking back from the newest case, without evaluating the rest.
  const direct =
    q.statistic?.count !== undefined && !narrowed && q.sort === 'receivedOn'
      ? { count: q.statistic.count, sql: q.statistic.sql, params: q.statistic.params }
      : null;
  // Otherwise the figure's cases, evaluated once and kept while the data stays the same (statisticSets.ts).
  let set: { table: string; count: number } | null = null;
  if (q.statistic && !direct) {
    set = statisticSets(sql).materialise(q.statistic);
    clauses.push(`cases.rowid IN (SELECT rid FROM ${set.table})`);
  }
  const hits: string[] = [];
  const hitParams: unknown[] = [];
  const t = q.text;
  if (t?.match) {
    // The index itself keeps to the user's principals (caseSearch.ts): its hits are in scope.
    if (q.scope.length === 0) hits.push('SELECT rowid AS rid FROM case_search WHERE 1 = 0');
    else if (sql.dialect === 'postgres') {
      hits.push('SELECT rid FROM case_search_hits(?, ?)');
      hitParams.push(sql.tokens(matchWords(t.match)), [...q.scope]);
    } else {
      hits.push('SELECT rowid AS rid FROM case_search WHERE case_search MATCH ?');
      hitParams.push(termsInScopeMatch(t.match, q.scope));
    }
  }
  // From the party records through their index on the last four characters of the ID number or
  // credit code. DISTINCT: a number can belong to two party records of one case (ID types).
  // Each part drops its hits outside the scope first, by a look-up in the small case_scope index,
  // so no case row is read for them (a township user's search for a common word keeps a few
  // per cent).
  const byCase = inScope('c.rowid', q.scope);
  const byParty = (condition: string) =>
    `SELECT DISTINCT c.rowid AS rid FROM parties p
       JOIN case_parties cp ON cp.party_id = p.id AND cp.deleted_at IS NULL
       JOIN cases c ON c.id = cp.case_id
      WHERE p.deleted_at IS NULL AND p.id_suffix = ? AND ${condition} AND ${byCase.sql}`;
  if (t?.idNumber) {
    hits.push(byParty('p.id_number = ?'));
    hitParams.push(t.idNumber.slice(-4), t.idNumber, ...byCase.params);
  }
  if (t?.creditCode) {
    hits.push(byParty('p.credit_code = ?'));
    hitParams.push(t.creditCode.slice(-4), t.creditCode, ...byCase.params);
  }
  if (t?.idTail) {
    hits.push(byParty('(p.id_number LIKE ? OR p.credit_code LIKE ?)'));
    hitParams.push(t.idTail.slice(-4), `%${t.idTail}`, `%${t.idTail}`, ...byCase.params);
  }
  if (t?.caseNumber) {
    hits.push(`SELECT c.rowid AS rid FROM cases c WHERE c.case_number = ? AND ${byCase.sql}`);
    hitParams.push(t.caseNumber, ...byCase.params);
  }
  return {
    index: listIndex(q),
    where: clauses.join(' AND '),
    params,
    filtered: clauses.length > 1,
    hits: hits.length ? `SELECT h.rid FROM (${hits.join(' UNION ')}) h` : null,
    hitParams,
    hitsSource: null,
    scope: inScope('cases.rowid', q.scope),
    principals: q.scope,
    order: sortColumns[q.sort].replaceAll('{dir}', q.order === 'asc' ? 'ASC' : 'DESC'),
    wholeSet: set && !narrowed ? { count: set.count } : null,
    direct,
  };
}
