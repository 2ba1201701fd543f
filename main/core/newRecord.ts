import { randomUUID } from 'node:crypto';
import type { Syncable } from '../../db';
import type { ServiceContext } from './context';

/**
 * The columns every record that moves between offices starts with: a UUID made here, this
 * office, version 1, created and updated now, not deleted.
 */
export function newRecord(
  ctx: Pick<ServiceContext, 'office' | 'clock'>,
  now = ctx.clock.now().toISOString(),
): Syncable {
  return {
    id: randomUUID(),
    originOfficeId: ctx.office.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
}
