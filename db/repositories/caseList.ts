import type { DbHandle } from '../dataSource';
import { termsInScopeMatch, termsMatch } from './caseSearch';
import { inScope, scopeRowids, type ScopePrincipals } from './caseScope';
import { caseColumns, type CaseRow } from './cases';
import { statisticSets } from './statisticSets';

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
 * When a page is found from a small set of rows rather than by walking a list index.
 * hits: up to this many search hits, the page is found from the hits (one row read per hit);
 * beyond it, an index in list order is walked and each entry tested against the hits, which stops
 * after one page, so a common word (thousands of hits) costs about as much as a rare name.
 * scope: a scope of up to this many cases (a village committee, a newly set-up one) is listed
 * from its own rows the same way; a larger one by walking and testing each entry's scope (a
 * point look-up in the small case_scope index, several times cheaper than reading a case row:
 * walking for a page of 20 wins from a few hundred cases in scope at 100,000 cases).
 * Tests lower them to check that every strategy lists the same rows.
 */
export const listStrategyLimits = { hits: 150, scope: 400 };

type Strategy = 'hits' | 'scope' | 'walk' | 'set';

interface Statement {
  sql: string;
  params: unknown[];
}

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

interface Parts {
  index: string;
  /** Filter conditions on cases (live rows only), with their parameters. */
  where: string;
  params: unknown[];
  filtered: boolean;
  /** The search box's hits in scope (a rowid query), when it is used. */
  hits: string | null;
  hitParams: unknown[];
  /** The hits themselves, once the probe has found them all (a few): no need to search again. */
  found: number[] | null;
  /** The scope test on cases.rowid (not needed where the hits decide: they are in scope). */
  scope: { sql: string; params: unknown[] };
  principals: ScopePrincipals;
  order: string;
  /** The drill-down's set (statisticSets.ts) when nothing else narrows the list: it is the list. */
  wholeSet: { count: number } | null;
  /** A drill-down whose total the dashboard has just counted: pages come from its own statement. */
  direct: { count: number; sql: string; params: unknown[] } | null;
}

/**
 * The case list and search box. SQL text is assembled only from the fixed fragments below;
 * every value is a bound parameter. Rows are fetched a page at a time: the page's rowids are
 * chosen from indexes first, then only those rows are read. Every filter has a partial index
 * (live cases) that leads with it, and no supported query reads the cases table from end to end.
 */
export class CaseListRepository {
  constructor(private readonly db: DbHandle) {}

