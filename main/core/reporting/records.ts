import type { Repositories, ScopePrincipals } from '../../../db';
import {
  disputeTypeCodeOf,
  ethnicityCodeOf,
  idTypeCodeOf,
  PINGLUO_DIVISION,
  sexCodeOf,
  townshipCodeOf,
} from '../../contract/province/codes';
import type {
  CaseRecord,
  MediatorRecord,
  OrganisationRecord,
  ScreeningRecord,
} from '../../contract/province/infoSets';

// Builds the four info-sets' records (version 1) from the database, for one actor's scope.
// Codes become the published national or desk codes here; mapping to a target system's names
// and codes happens later (./mapping.ts), on these records only.

type Coded<T extends Record<string, string>> = (value: string | null) => T[keyof T] | null;

const sex: Coded<typeof sexCodeOf> = (v) =>
  v && v in sexCodeOf ? sexCodeOf[v as keyof typeof sexCodeOf] : null;
const idType = (v: string | null) =>
  v && v in idTypeCodeOf ? idTypeCodeOf[v as keyof typeof idTypeCodeOf] : null;
const ethnicity = (v: string | null) => (v ? ethnicityCodeOf(v) : null);
const orNull = (v: string | null | undefined) => (v === undefined || v === null || v === '' ? null : v);

function groupBy<T extends Record<K, string>, K extends keyof T>(rows: T[], key: K): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row[key]);
    if (list) list.push(row);
    else map.set(row[key], [row]);
  }
  return map;
}

export function organisationRecords(
  repos: Repositories,
  organisationIds: readonly string[],
): OrganisationRecord[] {
  const rows = repos.province.organisations(organisationIds);
  const members = groupBy(repos.province.membershipsIn(organisationIds), 'organisationId');
  return rows.map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    parentId: o.parentId,
    abbreviation: o.abbreviation,
    divisionCode: townshipCodeOf(o.township) ?? PINGLUO_DIVISION,
    address: orNull(o.address),
    activeFrom: orNull(o.activeFrom),
    activeTo: orNull(o.activeTo),
    members: (members.get(o.id) ?? []).map((m) => ({
      mediatorId: m.mediatorId,
      name: m.name,
      position: m.position,
      from: orNull(m.fromOn),
      to: orNull(m.toOn),
    })),
    updatedAt: o.updatedAt,
  }));
}

export function mediatorRecords(repos: Repositories, organisationIds: readonly string[]): MediatorRecord[] {
  const rows = repos.province.mediators(organisationIds);
  const ids = rows.map((m) => m.id);
  const inScope = new Set(organisationIds);
  const memberships = groupBy(repos.province.membershipsOf(ids), 'mediatorId');
  const trainings = groupBy(repos.province.trainingsOf(ids), 'mediatorId');
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    sex: sex(m.sex),
    ethnicity: ethnicity(m.ethnicity),
    idType: m.idNumber ? '111' : null,
    idNumber: orNull(m.idNumber),
    phone: orNull(m.phone),
    kind: m.kind,
    employment: m.employment,
    grade: m.grade,
    certificateNumber: orNull(m.certificateNumber),
    active: Boolean(m.active),
    // Only the organisations this scope may see: another committee's tree is not ours to send.
    organisations: (memberships.get(m.id) ?? [])
      .filter((x) => inScope.has(x.organisationId))
      .map((x) => ({
        organisationId: x.organisationId,
        position: x.position,
        from: orNull(x.fromOn),
        to: orNull(x.toOn),
      })),
    trainings: (trainings.get(m.id) ?? []).map((t) => ({
      date: t.date,
      days: t.days,
      kind: t.kind,
      topic: t.topic,
    })),
    updatedAt: m.updatedAt,
  }));
}

export function screeningRecords(repos: Repositories, organisationIds: readonly string[]): ScreeningRecord[] {
  const rounds = repos.province.rounds(organisationIds);
  const findings = groupBy(repos.province.findingsOf(rounds.map((r) => r.id)), 'roundId');
  return rounds.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    heldOn: r.heldOn,
    method: r.method,
    area: r.area,
    conductedBy: r.conductedBy,
    findings: (findings.get(r.id) ?? []).map((f) => ({
      seq: f.seq,
      kind: f.kind,
      summary: f.summary,
      disposition: f.disposition,
      caseNumber: f.caseNumber,
      note: orNull(f.note),
    })),
    updatedAt: r.updatedAt,
  }));
}

const SUCCESS = new Set(['succeeded', 'performing', 'visited']);
const FAILURE = new Set(['terminated', 'informed']);

