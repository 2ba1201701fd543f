import type { ServiceContext } from '../context';
import { newRecord } from '../newRecord';

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** Appends one entry to the case's visible history (who, when, what changed). */
export function recordHistory(
  ctx: ServiceContext,
  caseId: string,
  action: string,
  changes: FieldChange[],
  note: string | null = null,
) {
  const now = ctx.clock.now().toISOString();
  ctx.repos.caseHistory.add({
    ...newRecord(ctx, now),
    caseId,
    at: now,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    action,
    changes: JSON.stringify(changes),
    note,
  });
}

/** A stored column value as text (columns are strings, numbers or booleans). */
export function plain(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return value.toString();
  return JSON.stringify(value) ?? '';
}

/** The fields that differ, as the Chinese labels and display values the case page shows. */
export function diff<T extends object>(
  before: T,
  after: T,
  labels: Partial<Record<keyof T, string>>,
  show: (key: keyof T, value: unknown) => string = (_k, v) =>
    v === null || v === undefined || v === '' ? '（空）' : plain(v),
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of Object.keys(labels) as (keyof T)[]) {
    const a = show(key, before[key]);
    const b = show(key, after[key]);
    if (a !== b) changes.push({ field: labels[key]!, before: a, after: b });
  }
  return changes;
}
