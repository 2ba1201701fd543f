import type { DbHandle } from '../dataSource';
import { inScope, type ScopePrincipals } from './caseScope';

// The rows the provincial info-sets are built from (issue 16), read in pages so a county's
// export keeps memory flat, and the batch ledger (migration 0016): which record went out in which
// batch with which content hash, and which of them the province acknowledged.

export interface ProvinceOrganisationRow {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  abbreviation: string;
  township: string | null;
  address: string | null;
  activeFrom: string | null;
  activeTo: string | null;
  updatedAt: string;
}

export interface ProvinceMembershipRow {
  mediatorId: string;
  organisationId: string;
  name: string;
  position: string;
  fromOn: string | null;
  toOn: string | null;
}

export interface ProvinceMediatorRow {
  id: string;
  name: string;
  sex: string | null;
  ethnicity: string | null;
  idNumber: string | null;
  phone: string | null;
  kind: string;
  employment: string;
  grade: string;
  certificateNumber: string | null;
  active: number;
  updatedAt: string;
}

export interface ProvinceTrainingRow {
  mediatorId: string;
  date: string;
  days: number;
  kind: string;
  topic: string;
}

export interface ProvinceRoundRow {
  id: string;
  organisationId: string;
  heldOn: string;
  method: string;
  area: string;
  conductedBy: string;
  updatedAt: string;
}

export interface ProvinceFindingRow {
  roundId: string;
  seq: number;
  kind: string;
  summary: string;
  disposition: string;
  caseNumber: string | null;
  note: string | null;
}

export interface ProvinceCaseRow {
  id: string;
  caseNumber: string;
  committeeId: string;
  handlingCommitteeId: string | null;
  status: string;
  source: string;
  disputeType: string;
  officialDisputeType: string | null;
  township: string;
  villageCode: string | null;
  receivedOn: string;
  summary: string;
  amountFen: number | null;
  updatedAt: string;
  terminationReason: string | null;
  terminatedOn: string | null;
  closedOn: string | null;
  confirmation: number;
  volumeNumber: string | null;
  retention: string | null;
  filedOn: string | null;
  dossierState: string | null;
  pageCount: number | null;
}

export interface ProvincePartyRow {
  caseId: string;
  role: string;
  kind: string;
  name: string;
  sex: string | null;
  ethnicity: string | null;
  birthDate: string | null;
  idType: string | null;
  idNumber: string | null;
  creditCode: string | null;
  phone: string | null;
  address: string | null;
}

export interface ProvinceCaseMediatorRow {
  caseId: string;
  mediatorId: string;
  name: string;
  lead: number;
}

export interface ProvinceAgreementRow {
  caseId: string;
  kind: string;
  number: string;
  reachedOn: string;
  terms: string;
  amountFen: number | null;
  performanceManner: string;
  performanceDeadline: string;
  /** 司法确认结果 (migration 0017): null until the court's answer is recorded. */
  confirmationOutcome: string | null;
  confirmationCourt: string | null;
  confirmationRuledOn: string | null;
  confirmationRulingNumber: string | null;
}

export interface ProvinceVisitRow {
  caseId: string;
  dueOn: string;
  visitedOn: string | null;
  performanceStatus: string | null;
  satisfaction: string | null;
}

const marks = (ids: readonly string[]) => ids.map(() => '?').join(', ');

export class ProvinceRepository {
  constructor(private readonly db: DbHandle) {}

  organisations(ids: readonly string[]): ProvinceOrganisationRow[] {
    if (!ids.length) return [];
    return this.db.sql.all(
      `SELECT id, name, kind, parent_id AS parentId, abbreviation, township, address,
              active_from AS activeFrom, active_to AS activeTo, updated_at AS updatedAt
         FROM organisations WHERE deleted_at IS NULL AND id IN (${marks(ids)}) ORDER BY sort, id`,
      ...ids,
    );
  }

  /** Memberships in the given organisations (for the organisation info-set). */
  membershipsIn(organisationIds: readonly string[]): ProvinceMembershipRow[] {
    if (!organisationIds.length) return [];
    return this.db.sql.all(
      `SELECT mm.mediator_id AS mediatorId, mm.organisation_id AS organisationId, m.name, mm.position,
              mm.from_on AS fromOn, mm.to_on AS toOn
         FROM mediator_memberships mm JOIN mediators m ON m.id = mm.mediator_id AND m.deleted_at IS NULL
        WHERE mm.deleted_at IS NULL AND mm.organisation_id IN (${marks(organisationIds)})
        ORDER BY mm.organisation_id, m.name, mm.mediator_id`,
      ...organisationIds,
    );
  }

