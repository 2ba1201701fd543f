import type { Syncable } from '../entities';

// Row types of the workflow tables (one per table), as the repository reads and writes them.

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
  /** Each party's responsibility (Art. 29); null on agreements recorded before it had a field. */
  responsibility: string | null;
  /** JSON array of term strings. */
  terms: string;
  performanceManner: string;
  performancePlace: string;
  performanceDeadline: string;
  amountFen: number | null;
  reachedOn: string;
  effectiveOn: string | null;
  subjectMatter: string;
  /** 司法确认结果 (migration 0017): null until the court's answer is recorded. */
  confirmationCourt: string | null;
  confirmationOutcome: string | null;
  confirmationRuledOn: string | null;
  confirmationRulingNumber: string | null;
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
