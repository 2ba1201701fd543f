import {
  caseTableColumns,
  type CaseRecord,
  type CaseTable,
  type ColumnKind,
} from '../../main/contract/exchange/caseRecords';
import type { DbHandle } from '../dataSource';
import { CaseScopeRepository } from './caseScope';
import { columnsOf, snake, syncKeys } from './rows';

// The case records of township ⇄ county exchange (issue 14), one generic row mapping per table
// from the contract's column lists: read one, write one whole (insert or replace every
// column, as the sender holds it), and page through what a peer has not yet agreed on.
//
// Which of a table's rows go to a peer is "the rows of the cases in the township's scope": the
// township is this office when it sends to the county, and the peer when the county sends to
// it. The roster goes with them: the mediators this office keeps (a township) or the ones named
// on the assignments of those cases (the county).

const keysOf = Object.fromEntries(
  Object.entries(caseTableColumns).map(([t, columns]) => [t, [...syncKeys, ...Object.keys(columns)]]),
) as Record<CaseTable, string[]>;
function columnsOfKind(kind: ColumnKind): Record<CaseTable, string[]> {
  return Object.fromEntries(
    Object.entries(caseTableColumns).map(([t, columns]) => [
      t,
      Object.entries(columns as Record<string, ColumnKind>)
        .filter(([, k]) => k === kind)
        .map(([key]) => key),
    ]),
  ) as Record<CaseTable, string[]>;
}
const booleansOf = columnsOfKind('bool');
/** Files travel as base64 in the record. */
const bytesOf = columnsOfKind('bytes');

/**
 * Pages of a table with files stop at this many bytes of them (an entry's limit is 32 MB): a
 * page is held several times over while it is encoded or decoded, so small pages keep both
 * ends' memory flat whatever the package's size.
 */
const PAGE_FILE_BYTES = 4 * 1024 * 1024;

const caseInScope = (caseId: string) =>
  `EXISTS (SELECT 1 FROM cases c JOIN case_scope s ON s.case_rowid = c.rowid AND s.principal = ? WHERE c.id = ${caseId})`;
const assignedInScope = (mediatorId: string) =>
  `EXISTS (SELECT 1 FROM case_assignment_mediators am JOIN case_assignments a ON a.id = am.assignment_id
     WHERE am.mediator_id = ${mediatorId} AND ${caseInScope('a.case_id')})`;

/** The condition "this row belongs to a case in the township's scope" (params: the township). */
function scopeFilter(table: CaseTable, ownerOnly: boolean): { sql: string; params: number } {
  switch (table) {
    case 'mediators':
      return ownerOnly
        ? { sql: 'r.origin_office_id = ?', params: 0 }
        : { sql: `r.origin_office_id = ? AND ${assignedInScope('r.id')}`, params: 1 };
    case 'mediator_memberships':
      return ownerOnly
        ? { sql: 'r.origin_office_id = ?', params: 0 }
        : { sql: `r.origin_office_id = ? AND ${assignedInScope('r.mediator_id')}`, params: 1 };
    case 'cases':
      return {
        sql: 'EXISTS (SELECT 1 FROM case_scope s WHERE s.principal = ? AND s.case_rowid = r.rowid)',
        params: 1,
      };
    case 'parties':
      return {
        sql: `EXISTS (SELECT 1 FROM case_parties cp WHERE cp.party_id = r.id AND ${caseInScope('cp.case_id')})`,
        params: 1,
      };
    case 'case_assignment_mediators':
      return {
        sql: `EXISTS (SELECT 1 FROM case_assignments a WHERE a.id = r.assignment_id AND ${caseInScope('a.case_id')})`,
        params: 1,
      };
    default:
      return { sql: caseInScope('r.case_id'), params: 1 };
  }
}

export interface CaseRowsQuery {
  peerOfficeId: string;
  /** This office (mediators it keeps). */
  ownOfficeId: string;
  /** The township whose cases move (this office or the peer). */
  township: string;
  /** true when this office is the township: it sends its whole roster. */
  townshipSends: boolean;
}

