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
    /** The trailing digits of an ID number (4 or more). */
    idTail?: string;
    /** An exact case number. */
    caseNumber?: string;
  };
  sort: 'receivedOn' | 'caseNumber' | 'amount';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const sortColumns: Record<CaseListQuery['sort'], string> = {
  receivedOn: 'received_on {dir}, created_at {dir}',
  caseNumber: 'case_number {dir}',
  amount: 'amount_fen {dir}, received_on DESC',
};

/**
 * The case list and search box. SQL text is assembled only from the fixed fragments below;
 * every value is a bound parameter. Each filter has an index that leads with it.
 */
export class CaseListRepository {
  constructor(private readonly db: DbHandle) {}

  private where(q: CaseListQuery): { hits: string | null; clauses: string[]; params: unknown[]; hitParams: unknown[] } {
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
    const parts: string[] = [];
    const hitParams: unknown[] = [];
    const t = q.text;
    if (t?.match) {
      parts.push('SELECT rowid AS rid FROM case_search WHERE case_search MATCH ?');
      hitParams.push(t.match);
    }
    const byParty = (condition: string) =>
      `SELECT c.rowid AS rid FROM parties p JOIN case_parties cp ON cp.party_id = p.id AND cp.deleted_at IS NULL
         JOIN cases c ON c.id = cp.case_id WHERE ${condition}`;
    if (t?.idNumber) {
      parts.push(byParty('p.id_number = ?'));
      hitParams.push(t.idNumber);
    }
    if (t?.idTail) {
      parts.push(byParty('p.id_suffix = ? AND p.id_number LIKE ?'));
      hitParams.push(t.idTail.slice(-4), `%${t.idTail}`);
    }
    if (t?.caseNumber) {
      parts.push('SELECT rowid AS rid FROM cases WHERE case_number = ?');
      hitParams.push(t.caseNumber);
    }
    return { hits: parts.length ? parts.join(' UNION ') : null, clauses, params, hitParams };
  }

  page(q: CaseListQuery): { rows: CaseRow[]; total: number } {
    const { hits, clauses, params, hitParams } = this.where(q);
    const withHits = hits ? `WITH hits(rid) AS (${hits}) ` : '';
    if (hits) clauses.push('cases.rowid IN (SELECT rid FROM hits)');
    const where = clauses.join(' AND ');
    const order = sortColumns[q.sort].replaceAll('{dir}', q.order === 'asc' ? 'ASC' : 'DESC');
    const rows = this.db.sql.all<CaseRow>(
      `${withHits}SELECT ${caseColumns()} FROM cases WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      ...hitParams,
      ...params,
      q.limit,
      q.offset,
    );
    const total = this.db.sql.get<{ n: number }>(`${withHits}SELECT count(*) AS n FROM cases WHERE ${where}`, ...hitParams, ...params)?.n ?? 0;
    return { rows, total };
  }

  /** The query plan of page(): tests assert no supported query scans the cases table. */
  plan(q: CaseListQuery): string[] {
    const { hits, clauses, params, hitParams } = this.where(q);
    const withHits = hits ? `WITH hits(rid) AS (${hits}) ` : '';
    if (hits) clauses.push('cases.rowid IN (SELECT rid FROM hits)');
    const order = sortColumns[q.sort].replaceAll('{dir}', q.order === 'asc' ? 'ASC' : 'DESC');
    return this.db.sql
      .all<{ detail: string }>(
        `EXPLAIN QUERY PLAN ${withHits}SELECT ${caseColumns()} FROM cases WHERE ${clauses.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`,
        ...hitParams,
        ...params,
        q.limit,
        q.offset,
      )
      .map((r) => r.detail);
  }
}
