import { z } from 'zod';
import type { OrganisationKind } from '../schemas/catalog';
import type { MediatorDto, OrganisationDto } from '../schemas/organisations';

// Committee composition (人民调解法 Arts. 8–9): 3 to 9 members, a chair (主任), at least one
// woman, a member of the smaller ethnic group where several live together, and a 3-year term.
// Computed from the roster (memberships + sex) as warnings: they never block saving. One home:
// the organisation service puts them in orgs:tree (main/core/organisations), the 调解组织 screen
// shows what the service says and lists the members with committeeMembers().

/** The kinds that are 人民调解委员会 (rooms and the county center are not). */
export const committeeKinds: readonly OrganisationKind[] = ['township', 'village', 'sector', 'unit'];

export const MIN_MEMBERS = 3;
export const MAX_MEMBERS = 9;
export const TERM_YEARS = 3;

/** What the rules read of a roster entry (a MediatorDto has it all). */
export type RosterEntry = Pick<MediatorDto, 'id' | 'name' | 'kind' | 'active' | 'sex' | 'ethnicity'> & {
  memberships: Pick<MediatorDto['memberships'][number], 'organisationId' | 'position' | 'from' | 'to'>[];
};

export interface CommitteeMember<M extends RosterEntry = RosterEntry> {
  mediator: M;
  position: string;
  from: string | null;
  to: string | null;
}

export const compositionNote = z.object({ level: z.enum(['warning', 'info']), text: z.string() });
export type CompositionNote = z.infer<typeof compositionNote>;

/** 主任、副主任、委员 are committee members; a hired 调解员 (Art. 13) is not. */
export function isCommitteePosition(position: string): boolean {
  return /主任|委员/.test(position);
}

function isCurrent(from: string | null, to: string | null, today: string): boolean {
  return (from === null || from <= today) && (to === null || to >= today);
}

/** Active 人民调解员 holding a current committee position in `organisationId` on `today`. */
export function committeeMembers<M extends RosterEntry>(
  organisationId: string,
  mediators: readonly M[],
  today: string,
): CommitteeMember<M>[] {
  const members: CommitteeMember<M>[] = [];
  for (const mediator of mediators) {
    if (!mediator.active || mediator.kind !== 'mediator') continue;
    const membership = mediator.memberships.find(
      (m) =>
        m.organisationId === organisationId &&
        isCommitteePosition(m.position) &&
        isCurrent(m.from, m.to, today),
    );
    if (membership)
      members.push({ mediator, position: membership.position, from: membership.from, to: membership.to });
  }
  return members;
}

function yearsBefore(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
}

/** Warnings for a committee's composition; none for organisations that are not committees or no longer active. */
export function compositionNotes(
  org: Pick<OrganisationDto, 'id' | 'kind' | 'activeTo'>,
  mediators: readonly RosterEntry[],
  today: string,
): CompositionNote[] {
  if (!committeeKinds.includes(org.kind) || (org.activeTo !== null && org.activeTo < today)) return [];
  const members = committeeMembers(org.id, mediators, today);
  const notes: CompositionNote[] = [];
  if (members.length < MIN_MEMBERS) {
    notes.push({ level: 'warning', text: `委员人数不足${MIN_MEMBERS}人（现有${members.length}人）` });
  } else if (members.length > MAX_MEMBERS) {
    notes.push({ level: 'warning', text: `委员人数超过${MAX_MEMBERS}人（现有${members.length}人）` });
  }
  if (members.length > 0 && !members.some((m) => /^主任(委员)?$/.test(m.position))) {
    notes.push({ level: 'warning', text: '未设主任' });
  }
  if (!members.some((m) => m.mediator.sex === 'female')) {
    const unknown = members.filter((m) => m.mediator.sex === null).length;
    notes.push({ level: 'warning', text: `无女性委员${unknown ? `（${unknown}人未登记性别）` : ''}` });
  }
  const termStart = yearsBefore(today, TERM_YEARS);
  const overdue = members.filter((m) => m.to === null && m.from !== null && m.from <= termStart);
  if (overdue.length) {
    notes.push({
      level: 'warning',
      text: `${overdue.map((m) => m.mediator.name).join('、')}任职已满${TERM_YEARS}年，请核对换届情况并填写任职止日期`,
    });
  }
  const ethnicities = new Set(
    members.map((m) => m.mediator.ethnicity).filter((e): e is string => Boolean(e)),
  );
  if (members.length >= MIN_MEMBERS && ethnicities.size === 1) {
    notes.push({
      level: 'info',
      text: `委员均为${[...ethnicities][0]!}：如当地多民族共同居住，应有人数较少民族的委员`,
    });
  }
  return notes;
}