export class ExchangeRowsRepository {
  constructor(private readonly db: DbHandle) {}

  private read(table: CaseTable, row: Record<string, unknown> | undefined): CaseRecord | undefined {
    if (!row) return undefined;
    for (const key of booleansOf[table]) row[key] = Boolean(row[key]);
    for (const key of bytesOf[table]) row[key] = Buffer.from(row[key] as Uint8Array).toString('base64');
    return row as CaseRecord;
  }

  get(table: CaseTable, id: string): CaseRecord | undefined {
    return this.read(
      table,
      this.db.sql.get(`SELECT ${columnsOf(keysOf[table])} FROM ${table} WHERE id = ?`, id),
    );
  }

  /** Writes the record as the sender holds it, every column. */
  put(table: CaseTable, row: CaseRecord): void {
    const keys = keysOf[table];
    const files = new Set(bytesOf[table]);
    const values = keys.map((k) => {
      const v = row[k] ?? null;
      if (files.has(k)) return Buffer.from(typeof v === 'string' ? v : '', 'base64');
      return typeof v === 'boolean' ? (v ? 1 : 0) : v;
    });
    this.db.sql.run(
      `INSERT INTO ${table} (${keys.map(snake).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${keys
         .filter((k) => k !== 'id')
         .map((k) => `${snake(k)} = excluded.${snake(k)}`)
         .join(', ')}`,
      ...values,
    );
  }

  private changedSql(table: CaseTable, q: CaseRowsQuery, select: string): { sql: string; params: unknown[] } {
    const filter = scopeFilter(table, q.townshipSends);
    const params: unknown[] = [q.peerOfficeId, table];
    if (table === 'mediators' || table === 'mediator_memberships') params.push(q.ownOfficeId);
    for (let i = 0; i < filter.params; i += 1) params.push(q.township);
    return {
      sql: `SELECT ${select} FROM ${table} r
        LEFT JOIN exchange_record_versions x ON x.peer_office_id = ? AND x.table_name = ? AND x.record_id = r.id
        WHERE r.version > coalesce(x.agreed_version, 0) AND ${filter.sql}`,
      params,
    };
  }

  /**
   * The rows of `table` the peer does not hold at their current version, after `afterId`: up to
   * `limit`, and for a table with files no more than PAGE_FILE_BYTES of them (at least one row).
   */
  changed(table: CaseTable, q: CaseRowsQuery, afterId: string, limit: number): CaseRecord[] {
    const select = keysOf[table].map((k) => `r.${snake(k)} AS ${k}`).join(', ');
    const { sql, params } = this.changedSql(table, q, select);
    let through: string | null = null;
    if (bytesOf[table].length) {
      const sizes = this.changedSql(table, q, 'r.id AS id, r.size AS size');
      let total = 0;
      for (const r of this.db.sql.all<{ id: string; size: number }>(
        `${sizes.sql} AND r.id > ? ORDER BY r.id LIMIT ?`,
        ...sizes.params,
        afterId,
        limit,
      )) {
        if (through !== null && total + r.size > PAGE_FILE_BYTES) break;
        total += r.size;
        through = r.id;
      }
      if (through === null) return [];
    }
    return this.db.sql
      .all<Record<string, unknown>>(
        `${sql} AND r.id > ? AND r.id <= ? ORDER BY r.id LIMIT ?`,
        ...params,
        afterId,
        through ?? 'g', // every UUID sorts below 'g'
        limit,
      )
      .map((r) => this.read(table, r)!);
  }

  countChanged(table: CaseTable, q: CaseRowsQuery): number {
    const { sql, params } = this.changedSql(table, q, 'count(*) AS n');
    return this.db.sql.get<{ n: number }>(sql, ...params)?.n ?? 0;
  }

