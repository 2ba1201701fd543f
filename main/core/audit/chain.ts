import { createHash } from 'node:crypto';
import type { AuditRow } from '../../../db';

// Each audit entry's hash covers its own fields and the previous entry's hash, so editing or
// deleting any entry breaks every hash after it. The latest hash is also kept as the chain head
// (settings 'audit.head'), so cutting entries off the end is caught too.

export const GENESIS_HASH = '0'.repeat(64);

export type AuditFields = Omit<AuditRow, 'hash'>;

export function hashEntry(entry: AuditFields): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.at,
    entry.actorId,
    entry.actorName,
    entry.action,
    entry.target,
    entry.outcome,
    entry.detail,
    entry.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
