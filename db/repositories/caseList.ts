import type { DbHandle } from '../dataSource';
import { caseColumns, type CaseRow } from './cases';

export interface CaseListQuery {
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
 * Up to this many search hits, the page is found from the hits (one row read per hit); beyond
 * it, an index in list order is walked and each entry tested against the hits, which stops after
 * one page, so a common word (thousands of hits) costs about as much as a rare name.
 */
export const HITS_DRIVEN_MAX = 150;

type Strategy = 'hits' | 'walk';

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
  /** `WITH hits(rid) AS (...)` when the search box is used. */
  withHits: string | null;
  hitParams: unknown[];
  order: string;
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
    const hits: string[] = [];
    const hitParams: unknown[] = [];
    const t = q.text;
    if (t?.match) {
      hits.push('SELECT rowid AS rid FROM case_search WHERE case_search MATCH ?');
      hitParams.push(t.match);
    }
    // From the party records through their index on the last four characters of the ID number or
    // credit code. DISTINCT: a number can belong to two party records of one case (ID types).
    const byParty = (condition: string) =>
      `SELECT DISTINCT c.rowid AS rid FROM parties p
         JOIN case_parties cp ON cp.party_id = p.id AND cp.deleted_at IS NULL
         JOIN cases c ON c.id = cp.case_id
        WHERE p.deleted_at IS NULL AND p.id_suffix = ? AND ${condition}`;
    if (t?.idNumber) {
      hits.push(byParty('p.id_number = ?'));
      hitParams.push(t.idNumber.slice(-4), t.idNumber);
    }
    if (t?.creditCode) {
      hits.push(byParty('p.credit_code = ?'));
      hitParams.push(t.creditCode.slice(-4), t.creditCode);
    }
    if (t?.idTail) {
      hits.push(byParty('(p.id_number LIKE ? OR p.credit_code LIKE ?)'));
      hitParams.push(t.idTail.slice(-4), `%${t.idTail}`, `%${t.idTail}`);
    }
    if (t?.caseNumber) {
      hits.push('SELECT rowid AS rid FROM cases WHERE case_number = ?');
      hitParams.push(t.caseNumber);
    }
    return {
      index: listIndex(q),
      where: clauses.join(' AND '),
      params,
      filtered: clauses.length > 1,
      withHits: hits.length ? `WITH hits(rid) AS MATERIALIZED (${hits.join(' UNION ')}) ` : null,
      hitParams,
      order: sortColumns[q.sort].replaceAll('{dir}', q.order === 'asc' ? 'ASC' : 'DESC'),
    };
  }

  /** How many cases the search hits, and how many of those are deleted (never listed). */
  private hitCount(p: Parts): Statement {
    return {
      sql: `${p.withHits}SELECT count(*) AS n,
              (SELECT count(*) FROM cases WHERE cases.deleted_at IS NOT NULL AND +cases.rowid IN (SELECT rid FROM hits)) AS dead
            FROM hits`,
      params: p.hitParams,
    };
  }

  /**
   * Cases matching the filters: with the hits as row look-ups ('hits'; NOT INDEXED still allows
   * look-ups by rowid and keeps the planner from walking every live case instead), or walking the
   * list index and testing each entry against the hits ('walk'; +rowid keeps it off look-ups).
   */
  private matching(p: Parts, strategy: Strategy): string {
    if (strategy === 'hits')
      return `cases NOT INDEXED WHERE ${p.where} AND cases.rowid IN (SELECT rid FROM hits)`;
    const hits = p.withHits ? ' AND +cases.rowid IN (SELECT rid FROM hits)' : '';
    return `cases INDEXED BY ${p.index} WHERE ${p.where}${hits}`;
  }

  private countStatement(p: Parts, strategy: Strategy): Statement {
    return {
      sql: `${p.withHits ?? ''}SELECT count(*) AS n FROM ${this.matching(p, strategy)}`,
      params: [...(p.withHits ? p.hitParams : []), ...p.params],
    };
  }

  private pageStatement(p: Parts, strategy: Strategy, limit: number, offset: number): Statement {
    return {
      sql: `${p.withHits ?? ''}SELECT ${caseColumns()} FROM cases
             WHERE cases.rowid IN (SELECT cases.rowid FROM ${this.matching(p, strategy)} ORDER BY ${p.order} LIMIT ? OFFSET ?)
             ORDER BY ${p.order}`,
      params: [...(p.withHits ? p.hitParams : []), ...p.params, limit, offset],
    };
  }

  page(q: CaseListQuery): { rows: CaseRow[]; total: number } {
    const p = this.parts(q);
    let strategy: Strategy = 'walk';
    let total: number | null = null;
    if (p.withHits) {
      const count = this.hitCount(p);
      const { n, dead } = this.db.sql.get<{ n: number; dead: number }>(count.sql, ...count.params)!;
      if (n === 0) return { rows: [], total: 0 };
      strategy = n <= HITS_DRIVEN_MAX ? 'hits' : 'walk';
      if (!p.filtered) total = n - dead;
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
   * The query plans of every statement page() may run for this query, under either strategy.
   * Tests assert that no supported query scans the cases table.
   */
  plan(q: CaseListQuery): string[] {
    const p = this.parts(q);
    const statements: Statement[] = [];
    if (p.withHits) statements.push(this.hitCount(p));
    for (const strategy of p.withHits ? (['hits', 'walk'] as const) : (['walk'] as const)) {
      statements.push(this.countStatement(p, strategy), this.pageStatement(p, strategy, q.limit, q.offset));
    }
    // Not through the statement cache: a test explains thousands of combinations.
    return statements.flatMap((s) =>
      (this.db.sql.raw.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as { detail: string }[]).map(
        (r) => r.detail,
      ),
    );
  }
}
