import type { DbHandle } from '../dataSource';
import { CaseScopeRepository, inScope, type ScopePrincipals } from './caseScope';
import { columnsOf, insertSql, readBooleans, settableKeys, snake, syncKeys, valuesOf } from './rows';
import type {
  AgreementRow,
  AssignmentMediatorRow,
  AssignmentRow,
  AttachmentRow,
  ExtensionRow,
  OpenCaseRow,
  OutcomeRow,
  RecordRow,
  RiskReportRow,
  VisitRow,
} from './workflowRows';

// Everything that happens to a case after intake: assignments, records, attachments, the
// agreement, return visits, the outcome, risk reports and deadline extensions.

const keysOf = {
  assignment: [
    ...syncKeys,
    'caseId',
    'committeeId',
    'mode',
    'state',
    'kind',
    'dispatchedBy',
    'dispatchedByName',
    'dispatchedAt',
    'respondedBy',
    'respondedByName',
    'respondedAt',
    'returnReason',
    'note',
  ],
  assignmentMediator: [...syncKeys, 'assignmentId', 'mediatorId', 'lead', 'overrideReason'],
  record: [
    ...syncKeys,
    'caseId',
    'kind',
    'heldAt',
    'place',
    'participants',
    'partiesPresent',
    'rightsNotified',
    'statements',
    'result',
    'recorder',
    'createdByName',
  ],
  attachment: [
    ...syncKeys,
    'caseId',
    'recordId',
    'fileName',
    'mimeType',
    'size',
    'sha256',
    'description',
    'addedByName',
  ],
  agreement: [
    ...syncKeys,
    'caseId',
    'kind',
    'number',
    'facts',
    'responsibility',
    'terms',
    'performanceManner',
    'performancePlace',
    'performanceDeadline',
    'amountFen',
    'reachedOn',
    'effectiveOn',
    'subjectMatter',
    'confirmationCourt',
    'confirmationOutcome',
    'confirmationRuledOn',
    'confirmationRulingNumber',
  ],
  visit: [
    ...syncKeys,
    'caseId',
    'agreementId',
    'dueOn',
    'visitedOn',
    'visitor',
    'performanceStatus',
    'satisfaction',
    'escalationSigns',
    'courtAction',
    'situation',
    'measures',
  ],
  outcome: [
    ...syncKeys,
    'caseId',
    'terminationKind',
    'terminationReason',
    'terminatedOn',
    'informedRoutes',
    'informedHow',
    'informedOn',
    'informedNote',
    'referralRoute',
    'referralBody',
    'referralTold',
    'referredOn',
    'closedOn',
    'closeNote',
  ],
  risk: [
    ...syncKeys,
    'caseId',
    'reported',
    'reportedTo',
    'reportedBy',
    'reportedAt',
    'reasonNotReported',
    'recordedByName',
  ],
  extension: [...syncKeys, 'caseId', 'days', 'consent', 'byName'],
};

const booleans = new Set(['lead', 'rightsNotified', 'escalationSigns', 'courtAction', 'reported']);

export class WorkflowRepository {
  constructor(private readonly db: DbHandle) {}

  private insert(table: string, keys: string[], row: object): void {
    this.db.sql.run(insertSql(table, keys), ...valuesOf(keys, row));
  }

  /** Writes every non-key column of `row` (whole-row update, version bumped by the caller). */
  private update(table: string, keys: string[], row: object): void {
    const settable = settableKeys(keys);
    this.db.sql.run(
      `UPDATE ${table} SET ${settable.map((k) => `${snake(k)} = ?`).join(', ')} WHERE id = ?`,
      ...valuesOf(settable, row),
      (row as { id: string }).id,
    );
  }

  private all<T>(table: string, keys: string[], where: string, ...params: unknown[]): T[] {
    return this.db.sql
      .all<T>(`SELECT ${columnsOf(keys)} FROM ${table} WHERE deleted_at IS NULL AND ${where}`, ...params)
      .map((r) => readBooleans(r, booleans)!);
  }

