import type { DbHandle } from '../dataSource';
import type { Syncable } from '../entities';

// Everything that happens to a case after intake: assignments, records, attachments, the
// agreement, return visits, the outcome, risk reports and deadline extensions.

export interface AssignmentRow extends Syncable {
  caseId: string;
  committeeId: string;
  mode: string;
  state: 'pending' | 'accepted' | 'returned' | 'superseded';
  kind: 'dispatch' | 'transfer' | 'escalation';
  dispatchedBy: string;
  dispatchedByName: string;
  dispatchedAt: string;
  respondedBy: string | null;
  respondedByName: string | null;
  respondedAt: string | null;
  returnReason: string | null;
  note: string | null;
}

export interface AssignmentMediatorRow extends Syncable {
  assignmentId: string;
  mediatorId: string;
  lead: boolean;
  overrideReason: string | null;
}

export interface RecordRow extends Syncable {
  caseId: string;
  kind: 'investigation' | 'mediation';
  heldAt: string;
  place: string;
  participants: string | null;
  partiesPresent: string;
  rightsNotified: boolean;
  statements: string;
  result: string | null;
  recorder: string;
  createdByName: string;
}

export interface AttachmentRow extends Syncable {
  caseId: string;
  recordId: string | null;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  description: string | null;
  addedByName: string;
}

export interface AgreementRow extends Syncable {
  caseId: string;
  kind: 'written' | 'oral';
  number: string;
  facts: string;
  /** JSON array of term strings. */
  terms: string;
  performanceManner: string;
  performancePlace: string;
  performanceDeadline: string;
  amountFen: number | null;
  reachedOn: string;
  effectiveOn: string | null;
  subjectMatter: string;
}

export interface VisitRow extends Syncable {
  caseId: string;
  agreementId: string;
  dueOn: string;
  visitedOn: string | null;
  visitor: string | null;
  performanceStatus: string | null;
  satisfaction: string | null;
  escalationSigns: boolean;
  courtAction: boolean;
  situation: string | null;
  measures: string | null;
}

export interface OutcomeRow extends Syncable {
  caseId: string;
  terminationKind: string | null;
  terminationReason: string | null;
  terminatedOn: string | null;
  informedRoutes: string | null;
  informedHow: string | null;
  informedOn: string | null;
  informedNote: string | null;
  referralRoute: string | null;
  referralBody: string | null;
  referralTold: string | null;
  referredOn: string | null;
  closedOn: string | null;
  closeNote: string | null;
}

export interface RiskReportRow extends Syncable {
  caseId: string;
  reported: boolean;
  reportedTo: string | null;
  reportedBy: string | null;
  reportedAt: string | null;
  reasonNotReported: string | null;
  recordedByName: string;
}

export interface ExtensionRow extends Syncable {
  caseId: string;
  days: number;
  consent: string;
  byName: string;
}

/** camelCase → snake_case for the generic insert/select helpers below. */
function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function toDb(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

const syncKeys = ['id', 'originOfficeId', 'version', 'createdAt', 'updatedAt', 'deletedAt'];

function columnsOf(keys: string[]): string {
  return keys.map((k) => `${snake(k)} AS ${k}`).join(', ');
}

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
    'terms',
    'performanceManner',
    'performancePlace',
    'performanceDeadline',
    'amountFen',
    'reachedOn',
    'effectiveOn',
    'subjectMatter',
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
function fromDb<T>(row: T | undefined): T | undefined {
  if (!row) return row;
  const out = { ...row } as Record<string, unknown>;
  for (const key of Object.keys(out)) if (booleans.has(key)) out[key] = Boolean(out[key]);
  return out as T;
}

/** One open case with what 我的待办 needs to place it, in a single query. */
export interface OpenCaseRow {
  id: string;
  caseNumber: string;
  partyNames: string;
  status: string;
  receivedOn: string;
  source: string;
  courtProcedure: string | null;
  mediationDeadline: string | null;
  committeeId: string;
  handlingCommitteeId: string | null;
  receivedBy: string;
  riskFlags: string;
  pendingCommitteeId: string | null;
  pendingAssignmentId: string | null;
  lastReturnReason: string | null;
  agreementKind: string | null;
  effectiveOn: string | null;
  performanceDeadline: string | null;
  visitDue: string | null;
  riskReports: number;
}

export class WorkflowRepository {
  constructor(private readonly db: DbHandle) {}

  private insert(table: string, keys: string[], row: object): void {
    const record = row as Record<string, unknown>;
    this.db.sql.run(
      `INSERT INTO ${table} (${keys.map(snake).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
      ...keys.map((k) => toDb(record[k] ?? null)),
    );
  }

  /** Writes every non-key column of `row` (whole-row update, version bumped by the caller). */
  private update(table: string, keys: string[], row: object): void {
    const record = row as Record<string, unknown>;
    const settable = keys.filter((k) => k !== 'id' && k !== 'createdAt' && k !== 'originOfficeId');
    this.db.sql.run(
      `UPDATE ${table} SET ${settable.map((k) => `${snake(k)} = ?`).join(', ')} WHERE id = ?`,
      ...settable.map((k) => toDb(record[k] ?? null)),
      record.id,
    );
  }

  private all<T>(table: string, keys: string[], where: string, ...params: unknown[]): T[] {
    return this.db.sql
      .all<T>(`SELECT ${columnsOf(keys)} FROM ${table} WHERE deleted_at IS NULL AND ${where}`, ...params)
      .map((r) => fromDb(r)!);
  }

  // ── case columns ──
  setCaseState(
    caseId: string,
    changes: {
      status?: string;
      handlingCommitteeId?: string | null;
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

  caseWorkflowColumns(
    caseId: string,
  ):
    | { handlingCommitteeId: string | null; mediationDeadline: string | null; courtProcedure: string | null }
    | undefined {
    return this.db.sql.get(
      `SELECT handling_committee_id AS handlingCommitteeId, mediation_deadline AS mediationDeadline, court_procedure AS courtProcedure FROM cases WHERE id = ?`,
      caseId,
    );
  }

  /** Cases still being worked on (status index), with their pending assignment, agreement and next visit. */
  openCases(): OpenCaseRow[] {
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
         AND c.deleted_at IS NULL`,
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

  // ── assignments ──
  insertAssignment(row: AssignmentRow): void {
    this.insert('case_assignments', keysOf.assignment, row);
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
