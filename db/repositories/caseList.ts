import type { DbHandle } from '../dataSource';
import { scopeRowids } from './caseScope';
import { listParts, type CaseListQuery, type Parts } from './caseListParts';
import { caseColumns, type CaseRow } from './cases';

export type { CaseListQuery } from './caseListParts';

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
 * The case list and search box. SQL text is assembled only from the fixed fragments below;
 * every value is a bound parameter. Rows are fetched a page at a time: the page's rowids are
 * chosen from indexes first, then only those rows are read. Every filter has a partial index
 * (live cases) that leads with it, and no supported query reads the cases table from end to end.
 */
export class CaseListRepository {
  constructor(private readonly db: DbHandle) {}

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
    const p = listParts(this.db.sql, q);
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
    const p = listParts(this.db.sql, q);
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
