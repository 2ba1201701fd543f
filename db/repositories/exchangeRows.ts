import { sharedSettingKeys } from '../../main/contract/exchange/catalogueRecords';
import {
  MAX_EXCHANGED_FILE_BYTES,
  type ColumnKind,
  type ExchangedRecord,
} from '../../main/contract/exchange/columns';
import { rowTableColumns, type RowTable } from '../../main/contract/exchange/records';
import type { DbHandle } from '../dataSource';
import { CaseScopeRepository } from './caseScope';
import { caseInScope, keyOf, scopeFilter, wholeTableOrder, type RowsQuery } from './exchangeScope';
import { snake, syncKeys } from './rows';

// The records of township ⇄ county exchange (issue 14) but villages, one generic row mapping per
// table from the contract's column lists: read one, write one whole (insert or replace every
// column, as the sender holds it), and page through what a peer has not yet agreed on (which
// rows go to which peer: ./exchangeScope.ts).

export type { RowsQuery as CaseRowsQuery } from './exchangeScope';
type Row = ExchangedRecord;

const keysOf = Object.fromEntries(
  Object.entries(rowTableColumns).map(([t, columns]) => [t, [...syncKeys, ...Object.keys(columns)]]),
) as Record<RowTable, string[]>;
function columnsOfKind(kind: ColumnKind): Record<RowTable, string[]> {
  return Object.fromEntries(
    Object.entries(rowTableColumns).map(([t, columns]) => [
      t,
      Object.entries(columns)
        .filter(([, k]) => k === kind)
        .map(([key]) => key),
    ]),
  ) as Record<RowTable, string[]>;
}
const booleansOf = columnsOfKind('bool');
/** Files travel as base64 in the record. */
const bytesOf = columnsOfKind('bytes');
/** A record's column in SQL (`id` is the table's key column). */
const columnOf = (table: RowTable, key: string) => (key === 'id' ? keyOf(table) : snake(key));
const selectOf = (table: RowTable) => keysOf[table].map((k) => `r.${columnOf(table, k)} AS ${k}`).join(', ');

/**
 * Pages of a table with files stop at this many bytes of them (an entry's limit is 32 MB): a
 * page is held several times over while it is encoded or decoded, so small pages keep both
 * ends' memory flat whatever the package's size.
 */
const PAGE_FILE_BYTES = 4 * 1024 * 1024;

/** SQL for the bytes of a row's files (length() of a blob reads its size, not its bytes); '' for a table without. */
const fileSize = (table: RowTable) => bytesOf[table].map((k) => `length(r.${snake(k)})`).join(' + ');

export class ExchangeRowsRepository {
  constructor(private readonly db: DbHandle) {}

  private read(table: RowTable, row: Record<string, unknown> | undefined): Row | undefined {
    if (!row) return undefined;
    for (const key of booleansOf[table]) row[key] = Boolean(row[key]);
    for (const key of bytesOf[table]) row[key] = Buffer.from(row[key] as Uint8Array).toString('base64');
    return row as Row;
  }

  get(table: RowTable, id: string): Row | undefined {
    return this.read(
      table,
      this.db.sql.get(`SELECT ${selectOf(table)} FROM ${table} r WHERE r.${keyOf(table)} = ?`, id),
    );
  }

  /** Writes the record as the sender holds it, every column. */
  put(table: RowTable, row: Row): void {
    const keys = keysOf[table];
    const files = new Set(bytesOf[table]);
    const values = keys.map((k) => {
      const v = row[k] ?? null;
      if (files.has(k)) return Buffer.from(typeof v === 'string' ? v : '', 'base64');
      return typeof v === 'boolean' ? (v ? 1 : 0) : v;
    });
    const key = keyOf(table);
    this.db.sql.run(
      `INSERT INTO ${table} (${keys.map((k) => columnOf(table, k)).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})
       ON CONFLICT (${key}) DO UPDATE SET ${keys
         .filter((k) => k !== 'id')
         .map((k) => `${snake(k)} = excluded.${snake(k)}`)
         .join(', ')}`,
      ...values,
    );
    // A row the database refuses (a reference this office lacks) is reported here, where the
    // merge names it (main/core/exchange/merge.ts), not with the centre's next statement.
    this.db.sql.settle();
  }

  /**
   * The rows the peer lacks. A row with a file larger than a record may carry (an archived
   * dossier PDF with large scans in it) stays here: the reader would refuse the whole package
   * for it (`tooLarge` counts them, so the sender is told).
   */
  private changedSql(
    table: RowTable,
    q: RowsQuery,
    select: string,
    files: 'fit' | 'tooLarge' = 'fit',
  ): { sql: string; params: unknown[] } {
    const filter = scopeFilter(table, q, sharedSettingKeys);
    const size = fileSize(table);
    const fits = size ? ` AND ${size} ${files === 'fit' ? '<=' : '>'} ${MAX_EXCHANGED_FILE_BYTES}` : '';
    return {
      sql: `${wholeTableOrder[table]?.with ?? ''} SELECT ${select} FROM ${table} r
        LEFT JOIN exchange_record_versions x
          ON x.peer_office_id = ? AND x.table_name = ? AND x.record_id = r.${keyOf(table)}
        WHERE r.version > coalesce(x.agreed_version, 0) AND ${filter.sql}${fits}`,
      params: [q.peerOfficeId, table, ...filter.params],
    };
  }