  // ── case columns ──
  setCaseState(
    caseId: string,
    changes: {
      status?: string;
      handlingCommitteeId?: string | null;
      /** The handling committee's own number for a dispatched case (issue 10). */
      handlingNumber?: string | null;
      mediationDeadline?: string;
      courtProcedure?: string | null;
    },
    at: string,
  ): void {
    const sets: string[] = ['version = version + 1', 'updated_at = ?'];
    const params: unknown[] = [at];
    for (const [key, value] of Object.entries(changes)) {
      sets.push(`${snake(key)} = ?`);
      params.push(value);
    }
    this.db.sql.run(`UPDATE cases SET ${sets.join(', ')} WHERE id = ?`, ...params, caseId);
  }

  /** Set once at intake (no version bump: it is part of creating the case). */
  setCourtProcedure(caseId: string, procedure: string): void {
    this.db.sql.run(`UPDATE cases SET court_procedure = ? WHERE id = ?`, procedure, caseId);
  }

  caseWorkflowColumns(caseId: string):
    | {
        handlingCommitteeId: string | null;
        handlingNumber: string | null;
        mediationDeadline: string | null;
        courtProcedure: string | null;
      }
    | undefined {
    return this.db.sql.get(
      `SELECT handling_committee_id AS handlingCommitteeId, handling_number AS handlingNumber, mediation_deadline AS mediationDeadline, court_procedure AS courtProcedure FROM cases WHERE id = ?`,
      caseId,
    );
  }

  /** Cases in scope still being worked on (status index), with their pending assignment, agreement and next visit. */
  openCases(scope: ScopePrincipals): OpenCaseRow[] {
    if (scope.length === 0) return [];
    const test = inScope('c.rowid', scope);
    return this.db.sql.all<OpenCaseRow>(
      `SELECT c.id, c.case_number AS caseNumber, c.party_names AS partyNames, c.status, c.received_on AS receivedOn, c.source,
         c.court_procedure AS courtProcedure, c.mediation_deadline AS mediationDeadline, c.committee_id AS committeeId,
         c.handling_committee_id AS handlingCommitteeId, c.received_by AS receivedBy, c.risk_flags AS riskFlags,
         (SELECT a.committee_id FROM case_assignments a WHERE a.case_id = c.id AND a.state = 'pending' AND a.deleted_at IS NULL
           ORDER BY a.dispatched_at DESC LIMIT 1) AS pendingCommitteeId,
         (SELECT a.id FROM case_assignments a WHERE a.case_id = c.id AND a.state = 'pending' AND a.deleted_at IS NULL
           ORDER BY a.dispatched_at DESC LIMIT 1) AS pendingAssignmentId,
         CASE WHEN c.status = 'accepted' THEN (SELECT a.return_reason FROM case_assignments a WHERE a.case_id = c.id
           AND a.state = 'returned' AND a.deleted_at IS NULL ORDER BY a.responded_at DESC LIMIT 1) END AS lastReturnReason,
         ag.kind AS agreementKind, ag.effective_on AS effectiveOn, ag.performance_deadline AS performanceDeadline,
         (SELECT min(v.due_on) FROM return_visits v WHERE v.case_id = c.id AND v.visited_on IS NULL AND v.deleted_at IS NULL) AS visitDue,
         (SELECT count(*) FROM risk_reports r WHERE r.case_id = c.id AND r.deleted_at IS NULL) AS riskReports
       FROM cases c LEFT JOIN agreements ag ON ag.case_id = c.id AND ag.deleted_at IS NULL
       WHERE c.status IN ('accepted', 'dispatched', 'mediating', 'succeeded', 'performing', 'visited', 'terminated', 'informed')
         AND c.deleted_at IS NULL AND ${test.sql}`,
      ...test.params,
    );
  }

