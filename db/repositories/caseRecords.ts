import type { DbHandle } from '../dataSource';
import type { Syncable } from '../entities';
import { insertSql, syncKeys, valuesOf } from './rows';

// The smaller records around a case: the number ledger, change history, 不予受理 records and
// the intake form's autosaved drafts.

export interface CaseHistoryRow extends Syncable {
  caseId: string;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  changes: string;
  note: string | null;
}

export interface RefusalRow extends Syncable {
  receivedOn: string;
  applicantName: string;
  applicantPhone: string | null;
  otherPartyName: string | null;
  township: string;
  disputeType: string;
  summary: string;
  reason: string;
  reasonDetail: string | null;
  told: string;
  /** JSON array of the other routes named on the 不予受理告知书 (referral route codes). */
  routes: string;
  recordedBy: string;
  recordedByName: string;
  /** The organisation whose desk recorded it: its scope sees it (migration 0015). */
  organisationId: string;
}

const historyKeys = [...syncKeys, 'caseId', 'at', 'actorId', 'actorName', 'action', 'changes', 'note'];
const refusalKeys = [
  ...syncKeys,
  'receivedOn',
  'applicantName',
  'applicantPhone',
  'otherPartyName',
  'township',
  'disputeType',
  'summary',
  'reason',
  'reasonDetail',
  'told',
  'routes',
  'recordedBy',
  'recordedByName',
  'organisationId',
];

export class CaseNumberRepository {
  constructor(private readonly db: DbHandle) {}

  /** The next sequence number for a committee and year. Runs inside the intake transaction. */
  next(committeeId: string, year: number): number {
    const row = this.db.sql.get<{ seq: number }>(
      `INSERT INTO number_sequences (committee_id, year, last_seq) VALUES (?, ?, 1)
       ON CONFLICT (committee_id, year) DO UPDATE SET last_seq = number_sequences.last_seq + 1
       RETURNING last_seq AS seq`,
      committeeId,
      year,
    );
    return row!.seq;
  }

  /**
   * @param entry.kind 'intake' (the registering committee's number) or 'handling' (the number a
   *   committee gives a case dispatched to it, on acceptance)
   */
  issue(entry: {
    caseNumber: string;
    committeeId: string;
    year: number;
    seq: number;
    caseId: string;
    at: string;
    kind?: 'intake' | 'handling';
  }): void {
    this.db.sql.run(
      `INSERT INTO case_numbers (case_number, committee_id, year, seq, case_id, state, issued_at, kind) VALUES (?, ?, ?, ?, ?, 'issued', ?, ?)`,
      entry.caseNumber,
      entry.committeeId,
      entry.year,
      entry.seq,
      entry.caseId,
      entry.at,
      entry.kind ?? 'intake',
    );
  }

  /** The committee whose sequence a number belongs to. */
  committeeOf(caseNumber: string): string | undefined {
    return this.db.sql.get<{ committeeId: string }>(
      `SELECT committee_id AS committeeId FROM case_numbers WHERE case_number = ?`,
      caseNumber,
    )?.committeeId;
  }

  /** Voids a case's intake number and every handling number the case was given. */
  void(caseNumber: string, at: string, reason: string): void {
    this.db.sql.run(
      `UPDATE case_numbers SET state = 'voided', voided_at = ?, void_reason = ?
       WHERE case_id = (SELECT case_id FROM case_numbers WHERE case_number = ?)`,
      at,
      reason,
      caseNumber,
    );
  }

  ledger(
    committeeId: string,
    year: number,
  ): { caseNumber: string; seq: number; state: string; voidReason: string | null }[] {
    return this.db.sql.all(
      `SELECT case_number AS caseNumber, seq, state, void_reason AS voidReason FROM case_numbers WHERE committee_id = ? AND year = ? ORDER BY seq`,
      committeeId,
      year,
    );
  }
}

export class CaseHistoryRepository {
  constructor(private readonly db: DbHandle) {}

  add(row: CaseHistoryRow): void {
    this.db.sql.run(insertSql('case_history', historyKeys), ...valuesOf(historyKeys, row));
  }

  forCase(caseId: string): CaseHistoryRow[] {
    return this.db.sql.all<CaseHistoryRow>(
      `SELECT id, case_id AS caseId, at, actor_id AS actorId, actor_name AS actorName, action, changes, note
         FROM case_history WHERE case_id = ? AND deleted_at IS NULL ORDER BY at, rowid`,
      caseId,
    );
  }
}

const refusalColumns = `id, origin_office_id AS originOfficeId, version, created_at AS createdAt, updated_at AS updatedAt,
  deleted_at AS deletedAt, received_on AS receivedOn, applicant_name AS applicantName, applicant_phone AS applicantPhone,
  other_party_name AS otherPartyName, township, dispute_type AS disputeType, summary, reason, reason_detail AS reasonDetail,
  told, routes, recorded_by AS recordedBy, recorded_by_name AS recordedByName, organisation_id AS organisationId`;

export class RefusalRepository {
  constructor(private readonly db: DbHandle) {}

  insert(row: RefusalRow): void {
    this.db.sql.run(insertSql('intake_refusals', refusalKeys), ...valuesOf(refusalKeys, row));
  }

  byId(id: string): RefusalRow | undefined {
    return this.db.sql.get<RefusalRow>(
      `SELECT ${refusalColumns} FROM intake_refusals WHERE id = ? AND deleted_at IS NULL`,
      id,
    );
  }

  /** A page of the records of these organisations (the user's scope), newest first. */
  page(
    organisations: readonly string[],
    offset: number,
    limit: number,
  ): { rows: RefusalRow[]; total: number } {
    if (organisations.length === 0) return { rows: [], total: 0 };
    const within = `deleted_at IS NULL AND organisation_id IN (${organisations.map(() => '?').join(', ')})`;
    const rows = this.db.sql.all<RefusalRow>(
      `SELECT ${refusalColumns} FROM intake_refusals WHERE ${within} ORDER BY received_on DESC, created_at DESC LIMIT ? OFFSET ?`,
      ...organisations,
      limit,
      offset,
    );
    const total =
      this.db.sql.get<{ n: number }>(
        `SELECT count(*) AS n FROM intake_refusals WHERE ${within}`,
        ...organisations,
      )?.n ?? 0;
    return { rows, total };
  }
}

export class DraftRepository {
  constructor(private readonly db: DbHandle) {}

  get(userId: string, form: string): { data: string; savedAt: string } | undefined {
    return this.db.sql.get(
      `SELECT data, saved_at AS savedAt FROM drafts WHERE user_id = ? AND form = ?`,
      userId,
      form,
    );
  }

  save(userId: string, form: string, data: string, savedAt: string): void {
    this.db.sql.run(
      `INSERT INTO drafts (user_id, form, data, saved_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, form) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at`,
      userId,
      form,
      data,
      savedAt,
    );
  }

  clear(userId: string, form: string): void {
    this.db.sql.run(`DELETE FROM drafts WHERE user_id = ? AND form = ?`, userId, form);
  }
}
