import type { MediatorRow, MembershipRow, OrganisationRow, TrainingRow } from '../../../db';
import { maskIdNumber, type MediatorDto, type Sex } from '../../contract';
import type { ServiceContext } from '../context';
import { today } from '../dates';
import { householdOf } from './mediatorRecords';
import { parseSpecialties } from './organisations';

// What leaves the service for a mediator: rows joined with their memberships, training log and
// open cases, ID numbers masked. The joined data is read once per request, not once per mediator.

interface RosterData {
  organisations: Map<string, OrganisationRow>;
  memberships: MembershipRow[];
  trainings: TrainingRow[];
  openCases: Map<string, number>;
  year: string;
}

/** Everything the DTOs draw on besides the mediator rows; `mediatorId` narrows it to one. */
export async function rosterData(ctx: ServiceContext, mediatorId?: string): Promise<RosterData> {
  const organisations = new Map((await ctx.repos.catalog.organisations()).map((o) => [o.id, o]));
  return {
    organisations,
    memberships: ctx.repos.mediators.memberships(mediatorId),
    trainings: ctx.repos.mediators.trainings(mediatorId),
    openCases: ctx.repos.mediators.openCaseCounts(),
    year: today(ctx.clock).slice(0, 4),
  };
}

export function toMediatorDto(row: MediatorRow, data: RosterData): MediatorDto {
  const trainings = data.trainings.filter((t) => t.mediatorId === row.id);
  const thisYear = { initial: 0, continuing: 0 };
  for (const t of trainings) {
    if (t.date.startsWith(`${data.year}-`) && (t.kind === 'initial' || t.kind === 'continuing'))
      thisYear[t.kind] += t.days;
  }
  return {
    id: row.id,
    version: row.version,
    kind: row.kind as MediatorDto['kind'],
    name: row.name,
    sex: row.sex as Sex | null,
    ethnicity: row.ethnicity,
    idNumberMasked: row.idNumber ? maskIdNumber(row.idNumber) : null,
    phone: row.phone,
    employment: row.employment as MediatorDto['employment'],
    certificateNumber: row.certificateNumber,
    grade: row.grade as MediatorDto['grade'],
    specialties: parseSpecialties(row.specialties),
    householdMembers: householdOf(row).map((m) => ({
      name: m.name,
      relation: m.relation,
      idNumberMasked: m.idNumber ? maskIdNumber(m.idNumber) : null,
    })),
    villageGroup: row.villageGroup,
    employer: row.employer,
    employerCreditCode: row.employerCreditCode,
    userId: row.userId,
    memberships: data.memberships
      .filter((m) => m.mediatorId === row.id)
      .map((m) => ({
        organisationId: m.organisationId,
        organisationName: data.organisations.get(m.organisationId)?.name ?? '（已删除的组织）',
        position: m.position,
        from: m.fromOn,
        to: m.toOn,
      })),
    active: row.active,
    trainingDaysThisYear: thisYear,
    trainings: trainings.map((t) => ({
      id: t.id,
      date: t.date,
      days: t.days,
      kind: t.kind as 'initial' | 'continuing',
      topic: t.topic,
    })),
    openCases: data.openCases.get(row.id) ?? 0,
    updatedAt: row.updatedAt,
  };
}

/** One mediator as just written. */
export async function mediatorDto(ctx: ServiceContext, id: string): Promise<MediatorDto> {
  return toMediatorDto(ctx.repos.mediators.byId(id)!, await rosterData(ctx, id));
}
