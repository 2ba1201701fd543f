import type { DbHandle } from '../dataSource';
import type { Syncable } from '../entities';
import { scopeRowids, type ScopePrincipals } from './caseScope';
import { columnsOf, insertSql, syncKeys, valuesOf } from './rows';

// 以案定补 (migration 0014): the closed cases a subsidy may be paid for, with the facts their grade
// is proposed from and their dossier's state; each case's grade; settlements and their lines.

export interface SubsidyCandidateRow {
  caseId: string;
  caseNumber: string;
  partyNames: string;
  status: string;
  disputeType: string;
  amountFen: number | null;
  riskFlags: string;
  committeeId: string;
  committeeKind: string;
  closedOn: string | null;
  agreementKind: string | null;
  parties: number;
  sessions: number;
  escalations: number;
  dossierState: string | null;
  archivedAt: string | null;
  reviewGrade: string | null;
  reviewTotal: number | null;
}

export interface SubsidyGradeRow extends Syncable {
  caseId: string;
  proposed: string;
  grade: string;
  reason: string | null;
  setByName: string;
  setOn: string;
}

export interface SubsidySettlementRow extends Syncable {
  period: string;
  state: 'draft' | 'locked';
  totalFen: number;
  approvedByName: string | null;
  approvedAt: string | null;
}

export interface SubsidyLineRow extends Syncable {
  settlementId: string;
  caseId: string;
  mediatorId: string | null;
  mediatorName: string;
  committeeId: string;
  kind: 'case' | 'adjustment';
  grade: string;
  amountFen: number;
  note: string | null;
}

const gradeKeys = [...syncKeys, 'caseId', 'proposed', 'grade', 'reason', 'setByName', 'setOn'];
const settlementKeys = [...syncKeys, 'period', 'state', 'totalFen', 'approvedByName', 'approvedAt'];
const lineKeys = [
  ...syncKeys,
  'settlementId',
  'caseId',
  'mediatorId',
  'mediatorName',
  'committeeId',
  'kind',
  'grade',
  'amountFen',
  'note',
];

export class SubsidyRepository {
  constructor(private readonly db: DbHandle) {}

  /** Closed and archived cases in scope (what a subsidy may be paid for), with their grading facts. */
  candidates(scope: ScopePrincipals, caseIds?: readonly string[]): SubsidyCandidateRow[] {
    if (scope.length === 0) return [];
    const rows = scopeRowids(scope);
    const only = caseIds ? `AND c.id IN (${caseIds.map(() => '?').join(', ') || "''"})` : '';
    return this.db.sql.all<SubsidyCandidateRow>(
      `WITH sc(rid) AS (${rows.sql})
       SELECT c.id AS caseId, COALESCE(c.handling_number, c.case_number) AS caseNumber, c.party_names AS partyNames,
         c.status AS status, c.dispute_type AS disputeType, c.amount_fen AS amountFen, c.risk_flags AS riskFlags,
         COALESCE(c.handling_committee_id, c.committee_id) AS committeeId, o.kind AS committeeKind,
         oc.closed_on AS closedOn, ag.kind AS agreementKind,
         (SELECT COUNT(*) FROM case_parties p WHERE p.case_id = c.id AND p.deleted_at IS NULL) AS parties,
         (SELECT COUNT(*) FROM case_records r WHERE r.case_id = c.id AND r.kind = 'mediation' AND r.deleted_at IS NULL) AS sessions,
         (SELECT COUNT(*) FROM case_assignments a WHERE a.case_id = c.id AND a.kind = 'escalation' AND a.deleted_at IS NULL) AS escalations,
         d.state AS dossierState,
         (SELECT da.created_at FROM dossier_archives da WHERE da.dossier_id = d.id AND da.revision = d.revision) AS archivedAt,
         (SELECT rv.grade FROM dossier_reviews rv WHERE rv.dossier_id = d.id AND rv.deleted_at IS NULL
            ORDER BY rv.reviewed_on DESC, rv.created_at DESC LIMIT 1) AS reviewGrade,
         (SELECT rv.total FROM dossier_reviews rv WHERE rv.dossier_id = d.id AND rv.deleted_at IS NULL
            ORDER BY rv.reviewed_on DESC, rv.created_at DESC LIMIT 1) AS reviewTotal
       FROM sc JOIN cases c ON c.rowid = sc.rid
         LEFT JOIN organisations o ON o.id = COALESCE(c.handling_committee_id, c.committee_id)
         LEFT JOIN case_outcomes oc ON oc.case_id = c.id
         LEFT JOIN agreements ag ON ag.case_id = c.id AND ag.deleted_at IS NULL
         LEFT JOIN dossiers d ON d.case_id = c.id AND d.deleted_at IS NULL
       WHERE c.deleted_at IS NULL AND c.status IN ('closed', 'archived') ${only}
       ORDER BY oc.closed_on, c.case_number`,
      ...rows.params,
      ...(caseIds ?? []),
    );
  }