function resultOf(status: string, hasAgreement: boolean, terminated: boolean): CaseRecord['result'] {
  if (status === 'transferred') return 'transferred';
  if (SUCCESS.has(status)) return 'success';
  if (FAILURE.has(status)) return 'failure';
  if (status === 'closed' || status === 'archived')
    return terminated && !hasAgreement ? 'failure' : 'success';
  return 'pending';
}

/**
 * One page of case records in scope, in case-id order after the case `after` (0 or '': from the
 * first); `last` continues the walk, null once there is nothing more.
 */
export function casePage(
  repos: Repositories,
  scope: ScopePrincipals,
  after: string | 0,
  limit: number,
): { records: CaseRecord[]; last: string | null } {
  const rows = repos.province.casePage(scope, after || '', limit);
  if (!rows.length) return { records: [], last: null };
  const ids = rows.map((c) => c.id);
  const parties = groupBy(repos.province.partiesOf(ids), 'caseId');
  const mediators = groupBy(repos.province.mediatorsOf(ids), 'caseId');
  const agreements = new Map(repos.province.agreementsOf(ids).map((a) => [a.caseId, a]));
  const visits = groupBy(repos.province.visitsOf(ids), 'caseId');
  const records = rows.map((c): CaseRecord => {
    const agreement = agreements.get(c.id);
    const caseVisits = visits.get(c.id) ?? [];
    const lastVisited = caseVisits.filter((v) => v.visitedOn).at(-1);
    return {
      id: c.id,
      caseNumber: c.caseNumber,
      committeeId: c.committeeId,
      handlingCommitteeId: c.handlingCommitteeId,
      source: c.source,
      disputeType: disputeTypeCodeOf[c.officialDisputeType ?? c.disputeType] ?? '18',
      divisionCode: c.villageCode ?? townshipCodeOf(c.township) ?? PINGLUO_DIVISION,
      receivedOn: c.receivedOn,
      summary: c.summary,
      amountFen: c.amountFen,
      parties: (parties.get(c.id) ?? []).map((p) => ({
        role: p.role,
        kind: p.kind as 'person' | 'organisation',
        name: p.name,
        sex: sex(p.sex),
        ethnicity: ethnicity(p.ethnicity),
        birthDate: orNull(p.birthDate),
        idType: p.kind === 'person' && p.idNumber ? (idType(p.idType) ?? '111') : null,
        idNumber: orNull(p.idNumber),
        creditCode: orNull(p.creditCode),
        phone: orNull(p.phone),
        address: orNull(p.address),
      })),
      mediators: (mediators.get(c.id) ?? []).map((m) => ({
        mediatorId: m.mediatorId,
        name: m.name,
        lead: Boolean(m.lead),
      })),
      result: resultOf(c.status, Boolean(agreement), Boolean(c.terminatedOn)),
      closedOn: orNull(c.closedOn),
      terminatedOn: orNull(c.terminatedOn),
      terminationReason: orNull(c.terminationReason),
      agreement: agreement
        ? {
            kind: agreement.kind,
            number: agreement.number,
            reachedOn: agreement.reachedOn,
            terms: agreement.terms,
            amountFen: agreement.amountFen,
            performanceManner: agreement.performanceManner,
            performanceDeadline: orNull(agreement.performanceDeadline),
          }
        : null,
      performance: lastVisited?.performanceStatus ?? null,
      // The court's answer proves an application, printed here or made at the court.
      judicialConfirmation: Boolean(c.confirmation) || Boolean(agreement?.confirmationOutcome),
      judicialConfirmationResult:
        agreement?.confirmationOutcome && agreement.confirmationCourt && agreement.confirmationRuledOn
          ? {
              outcome: agreement.confirmationOutcome,
              court: agreement.confirmationCourt,
              ruledOn: agreement.confirmationRuledOn,
              rulingNumber: agreement.confirmationRulingNumber,
            }
          : null,
      visits: caseVisits.map((v) => ({
        dueOn: v.dueOn,
        visitedOn: v.visitedOn,
        performance: v.performanceStatus,
        satisfaction: v.satisfaction,
      })),
      archive:
        c.volumeNumber && c.retention && c.filedOn
          ? {
              volumeNumber: c.volumeNumber,
              retention: c.retention,
              filedOn: c.filedOn,
              archived: c.dossierState === 'archived',
              pageCount: c.pageCount,
            }
          : null,
      updatedAt: c.updatedAt,
    };
  });
  return { records, last: rows.at(-1)!.id };
}
