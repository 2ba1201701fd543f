import type { MediatorRow, Syncable } from '../../../db';
import type { ServiceContext } from '../context';
import { ConflictError } from '../errors';
import { newRecord } from '../newRecord';

// How the roster is stored: the mediator row (household members as JSON, ID numbers in full),
// committee memberships replaced as a set, and the optimistic-lock check on every edit.

export interface StoredHouseholdMember {
  name: string;
  relation: string;
  idNumber: string | null;
}

/** One committee membership as stored. */
export interface MembershipTerm {
  organisationId: string;
  position: string;
  fromOn: string | null;
  toOn: string | null;
}

/** A mediator row's own columns: everything but the sync bookkeeping. */
export type MediatorFields = Omit<MediatorRow, keyof Syncable>;

/** Unreadable JSON counts as no household, so one damaged row cannot break the whole roster. */
export function householdOf(row: MediatorRow): StoredHouseholdMember[] {
  try {
    const value: unknown = JSON.parse(row.householdMembers);
    return Array.isArray(value) ? (value as StoredHouseholdMember[]) : [];
  } catch {
    return [];
  }
}

/** Someone saved this mediator since the form was opened. */
export function editConflict(existing: MediatorRow): ConflictError {
  return new ConflictError(`调解员“${existing.name}”的信息刚被其他人修改，请刷新后重试`);
}

/** Inserts a new mediator or updates `existing`, refusing if it changed since it was read. */
export function writeMediator(
  ctx: ServiceContext,
  existing: MediatorRow | undefined,
  fields: MediatorFields,
  now: string,
): MediatorRow {
  const row: MediatorRow = existing
    ? { ...existing, ...fields, updatedAt: now }
    : { ...newRecord(ctx, now), ...fields };
  if (existing) {
    if (!ctx.repos.mediators.update(row, existing.version)) throw editConflict(existing);
  } else {
    ctx.repos.mediators.insert(row);
  }
  return row;
}

/**
 * Replaces the mediator's memberships with `terms`, but only when they differ as a set: an edit
 * that leaves them alone keeps the rows (and their sync history) untouched. Says whether it wrote.
 */
export function writeMemberships(
  ctx: ServiceContext,
  mediatorId: string,
  isNew: boolean,
  terms: MembershipTerm[],
  now: string,
): boolean {
  const before = isNew ? [] : ctx.repos.mediators.memberships(mediatorId);
  const key = (m: MembershipTerm) => `${m.organisationId}|${m.position}|${m.fromOn ?? ''}|${m.toOn ?? ''}`;
  const changed = before.map(key).sort().join('\n') !== terms.map(key).sort().join('\n');
  if (changed) {
    ctx.repos.mediators.replaceMemberships(
      mediatorId,
      terms.map((m) => ({ ...newRecord(ctx, now), mediatorId, ...m })),
      now,
    );
  }
  return changed;
}