  private parts(q: CaseListQuery): Parts {
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
      set = statisticSets(this.db.sql).materialise(q.statistic);
      clauses.push(`cases.rowid IN (SELECT rid FROM ${set.table})`);
    }
    const hits: string[] = [];
    const hitParams: unknown[] = [];
    const t = q.text;
    if (t?.match) {
      // The index itself keeps only the words in cases of the user's principals (caseSearch.ts);
      // case_scope, the authority, then tests those few.
      const visible = inScope('case_search.rowid', q.scope);
      hits.push(`SELECT rowid AS rid FROM case_search WHERE case_search MATCH ? AND ${visible.sql}`);
      hitParams.push(
        q.scope.length > 0 ? termsInScopeMatch(t.match, q.scope) : termsMatch(t.match),
        ...visible.params,
      );
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
      found: null,
      scope: inScope('cases.rowid', q.scope),
      principals: q.scope,
      order: sortColumns[q.sort].replaceAll('{dir}', q.order === 'asc' ? 'ASC' : 'DESC'),
      wholeSet: set && !narrowed ? { count: set.count } : null,
      direct,
    };
  }

  /** The common table expressions a strategy reads: the hits, and the scope's rows when it drives. */
  private with(p: Parts, strategy: Strategy): Statement {
    const ctes: string[] = [];
    const params: unknown[] = [];
    if (p.found) {
      ctes.push('hits(rid) AS MATERIALIZED (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(p.found));
    } else if (p.hits) {
      ctes.push(`hits(rid) AS MATERIALIZED (${p.hits})`);
      params.push(...p.hitParams);
    }
    if (strategy === 'scope') {
      const rows = scopeRowids(p.principals);
      ctes.push(`scoped(rid) AS MATERIALIZED (${rows.sql})`);
      params.push(...rows.params);
    }
    return { sql: ctes.length ? `WITH ${ctes.join(', ')} ` : '', params };
  }

  /**
   * How many cases in scope the search hits (case_scope holds live cases only, so that is also
   * the count of what a search without filters lists).
   */
  private hitCount(p: Parts): Statement {
    const w = this.with(p, 'hits');
    return { sql: `${w.sql}SELECT count(*) AS n FROM hits`, params: w.params };
  }

  /**
   * The hits in scope, up to one more than the hits strategy takes, stopping there (the full-text
   * rows stream, each tested against the scope). When that is all of them, the page is found
   * from these rowids and the search is not run again.
   */
  private hitProbe(p: Parts): Statement {
    return { sql: `${p.hits} LIMIT ?`, params: [...p.hitParams, listStrategyLimits.hits + 1] };
  }

  /**
   * Cases matching the filters, in scope: with the hits (in scope already) as row look-ups ('hits';
   * NOT INDEXED still allows look-ups by rowid and keeps the planner from walking every live case
   * instead), the scope's own rows the same way ('scope'), or walking the list index and testing
   * each entry against the hits, or without a search against the scope ('walk'; +rowid keeps it
   * off look-ups).
   */
  private matching(p: Parts, strategy: Strategy): Statement {
    // A small drill-down set: its rows by rowid (the set is in scope already).
    if (strategy === 'set') return { sql: `cases NOT INDEXED WHERE ${p.where}`, params: p.params };
    if (strategy === 'hits')
      return {
        sql: `cases NOT INDEXED WHERE ${p.where} AND cases.rowid IN (SELECT rid FROM hits)`,
        params: p.params,
      };
    const hits = p.hits ? ' AND +cases.rowid IN (SELECT rid FROM hits)' : '';
    if (strategy === 'scope')
      return {
        sql: `cases NOT INDEXED WHERE ${p.where} AND cases.rowid IN (SELECT rid FROM scoped)${hits}`,
        params: p.params,
      };
    if (p.hits) return { sql: `cases INDEXED BY ${p.index} WHERE ${p.where}${hits}`, params: p.params };
    return {
      sql: `cases INDEXED BY ${p.index} WHERE ${p.where} AND ${p.scope.sql}`,
      params: [...p.params, ...p.scope.params],
    };
  }

  private countStatement(p: Parts, strategy: Strategy): Statement {
    const w = this.with(p, strategy);
    const m = this.matching(p, strategy);
    return { sql: `${w.sql}SELECT count(*) AS n FROM ${m.sql}`, params: [...w.params, ...m.params] };
  }

  private pageStatement(p: Parts, strategy: Strategy, limit: number, offset: number): Statement {
    const w = this.with(p, strategy);
    const m = this.matching(p, strategy);
    return {
      sql: `${w.sql}SELECT ${caseColumns()} FROM cases
             WHERE cases.rowid IN (SELECT cases.rowid FROM ${m.sql} ORDER BY ${p.order} LIMIT ? OFFSET ?)
             ORDER BY ${p.order}`,
      params: [...w.params, ...m.params, limit, offset],
    };
  }

  /**
   * A page and the list's total in one statement, so the hits (full-text look-up and a scope test
   * per hit) are found once rather than once for the count and again for the page: a common
   * word hits a thousand cases or more. Each row carries the total.
   */
  private countedPageStatement(p: Parts, strategy: Strategy, limit: number, offset: number): Statement {
    const w = this.with(p, strategy);
    const m = this.matching(p, strategy);
    const count = p.filtered ? { sql: m.sql, params: m.params } : { sql: 'hits', params: [] };
    return {
      sql: `${w.sql}SELECT (SELECT count(*) FROM ${count.sql}) AS list_total, ${caseColumns()} FROM cases
             WHERE cases.rowid IN (SELECT cases.rowid FROM ${m.sql} ORDER BY ${p.order} LIMIT ? OFFSET ?)
             ORDER BY ${p.order}`,
      params: [...w.params, ...count.params, ...m.params, limit, offset],
    };
  }

  /**
   * A page of a drill-down straight from the figure's statement (cases `c`, walking
   * ix_cases_received), newest first: it stops once the page is found. Cases received on the same
   * day follow the index (by status, then entry order): ordered by entry order alone, every case
   * of the period would be sorted before the first page could be taken.
   */
  private directPageStatement(
    d: NonNullable<Parts['direct']>,
    order: string,
    limit: number,
    offset: number,
  ): Statement {
    const dir = order.includes('ASC') ? 'ASC' : 'DESC';
    const by = (t: string) => `${t}.received_on ${dir}, ${t}.status ${dir}, ${t}.rowid ${dir}`;
    return {
      sql: `SELECT ${caseColumns()} FROM cases
             WHERE cases.rowid IN (${d.sql} ORDER BY ${by('c')} LIMIT ? OFFSET ?)
             ORDER BY ${by('cases')}`,
      params: [...d.params, limit, offset],
    };
  }

  /** The number of cases in scope: exactly, or when it is small (≤ the scope limit), else null. */
  private smallScope(p: Parts, exact: boolean): number | null {
    const rows = scopeRowids(p.principals);
    const n =
      this.db.sql.get<{ n: number }>(
        `SELECT count(*) AS n FROM (${rows.sql}${exact ? '' : ' LIMIT ?'})`,
        ...rows.params,
        ...(exact ? [] : [listStrategyLimits.scope + 1]),
      )?.n ?? 0;
    return exact || n <= listStrategyLimits.scope ? n : null;
  }

  page(q: CaseListQuery): { rows: CaseRow[]; total: number } {
    if (q.scope.length === 0) return { rows: [], total: 0 };
    const p = this.parts(q);
    if (p.direct) {
      const total = p.direct.count;
      if (total === 0 || q.offset >= total) return { rows: [], total };
      const page = this.directPageStatement(p.direct, p.order, q.limit, q.offset);
      return { rows: this.db.sql.all<CaseRow>(page.sql, ...page.params), total };
    }
    let strategy: Strategy;
    let total: number | null = null;
    if (p.wholeSet) {
      total = p.wholeSet.count;
      strategy = total <= listStrategyLimits.scope ? 'set' : 'walk';
    } else if (p.hits) {
      const probe = this.hitProbe(p);
      const found = this.db.sql.all<{ rid: number }>(probe.sql, ...probe.params).map((r) => r.rid);
      const n = found.length;
      if (n === 0) return { rows: [], total: 0 };
      if (n <= listStrategyLimits.hits) {
        strategy = 'hits';
        p.found = found;
        if (!p.filtered) total = n;
      } else {
        // Many hits: the page and its total together, the hits found once.
        strategy = this.smallScope(p, false) !== null ? 'scope' : 'walk';
        const page = this.countedPageStatement(p, strategy, q.limit, q.offset);
        const rows = this.db.sql.all<CaseRow & { list_total: number }>(page.sql, ...page.params);
        if (rows.length) {
          const listed = rows[0]!.list_total;
          return { rows: rows.map(({ list_total: _total, ...row }) => row), total: listed };
        }
        // Nothing on this page (past the end, or the filters leave nothing): the total alone.
        if (!p.filtered) {
          const count = this.hitCount(p);
          return { rows: [], total: this.db.sql.get<{ n: number }>(count.sql, ...count.params)?.n ?? 0 };
        }
      }
    } else {
      // Without filters, the list is the whole scope: count it (it is also the page's total).
      const size = this.smallScope(p, !p.filtered);
      if (!p.filtered) total = size;
      strategy = size !== null && size <= listStrategyLimits.scope ? 'scope' : 'walk';
    }
    if (total === null) {
      const count = this.countStatement(p, strategy);
      total = this.db.sql.get<{ n: number }>(count.sql, ...count.params)?.n ?? 0;
    }
    if (total === 0 || q.offset >= total) return { rows: [], total };
    const page = this.pageStatement(p, strategy, q.limit, q.offset);
    return { rows: this.db.sql.all<CaseRow>(page.sql, ...page.params), total };
  }

  /**
   * The query plans of every statement page() may run for this query, under every strategy.
   * Tests assert that no supported query scans the cases table.
   */
  plan(q: CaseListQuery): string[] {
    const p = this.parts(q);
    const statements: Statement[] = [];
    if (p.hits) statements.push(this.hitCount(p), this.hitProbe(p));
    const strategies: Strategy[] = p.hits ? ['hits', 'scope', 'walk'] : ['scope', 'walk'];
    if (q.statistic) strategies.push('set');
    if (p.direct) statements.push(this.directPageStatement(p.direct, p.order, q.limit, q.offset));
    for (const strategy of strategies) {
      statements.push(this.countStatement(p, strategy), this.pageStatement(p, strategy, q.limit, q.offset));
      if (p.hits && strategy !== 'hits')
        statements.push(this.countedPageStatement(p, strategy, q.limit, q.offset));
    }
    // The few hits the probe found, as the hits strategy then reads them.
    if (p.hits) {
      const known = { ...p, found: [1, 2, 3] };
      statements.push(
        this.countStatement(known, 'hits'),
        this.pageStatement(known, 'hits', q.limit, q.offset),
      );
    }
    // Not through the statement cache: a test explains thousands of combinations.
    return statements.flatMap((s) =>
      (this.db.sql.raw.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as { detail: string }[]).map(
        (r) => r.detail,
      ),
    );
  }
}