  /** The roster entries with a membership in one of the given organisations. */
  mediators(organisationIds: readonly string[]): ProvinceMediatorRow[] {
    if (!organisationIds.length) return [];
    return this.db.sql.all(
      `SELECT id, name, sex, ethnicity, id_number AS idNumber, phone, kind, employment, grade,
              certificate_number AS certificateNumber, active, updated_at AS updatedAt
         FROM mediators m
        WHERE deleted_at IS NULL AND EXISTS (SELECT 1 FROM mediator_memberships mm
              WHERE mm.mediator_id = m.id AND mm.deleted_at IS NULL AND mm.organisation_id IN (${marks(organisationIds)}))
        ORDER BY id`,
      ...organisationIds,
    );
  }

  membershipsOf(mediatorIds: readonly string[]): ProvinceMembershipRow[] {
    if (!mediatorIds.length) return [];
    return this.db.sql.all(
      `SELECT mm.mediator_id AS mediatorId, mm.organisation_id AS organisationId, '' AS name, mm.position,
              mm.from_on AS fromOn, mm.to_on AS toOn
         FROM mediator_memberships mm
        WHERE mm.deleted_at IS NULL AND mm.mediator_id IN (${marks(mediatorIds)})
        ORDER BY mm.mediator_id, mm.organisation_id, mm.id`,
      ...mediatorIds,
    );
  }

  trainingsOf(mediatorIds: readonly string[]): ProvinceTrainingRow[] {
    if (!mediatorIds.length) return [];
    return this.db.sql.all(
      `SELECT mediator_id AS mediatorId, date, days, kind, topic FROM mediator_trainings
        WHERE deleted_at IS NULL AND mediator_id IN (${marks(mediatorIds)}) ORDER BY mediator_id, date, id`,
      ...mediatorIds,
    );
  }

  rounds(organisationIds: readonly string[]): ProvinceRoundRow[] {
    if (!organisationIds.length) return [];
    return this.db.sql.all(
      `SELECT id, organisation_id AS organisationId, held_on AS heldOn, method, area,
              conducted_by AS conductedBy, updated_at AS updatedAt
         FROM screening_rounds WHERE deleted_at IS NULL AND organisation_id IN (${marks(organisationIds)})
        ORDER BY held_on, id`,
      ...organisationIds,
    );
  }

  findingsOf(roundIds: readonly string[]): ProvinceFindingRow[] {
    if (!roundIds.length) return [];
    return this.db.sql.all(
      `SELECT f.round_id AS roundId, f.seq, f.kind, f.summary, f.disposition, c.case_number AS caseNumber, f.note
         FROM screening_findings f LEFT JOIN cases c ON c.id = f.case_id
        WHERE f.deleted_at IS NULL AND f.round_id IN (${marks(roundIds)}) ORDER BY f.round_id, f.seq`,
      ...roundIds,
    );
  }

  /**
   * One page of the cases in scope (not voided), in case-id order after `afterId`, with what
   * each has once: outcome, confirmation application, dossier and its latest archive. Id order
   * is the order a batch stores and writes its records in (province_batch_records is keyed by
   * record id), so freezing a page appends to that table instead of splitting pages all over it.
   */
  casePage(scope: ScopePrincipals, afterId: string, limit: number): ProvinceCaseRow[] {
    if (!scope.length) return [];
    const s = inScope('c.rowid', scope);
    return this.db.sql.all(
      `SELECT c.id, c.case_number AS caseNumber, c.committee_id AS committeeId,
              c.handling_committee_id AS handlingCommitteeId, c.status, c.source, c.dispute_type AS disputeType,
              dt.official_code AS officialDisputeType, c.township,
              (SELECT v.code FROM villages v WHERE v.township = c.township AND v.name = c.village AND v.deleted_at IS NULL) AS villageCode,
              c.received_on AS receivedOn, c.summary, c.amount_fen AS amountFen, c.updated_at AS updatedAt,
              o.termination_reason AS terminationReason, o.terminated_on AS terminatedOn, o.closed_on AS closedOn,
              EXISTS (SELECT 1 FROM document_versions d WHERE d.case_id = c.id AND d.kind = 'confirmation-application'
                      AND d.deleted_at IS NULL) AS confirmation,
              ds.volume_number AS volumeNumber, ds.retention, ds.filed_on AS filedOn, ds.state AS dossierState,
              (SELECT a.page_count FROM dossier_archives a WHERE a.dossier_id = ds.id AND a.deleted_at IS NULL
                  AND a.reopened_at IS NULL ORDER BY a.revision DESC LIMIT 1) AS pageCount
         FROM cases c
         LEFT JOIN dispute_types dt ON dt.code = c.dispute_type
         LEFT JOIN case_outcomes o ON o.case_id = c.id AND o.deleted_at IS NULL
         LEFT JOIN dossiers ds ON ds.case_id = c.id AND ds.deleted_at IS NULL
        WHERE c.id > ? AND +c.deleted_at IS NULL AND c.status <> 'voided' AND ${s.sql}
        ORDER BY c.id LIMIT ?`,
      afterId,
      ...s.params,
      limit,
    );
  }

