import { createHash } from 'node:crypto';
import type { AuditRow } from '../../../db';

// Each audit entry's hash covers its own fields and the previous entry's hash, so editing or
// deleting any entry breaks every hash after it. Since format 2 each entry is also signed by the
// user whose session appended it (signing.ts): the signature covers the hash, hence the previous
// hash too, so only the authors of the later entries could re-make them. Format 1 entries (before
// migration 0006) keep their unsigned hash and still verify, but only as the chain's first part.
// The head is kept in the database (settings 'audit.head') and outside it (anchor.ts).

export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: everything but the hash and the signature over it. */
export type AuditFields = Omit<AuditRow, 'hash' | 'signature'>;

export function hashEntry(entry: AuditFields): string {
  const common = [
    entry.seq,
    entry.at,
    entry.actorId,
    entry.actorName,
    entry.action,
    entry.target,
    entry.outcome,
    entry.detail,
  ];
  const canonical =
    entry.format === 1
      ? [...common, entry.prevHash]
      : ['v2', ...common, entry.signerId, entry.enrolsUserId, entry.enrolsKey, entry.prevHash];
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}