  /** Mediators on every case's assignment in force: caseId → mediator ids. */
  currentMediators(): Map<string, string[]> {
    const rows = this.db.sql.all<{ caseId: string; mediatorId: string }>(
      `SELECT a.case_id AS caseId, am.mediator_id AS mediatorId FROM case_assignments a
         JOIN case_assignment_mediators am ON am.assignment_id = a.id AND am.deleted_at IS NULL
        WHERE a.state IN ('pending', 'accepted') AND a.deleted_at IS NULL`,
    );
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.caseId, [...(out.get(r.caseId) ?? []), r.mediatorId]);
    return out;
  }

  // ── assignments (each also brings the case into the committee's or mediator's scope) ──
  insertAssignment(row: AssignmentRow): void {
    this.insert('case_assignments', keysOf.assignment, row);
    new CaseScopeRepository(this.db).grantOrganisation(row.caseId, row.committeeId);
  }
  updateAssignment(row: AssignmentRow): void {
    this.update('case_assignments', keysOf.assignment, row);
  }
  assignments(caseId: string): AssignmentRow[] {
    return this.all(
      'case_assignments',
      keysOf.assignment,
      'case_id = ? ORDER BY dispatched_at, rowid',
      caseId,
    );
  }
  insertAssignmentMediator(row: AssignmentMediatorRow): void {
    this.insert('case_assignment_mediators', keysOf.assignmentMediator, row);
    const caseId = this.db.sql.get<{ caseId: string }>(
      `SELECT case_id AS caseId FROM case_assignments WHERE id = ?`,
      row.assignmentId,
    )?.caseId;
    if (caseId) new CaseScopeRepository(this.db).grantMediator(caseId, row.mediatorId);
  }
  assignmentMediators(assignmentId: string): AssignmentMediatorRow[] {
    return this.all(
      'case_assignment_mediators',
      keysOf.assignmentMediator,
      'assignment_id = ? ORDER BY lead DESC, rowid',
      assignmentId,
    );
  }

  // ── records and attachments ──
  insertRecord(row: RecordRow): void {
    this.insert('case_records', keysOf.record, row);
  }
  records(caseId: string): RecordRow[] {
    return this.all('case_records', keysOf.record, 'case_id = ? ORDER BY held_at, rowid', caseId);
  }
  insertAttachment(row: AttachmentRow, data: Buffer): void {
    this.insert('attachments', [...keysOf.attachment, 'data'], { ...row, data });
  }
  attachments(caseId: string): AttachmentRow[] {
    return this.all('attachments', keysOf.attachment, 'case_id = ? ORDER BY created_at, rowid', caseId);
  }
  attachmentData(id: string): (AttachmentRow & { data: Buffer }) | undefined {
    return this.db.sql.get(
      `SELECT ${columnsOf(keysOf.attachment)}, data FROM attachments WHERE id = ? AND deleted_at IS NULL`,
      id,
    );
  }

  // ── agreement and visits ──
  insertAgreement(row: AgreementRow): void {
    this.insert('agreements', keysOf.agreement, row);
  }
  updateAgreement(row: AgreementRow): void {
    this.update('agreements', keysOf.agreement, row);
  }
  agreement(caseId: string): AgreementRow | undefined {
    return this.all<AgreementRow>('agreements', keysOf.agreement, 'case_id = ?', caseId)[0];
  }
  insertVisit(row: VisitRow): void {
    this.insert('return_visits', keysOf.visit, row);
  }
  updateVisit(row: VisitRow): void {
    this.update('return_visits', keysOf.visit, row);
  }
  visits(caseId: string): VisitRow[] {
    return this.all('return_visits', keysOf.visit, 'case_id = ? ORDER BY due_on, rowid', caseId);
  }

  // ── outcome, risk, extensions ──
  outcome(caseId: string): OutcomeRow | undefined {
    return this.all<OutcomeRow>('case_outcomes', keysOf.outcome, 'case_id = ?', caseId)[0];
  }
  saveOutcome(row: OutcomeRow, isNew: boolean): void {
    if (isNew) this.insert('case_outcomes', keysOf.outcome, row);
    else this.update('case_outcomes', keysOf.outcome, row);
  }
  insertRiskReport(row: RiskReportRow): void {
    this.insert('risk_reports', keysOf.risk, row);
  }
  riskReports(caseId: string): RiskReportRow[] {
    return this.all('risk_reports', keysOf.risk, 'case_id = ? ORDER BY created_at, rowid', caseId);
  }
  insertExtension(row: ExtensionRow): void {
    this.insert('deadline_extensions', keysOf.extension, row);
  }
  extensions(caseId: string): ExtensionRow[] {
    return this.all(
      'deadline_extensions',
      keysOf.extension,
      'case_id = ? ORDER BY created_at, rowid',
      caseId,
    );
  }
}