  /** The mediators of the case's accepted assignment, lead first. */
  mediatorsOf(caseId: string): { mediatorId: string; name: string }[] {
    return this.db.sql.all(
      `SELECT am.mediator_id AS mediatorId, m.name AS name FROM case_assignments a
         JOIN case_assignment_mediators am ON am.assignment_id = a.id AND am.deleted_at IS NULL
         JOIN mediators m ON m.id = am.mediator_id
       WHERE a.case_id = ? AND a.state = 'accepted' AND a.deleted_at IS NULL
       ORDER BY a.dispatched_at DESC, am.lead DESC, m.name`,
      caseId,
    );
  }

  grades(): Map<string, SubsidyGradeRow> {
    const rows = this.db.sql.all<SubsidyGradeRow>(
      `SELECT ${columnsOf(gradeKeys)} FROM subsidy_grades WHERE deleted_at IS NULL`,
    );
    return new Map(rows.map((r) => [r.caseId, r]));
  }

  saveGrade(row: SubsidyGradeRow): void {
    this.db.sql.run(`DELETE FROM subsidy_grades WHERE case_id = ?`, row.caseId);
    this.db.sql.run(insertSql('subsidy_grades', gradeKeys), ...valuesOf(gradeKeys, row));
  }

  settlement(period: string): SubsidySettlementRow | undefined {
    return this.db.sql.get(
      `SELECT ${columnsOf(settlementKeys)} FROM subsidy_settlements WHERE period = ? AND deleted_at IS NULL`,
      period,
    );
  }

  insertSettlement(row: SubsidySettlementRow): void {
    this.db.sql.run(insertSql('subsidy_settlements', settlementKeys), ...valuesOf(settlementKeys, row));
  }

  /** Replaces a draft's lines (a locked settlement's lines are refused by the database). */
  replaceLines(settlementId: string, lines: readonly SubsidyLineRow[], totalFen: number, at: string): void {
    this.db.sql.run(`DELETE FROM subsidy_lines WHERE settlement_id = ?`, settlementId);
    for (const line of lines)
      this.db.sql.run(insertSql('subsidy_lines', lineKeys), ...valuesOf(lineKeys, line));
    this.db.sql.run(
      `UPDATE subsidy_settlements SET total_fen = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
      totalFen,
      at,
      settlementId,
    );
  }

  lock(settlementId: string, byName: string, at: string): void {
    this.db.sql.run(
      `UPDATE subsidy_settlements SET state = 'locked', approved_by_name = ?, approved_at = ?, updated_at = ?,
         version = version + 1 WHERE id = ? AND state = 'draft'`,
      byName,
      at,
      at,
      settlementId,
    );
  }

  lines(settlementId: string): SubsidyLineRow[] {
    return this.db.sql.all(
      `SELECT ${columnsOf(lineKeys)} FROM subsidy_lines WHERE settlement_id = ? AND deleted_at IS NULL
       ORDER BY committee_id, mediator_name, case_id, kind`,
      settlementId,
    );
  }

  /** What locked settlements of earlier periods paid, per case and mediator. */
  paidBefore(period: string): Map<string, number> {
    const rows = this.db.sql.all<{ caseId: string; mediatorName: string; paid: number }>(
      `SELECT l.case_id AS caseId, l.mediator_name AS mediatorName, SUM(l.amount_fen) AS paid
       FROM subsidy_lines l JOIN subsidy_settlements s ON s.id = l.settlement_id
       WHERE s.state = 'locked' AND s.period < ? AND l.deleted_at IS NULL
       GROUP BY l.case_id, l.mediator_name`,
      period,
    );
    return new Map(rows.map((r) => [`${r.caseId}|${r.mediatorName}`, r.paid]));
  }

  /** Cases any locked settlement has paid for. */
  paidCases(): Set<string> {
    return new Set(
      this.db.sql
        .all<{ caseId: string }>(
          `SELECT DISTINCT l.case_id AS caseId FROM subsidy_lines l JOIN subsidy_settlements s ON s.id = l.settlement_id
           WHERE s.state = 'locked' AND l.deleted_at IS NULL`,
        )
        .map((r) => r.caseId),
    );
  }
}