  /**
   * The rows of `table` the peer does not hold at their current version, after `afterId`: up to
   * `limit`, and for a table with files no more than PAGE_FILE_BYTES of them (at least one row).
   * A table whose rows refer to each other comes whole, parents first (./exchangeScope.ts).
   */
  changed(table: RowTable, q: RowsQuery, afterId: string, limit: number): Row[] {
    const { sql, params } = this.changedSql(table, q, selectOf(table));
    const whole = wholeTableOrder[table];
    if (whole)
      return afterId
        ? []
        : this.db.sql
            .all<Record<string, unknown>>(`${sql} ORDER BY ${whole.order}`, ...params)
            .map((r) => this.read(table, r)!);
    let through: string | null = null;
    if (bytesOf[table].length) {
      const sizes = this.changedSql(table, q, `r.id AS id, ${fileSize(table)} AS size`);
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
    const key = `r.${keyOf(table)}`;
    return this.db.sql
      .all<Record<string, unknown>>(
        `${sql} AND ${key} > ? AND ${key} <= ? ORDER BY ${key} LIMIT ?`,
        ...params,
        afterId,
        through ?? '\uffff', // above every key
        limit,
      )
      .map((r) => this.read(table, r)!);
  }

  countChanged(table: RowTable, q: RowsQuery): number {
    const { sql, params } = this.changedSql(table, q, 'count(*) AS n');
    return this.db.sql.get<{ n: number }>(sql, ...params)?.n ?? 0;
  }

  /** Rows the peer lacks whose file is too large for a package (see changedSql). */
  countTooLarge(table: RowTable, q: RowsQuery): number {
    if (!fileSize(table)) return 0;
    const { sql, params } = this.changedSql(table, q, 'count(*) AS n', 'tooLarge');
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

  /** Whether the case is here and the township's to share (./exchangeScope.ts, caseInScope). */
  caseInScope(caseId: string, township: string): boolean {
    return this.db.sql.get<{ yes: number }>(`SELECT ${caseInScope('?')} AS yes`, caseId, township)?.yes === 1;
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

  /**
   * Another live party of the same owner office with the same ID document or credit code (the
   * unique indexes, one seek each). Another office's record of the same person is no clash: the
   * county keeps each township's own beside its own (migration 0026).
   */
  partyClash(row: Row): { name: string } | undefined {
    if (row.deletedAt) return undefined;
    const byId =
      typeof row.idNumber === 'string'
        ? this.db.sql.get<{ name: string }>(
            `SELECT name FROM parties WHERE id_type = ? AND id_number = ? AND id_number IS NOT NULL
               AND origin_office_id = ? AND deleted_at IS NULL AND id <> ? LIMIT 1`,
            row.idType ?? null,
            row.idNumber,
            row.originOfficeId,
            row.id,
          )
        : undefined;
    if (byId || typeof row.creditCode !== 'string') return byId;
    return this.db.sql.get<{ name: string }>(
      `SELECT name FROM parties WHERE credit_code = ? AND credit_code IS NOT NULL AND origin_office_id = ?
         AND deleted_at IS NULL AND id <> ? LIMIT 1`,
      row.creditCode,
      row.originOfficeId,
      row.id,
    );
  }

  /**
   * Another row of `table` with the same values of a unique key (the record's keys, as columns),
   * live only when `liveOnly`: the unique indexes a received record could break.
   */
  clashes(table: RowTable, row: Row, keys: readonly string[], liveOnly = false): boolean {
    const same = keys.map((k) => `${snake(k)} = ?`).join(' AND ');
    return (
      this.db.sql.get(
        `SELECT 1 FROM ${table} WHERE id <> ? AND ${same}${liveOnly ? ' AND deleted_at IS NULL' : ''} LIMIT 1`,
        row.id,
        ...keys.map((k) => row[k] ?? null),
      ) !== undefined
    );
  }

  /**
   * Runs `fn` and undoes everything it wrote: the preview of an import merges exactly as the
   * import would (references, unique numbers, conflicts) and keeps nothing.
   */
  async dryRun<T>(fn: () => Promise<T>): Promise<T> {
    const sql = this.db.sql;
    // Outside a transaction SQLite's SAVEPOINT begins one; PostgreSQL's needs one begun.
    if (sql.dialect === 'postgres' && !sql.inTransaction) {
      sql.begin();
      try {
        return await fn();
      } finally {
        sql.end(false);
      }
    }
    sql.run('SAVEPOINT exchange_preview');
    try {
      return await fn();
    } finally {
      sql.run('ROLLBACK TO exchange_preview');
      sql.run('RELEASE exchange_preview');
    }
  }

  /** After a case's rows changed: its scope rows derived again, as after any move. */
  rescope(caseId: string): void {
    new CaseScopeRepository(this.db).rebuildCaseById(caseId);
  }
}