  partiesOf(caseIds: readonly string[]): ProvincePartyRow[] {
    if (!caseIds.length) return [];
    return this.db.sql.all(
      `SELECT cp.case_id AS caseId, cp.role, p.kind, p.name, p.sex, p.ethnicity, p.birth_date AS birthDate,
              p.id_type AS idType, p.id_number AS idNumber, p.credit_code AS creditCode, p.phone, p.address
         FROM case_parties cp JOIN parties p ON p.id = cp.party_id
        WHERE cp.deleted_at IS NULL AND cp.case_id IN (${marks(caseIds)})
        ORDER BY cp.case_id, CASE cp.role WHEN 'applicant' THEN 0 WHEN 'respondent' THEN 1 ELSE 2 END, cp.position`,
      ...caseIds,
    );
  }

  /** The mediators of each case's live assignments (not returned or superseded). */
  mediatorsOf(caseIds: readonly string[]): ProvinceCaseMediatorRow[] {
    if (!caseIds.length) return [];
    // m.name is grouped too: one name per mediator_id anyway, but PostgreSQL selects no column
    // that is neither grouped nor aggregated (SQLite takes it from any row of the group).
    return this.db.sql.all(
      `SELECT a.case_id AS caseId, am.mediator_id AS mediatorId, m.name, max(am.lead) AS lead
         FROM case_assignments a
         JOIN case_assignment_mediators am ON am.assignment_id = a.id AND am.deleted_at IS NULL
         JOIN mediators m ON m.id = am.mediator_id
        WHERE a.deleted_at IS NULL AND a.state IN ('pending', 'accepted') AND a.case_id IN (${marks(caseIds)})
        GROUP BY a.case_id, am.mediator_id, m.name ORDER BY a.case_id, max(am.lead) DESC, m.name, am.mediator_id`,
      ...caseIds,
    );
  }

  /** Each case's latest agreement. */
  agreementsOf(caseIds: readonly string[]): ProvinceAgreementRow[] {
    if (!caseIds.length) return [];
    return this.db.sql.all(
      `SELECT case_id AS caseId, kind, number, reached_on AS reachedOn, terms, amount_fen AS amountFen,
              performance_manner AS performanceManner, performance_deadline AS performanceDeadline,
              confirmation_outcome AS confirmationOutcome, confirmation_court AS confirmationCourt,
              confirmation_ruled_on AS confirmationRuledOn, confirmation_ruling_number AS confirmationRulingNumber
         FROM agreements g
        WHERE deleted_at IS NULL AND case_id IN (${marks(caseIds)})
          AND NOT EXISTS (SELECT 1 FROM agreements n WHERE n.case_id = g.case_id AND n.deleted_at IS NULL
                          AND (n.created_at > g.created_at OR (n.created_at = g.created_at AND n.id > g.id)))`,
      ...caseIds,
    );
  }

  visitsOf(caseIds: readonly string[]): ProvinceVisitRow[] {
    if (!caseIds.length) return [];
    return this.db.sql.all(
      `SELECT case_id AS caseId, due_on AS dueOn, visited_on AS visitedOn, performance_status AS performanceStatus,
              satisfaction
         FROM return_visits WHERE deleted_at IS NULL AND case_id IN (${marks(caseIds)}) ORDER BY case_id, due_on, id`,
      ...caseIds,
    );
  }
}
