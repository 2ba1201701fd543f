import type { DbHandle } from '../dataSource';

export interface AuditRow {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  outcome: 'ok' | 'error';
  detail: string | null;
  prevHash: string;
  hash: string;
}

const columns = `seq, at, actor_id AS actorId, actor_name AS actorName, action, target, outcome, detail,
  prev_hash AS prevHash, hash`;

/** The append-only audit log. Raw statements: it is written on every mutating call. */
export class AuditRepository {
  constructor(private readonly db: DbHandle) {}

  last(): AuditRow | undefined {
    return this.db.sql.get<AuditRow>(`SELECT ${columns} FROM audit_log ORDER BY seq DESC LIMIT 1`);
  }

  insert(row: AuditRow): void {
    this.db.sql.run(
      `INSERT INTO audit_log (seq, at, actor_id, actor_name, action, target, outcome, detail, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      row.seq,
      row.at,
      row.actorId,
      row.actorName,
      row.action,
      row.target,
      row.outcome,
      row.detail,
      row.prevHash,
      row.hash,
    );
  }

  page(offset: number, limit: number, action?: string): { rows: AuditRow[]; total: number } {
    if (action) {
      const total = this.db.sql.get<{ n: number }>(
        `SELECT count(*) AS n FROM audit_log WHERE action = ?`,
        action,
      );
      const rows = this.db.sql.all<AuditRow>(
        `SELECT ${columns} FROM audit_log WHERE action = ? ORDER BY seq DESC LIMIT ? OFFSET ?`,
        action,
        limit,
        offset,
      );
      return { rows, total: total?.n ?? 0 };
    }
    const total = this.db.sql.get<{ n: number }>(`SELECT count(*) AS n FROM audit_log`);
    const rows = this.db.sql.all<AuditRow>(
      `SELECT ${columns} FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?`,
      limit,
      offset,
    );
    return { rows, total: total?.n ?? 0 };
  }

  /** Every entry in order, streamed: the verifier must not load a years-long log at once. */
  *inOrder(): Generator<AuditRow> {
    const stmt = this.db.sql.raw.prepare(`SELECT ${columns} FROM audit_log ORDER BY seq ASC`);
    for (const row of stmt.iterate()) yield row as AuditRow;
  }
}
