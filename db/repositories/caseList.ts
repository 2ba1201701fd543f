import type { DbHandle } from '../dataSource';
import { scopeRowids } from './caseScope';
import { listParts, type CaseListQuery, type Parts } from './caseListParts';
import { caseColumns, type CaseRow } from './cases';
import { statisticSets } from './statisticSets';

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
    if (p.hitsSource) {
      ctes.push(`hits(rid) AS NOT MATERIALIZED (${p.hitsSource.sql})`);
      params.push(...p.hitsSource.params);
    }
    if (strategy === 'scope') {
      const rows = scopeRowids(p.principals);
      ctes.push(`scoped(rid) AS MATERIALIZED (${rows.sql})`);
      params.push(...rows.params);
    }
    return { sql: ctes.length ? `WITH ${ctes.join(', ')} ` : '', params };
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

  /** Finds the search's hits in scope once for this call (statisticSets.ts); their number. */
  private searchHits(p: Parts): number {
    const hits = statisticSets(this.db.sql).searchHits({ sql: p.hits!, params: p.hitParams });
    p.hitsSource = hits.source;
    return hits.count;
  }

  /** The number of cases in scope: exactly, or when it is small (≤ the scope limit), else null. */
  private smallScope(p: Parts, exact: boolean): number | null {
    const rows = scopeRowids(p.principals);
    const n =
      this.db.sql.get<{ n: number }>(
        `SELECT count(*) AS n FROM (${rows.sql}${exact ? '' : ' LIMIT ?'}) counted`,
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
      // The hits in scope, found once (a common word hits thousands of cases); their number is
      // the total of a search without filters.
      const hits = this.searchHits(p);
      if (hits === 0) return { rows: [], total: 0 };
      strategy =
        hits <= listStrategyLimits.hits ? 'hits' : this.smallScope(p, false) !== null ? 'scope' : 'walk';
      if (!p.filtered) total = hits;
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
    if (p.hits) {
      statements.push({ sql: p.hits, params: p.hitParams });
      this.searchHits(p);
    }
    const strategies: Strategy[] = p.hits ? ['hits', 'scope', 'walk'] : ['scope', 'walk'];
    if (q.statistic) strategies.push('set');
    if (p.direct) statements.push(this.directPageStatement(p.direct, p.order, q.limit, q.offset));
    for (const strategy of strategies)
      statements.push(this.countStatement(p, strategy), this.pageStatement(p, strategy, q.limit, q.offset));
    return statements.flatMap((s) => this.db.sql.queryPlan(s.sql, s.params));
  }
}
