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
  /** 1: unsigned (before migration 0006); 2: signed by signerId. */
  format: 1 | 2;
  /** The user whose session appended (and signed) the entry. */
  signerId: string | null;
  signature: string | null;
  /** A signing key this entry records for a user (enrolment). */
  enrolsUserId: string | null;
  enrolsKey: string | null;
}

const columns = `seq, at, actor_id AS actorId, actor_name AS actorName, action, target, outcome, detail,
  prev_hash AS prevHash, hash, format, signer_id AS signerId, signature, enrols_user_id AS enrolsUserId,
  enrols_key AS enrolsKey`;

/** The advisory lock that serialises appends across the centre's desks ('audit' in ASCII). */
const AUDIT_CHAIN_LOCK = 0x6175646974;

/** Entries read at a time when the whole chain is walked. */
const AUDIT_PAGE = 2000;

/** The append-only audit log. Raw statements: it is written on every mutating call. */
export class AuditRepository {
  constructor(private readonly db: DbHandle) {}

  last(): AuditRow | undefined {
    return this.db.sql.get<AuditRow>(`SELECT ${columns} FROM audit_log ORDER BY seq DESC LIMIT 1`);
  }

  /** The chain's length: every committed change appends, so it moves with each (one index probe). */
  lastSeq(): number {
    return this.db.sql.get<{ seq: number }>(`SELECT max(seq) AS seq FROM audit_log`)?.seq ?? 0;
  }

  /**
   * The last entry, for an append after it. On the county centre's server several desks append
   * at once: the transaction first takes the chain's lock (held to its commit or rollback), so
   * the next desk reads this append's entry as its last and the chain stays one chain. A desk's
   * own file has one writer, its SQLite transaction.
   */
  lastForAppend(): AuditRow | undefined {
    // Taken by a statement of its own (sent with the read below), so the read's snapshot is
    // taken after the lock is held and sees the entry of the desk that held it before.
    if (this.db.sql.dialect === 'postgres')
      this.db.sql.runLater(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    return this.last();
  }

  bySeq(seq: number): AuditRow | undefined {
    return this.db.sql.get<AuditRow>(`SELECT ${columns} FROM audit_log WHERE seq = ?`, seq);
  }

  insert(row: AuditRow): void {
    this.db.sql.run(
      `INSERT INTO audit_log (seq, at, actor_id, actor_name, action, target, outcome, detail, prev_hash, hash,
         format, signer_id, signature, enrols_user_id, enrols_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      row.format,
      row.signerId,
      row.signature,
      row.enrolsUserId,
      row.enrolsKey,
    );
  }

  /** The signing key the chain last recorded for a user, and where. */
  enrolledKey(userId: string): { seq: number; key: string } | undefined {
    return this.db.sql.get<{ seq: number; key: string }>(
      `SELECT seq, enrols_key AS key FROM audit_log WHERE enrols_user_id = ? ORDER BY seq DESC LIMIT 1`,
      userId,
    );
  }

  /** Entries of one action after `afterSeq`, oldest first (alarms after the last acknowledgement). */
  ofActionAfter(action: string, afterSeq: number): AuditRow[] {
    return this.db.sql.all<AuditRow>(
      `SELECT ${columns} FROM audit_log WHERE action = ? AND seq > ? ORDER BY seq ASC`,
      action,
      afterSeq,
    );
  }

  /** The largest target, read as a number, among successful entries of one action. */
  maxNumericTarget(action: string): number {
    const row = this.db.sql.get<{ n: number | null }>(
      `SELECT max(CAST(target AS INTEGER)) AS n FROM audit_log WHERE action = ? AND outcome = 'ok'`,
      action,
    );
    return row?.n ?? 0;
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

  /** Every entry in order, a page at a time: the verifier must not load a years-long log at once. */
  *inOrder(): Generator<AuditRow> {
    for (let after = -1; ;) {
      const page = this.db.sql.all<AuditRow>(
        `SELECT ${columns} FROM audit_log WHERE seq > ? ORDER BY seq ASC LIMIT ${AUDIT_PAGE}`,
        after,
      );
      yield* page;
      if (page.length < AUDIT_PAGE) return;
      after = page.at(-1)!.seq;
    }
  }
}
