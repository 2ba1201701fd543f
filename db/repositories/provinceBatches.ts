import type { DbHandle } from '../dataSource';

// The provincial package's batch ledger (migration 0016): batches, the records each froze, and
// the acknowledged watermark.

export interface ProvinceBatchRow {
  id: string;
  batchNo: number;
  scopeKey: string;
  state: 'preparing' | 'pending' | 'acknowledged';
  createdAt: string;
  createdBy: string;
  createdByName: string;
  salt: string;
  counts: string;
  heldBack: number;
  exports: number;
  lastExportedAt: string | null;
  manifestSha256: string | null;
  acknowledgedOn: string | null;
  acknowledgedByName: string | null;
  acknowledgement: 'receipt' | 'manual' | null;
  receiptNote: string | null;
}

const columns = `id, batch_no AS batchNo, scope_key AS scopeKey, state, created_at AS createdAt, created_by AS createdBy,
  created_by_name AS createdByName, salt, counts, held_back AS heldBack, exports, last_exported_at AS lastExportedAt,
  manifest_sha256 AS manifestSha256, acknowledged_on AS acknowledgedOn, acknowledged_by_name AS acknowledgedByName,
  acknowledgement, receipt_note AS receiptNote`;

export class ProvinceBatchRepository {
  constructor(private readonly db: DbHandle) {}

  byId(id: string): ProvinceBatchRow | undefined {
    return this.db.sql.get(`SELECT ${columns} FROM province_batches WHERE id = ?`, id);
  }

  byNumber(batchNo: number): ProvinceBatchRow | undefined {
    return this.db.sql.get(`SELECT ${columns} FROM province_batches WHERE batch_no = ?`, batchNo);
  }

  /** The scope's batch still waiting for the province's acknowledgement, if any. */
  pending(scopeKey: string): ProvinceBatchRow | undefined {
    return this.db.sql.get(
      `SELECT ${columns} FROM province_batches WHERE scope_key = ? AND state = 'pending' ORDER BY batch_no DESC LIMIT 1`,
      scopeKey,
    );
  }

  history(scopeKey: string): ProvinceBatchRow[] {
    return this.db.sql.all(
      `SELECT ${columns} FROM province_batches WHERE scope_key = ? AND state <> 'preparing' ORDER BY batch_no DESC`,
      scopeKey,
    );
  }

  nextNumber(): number {
    return (
      this.db.sql.get<{ n: number }>(`SELECT coalesce(max(batch_no), 0) + 1 AS n FROM province_batches`)?.n ??
      1
    );
  }

  insert(
    row: Omit<
      ProvinceBatchRow,
      | 'exports'
      | 'lastExportedAt'
      | 'manifestSha256'
      | 'acknowledgedOn'
      | 'acknowledgedByName'
      | 'acknowledgement'
      | 'receiptNote'
    >,
  ): void {
    this.db.sql.run(
      `INSERT INTO province_batches (id, batch_no, scope_key, state, created_at, created_by, created_by_name, salt, counts, held_back)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      row.id,
      row.batchNo,
      row.scopeKey,
      row.state,
      row.createdAt,
      row.createdBy,
      row.createdByName,
      row.salt,
      row.counts,
      row.heldBack,
    );
  }

  addRecords(
    batchId: string,
    infoSet: string,
    records: { recordId: string; hash: string; payload: string }[],
  ): void {
    for (const r of records) {
      this.db.sql.run(
        `INSERT INTO province_batch_records (batch_id, info_set, record_id, hash, payload) VALUES (?, ?, ?, ?, ?)`,
        batchId,
        infoSet,
        r.recordId,
        r.hash,
        r.payload,
      );
    }
  }

  finishPreparing(batchId: string, counts: string, heldBack: number): void {
    this.db.sql.run(
      `UPDATE province_batches SET state = 'pending', counts = ?, held_back = ? WHERE id = ? AND state = 'preparing'`,
      counts,
      heldBack,
      batchId,
    );
  }

  /** A batch that was being made when the job stopped (cancel, lock, crash) is dropped whole. */
  dropPreparing(batchId?: string): void {
    const where = batchId ? `state = 'preparing' AND id = ?` : `state = 'preparing'`;
    const params = batchId ? [batchId] : [];
    this.db.sql.run(
      `DELETE FROM province_batch_records WHERE batch_id IN (SELECT id FROM province_batches WHERE ${where})`,
      ...params,
    );
    this.db.sql.run(`DELETE FROM province_batches WHERE ${where}`, ...params);
  }

  recordPage(
    batchId: string,
    infoSet: string,
    after: string,
    limit: number,
  ): { recordId: string; payload: string }[] {
    return this.db.sql.all(
      `SELECT record_id AS recordId, payload FROM province_batch_records
        WHERE batch_id = ? AND info_set = ? AND record_id > ? ORDER BY record_id LIMIT ?`,
      batchId,
      infoSet,
      after,
      limit,
    );
  }

  /** The acknowledged content hash of each of these records (absent: never acknowledged). */
  sentHashes(infoSet: string, recordIds: readonly string[]): Map<string, string> {
    if (!recordIds.length) return new Map();
    const rows = this.db.sql.all<{ recordId: string; hash: string }>(
      `SELECT record_id AS recordId, hash FROM province_sent WHERE info_set = ? AND record_id IN (${recordIds.map(() => '?').join(', ')})`,
      infoSet,
      ...recordIds,
    );
    return new Map(rows.map((r) => [r.recordId, r.hash]));
  }

  exported(batchId: string, at: string, manifestSha256: string): void {
    this.db.sql.run(
      `UPDATE province_batches SET exports = exports + 1, last_exported_at = ?, manifest_sha256 = ? WHERE id = ?`,
      at,
      manifestSha256,
      batchId,
    );
  }

  /** The province has the batch: its records become the watermark. */
  acknowledge(
    batch: ProvinceBatchRow,
    how: { on: string; byName: string; kind: 'receipt' | 'manual'; note: string | null },
  ): void {
    this.db.sql.run(
      `INSERT INTO province_sent (info_set, record_id, hash, batch_no)
       SELECT info_set, record_id, hash, ? FROM province_batch_records WHERE batch_id = ? AND true
       ON CONFLICT (info_set, record_id) DO UPDATE SET hash = excluded.hash, batch_no = excluded.batch_no`,
      batch.batchNo,
      batch.id,
    );
    this.db.sql.run(
      `UPDATE province_batches SET state = 'acknowledged', acknowledged_on = ?, acknowledged_by_name = ?,
         acknowledgement = ?, receipt_note = ? WHERE id = ?`,
      how.on,
      how.byName,
      how.kind,
      how.note,
      batch.id,
    );
  }
}