  /** Where one record stands with a peer: the version both hold, the one last sent and in which package. */
  standing(
    peerOfficeId: string,
    table: string,
    recordId: string,
  ): { agreedVersion: number; sentVersion: number; sentSequence: number } | undefined {
    return this.db.sql.get(
      `SELECT agreed_version AS agreedVersion, sent_version AS sentVersion, sent_sequence AS sentSequence
         FROM exchange_record_versions WHERE peer_office_id = ? AND table_name = ? AND record_id = ?`,
      peerOfficeId,
      table,
      recordId,
    );
  }

  /** The case an assignment belongs to, if this office has it. */
  caseOfAssignment(assignmentId: string): string | undefined {
    return this.db.sql.get<{ c: string }>(
      `SELECT case_id AS c FROM case_assignments WHERE id = ?`,
      assignmentId,
    )?.c;
  }

  /** Whether the case is here and in the scope of the organisation (or one above what holds it). */
  caseInScope(caseId: string, organisationId: string): boolean {
    return (
      this.db.sql.get(
        `SELECT 1 FROM cases c JOIN case_scope s ON s.case_rowid = c.rowid AND s.principal = ? WHERE c.id = ?`,
        organisationId,
        caseId,
      ) !== undefined
    );
  }

  /** The cases a party appears in here. */
  casesOfParty(partyId: string): string[] {
    return this.db.sql
      .all<{ c: string }>(`SELECT DISTINCT case_id AS c FROM case_parties WHERE party_id = ?`, partyId)
      .map((r) => r.c);
  }

  /** Whether the party appears in a case in the organisation's scope. */
  partyInScope(partyId: string, organisationId: string): boolean {
    return (
      this.db.sql.get(
        `SELECT 1 FROM case_parties cp WHERE cp.party_id = ? AND ${caseInScope('cp.case_id')} LIMIT 1`,
        partyId,
        organisationId,
      ) !== undefined
    );
  }

  /** Another live party with the same ID document or credit code (the unique indexes, one seek each). */
  partyClash(row: CaseRecord): { name: string } | undefined {
    if (row.deletedAt) return undefined;
    const byId =
      typeof row.idNumber === 'string'
        ? this.db.sql.get<{ name: string }>(
            `SELECT name FROM parties WHERE id_type = ? AND id_number = ? AND id_number IS NOT NULL
               AND deleted_at IS NULL AND id <> ? LIMIT 1`,
            row.idType ?? null,
            row.idNumber,
            row.id,
          )
        : undefined;
    if (byId || typeof row.creditCode !== 'string') return byId;
    return this.db.sql.get<{ name: string }>(
      `SELECT name FROM parties WHERE credit_code = ? AND credit_code IS NOT NULL AND deleted_at IS NULL
         AND id <> ? LIMIT 1`,
      row.creditCode,
      row.id,
    );
  }

  /** Another version of the case's document with the same number (the unique index). */
  documentVersionClash(row: CaseRecord): boolean {
    return (
      this.db.sql.get(
        `SELECT 1 FROM document_versions WHERE case_id = ? AND kind = ? AND version_no = ? AND id <> ?`,
        row.caseId,
        row.kind,
        row.versionNo,
        row.id,
      ) !== undefined
    );
  }

  /** Another case with the same number (the unique index). */
  caseNumberClash(row: CaseRecord): boolean {
    return (
      this.db.sql.get(`SELECT 1 FROM cases WHERE id <> ? AND case_number = ?`, row.id, row.caseNumber) !==
      undefined
    );
  }

  /**
   * Runs `fn` and undoes everything it wrote: the preview of an import merges exactly as the
   * import would (references, unique numbers, conflicts) and keeps nothing.
   */
  async dryRun<T>(fn: () => Promise<T>): Promise<T> {
    this.db.sql.run('SAVEPOINT exchange_preview');
    try {
      return await fn();
    } finally {
      this.db.sql.run('ROLLBACK TO exchange_preview');
      this.db.sql.run('RELEASE exchange_preview');
    }
  }

  /** After a case's rows changed: its scope rows derived again, as after any move. */
  rescope(caseId: string): void {
    new CaseScopeRepository(this.db).rebuildCaseById(caseId);
  }
}
