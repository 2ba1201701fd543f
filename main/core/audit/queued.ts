import type { Repositories } from '../../../db';
import type { AuditEvent } from './log';

// Audit events that happen where nobody's signing key is open, yet must survive a restart: a
// restore writes its own entry into the restored database while the session is locked (and on
// a fresh installation nobody is signed in at all). The event waits inside that database, in
// the same transaction as what it records, and the first sign-in appends it, signed by that
// user, before anything else it writes (session/auditTrail.ts).

const QUEUED_KEY = 'audit.queued';

/** Keeps `event` in the database for the next sign-in to append. */
export async function queueAudit(repos: Repositories, event: AuditEvent & { at: string }): Promise<void> {
  const queued = (await repos.settings.get<AuditEvent[]>(QUEUED_KEY)) ?? [];
  await repos.settings.set(QUEUED_KEY, [...queued, event]);
}

/** The waiting events, oldest first, and none left behind (inside the caller's transaction). */
export async function takeQueuedAudit(repos: Repositories): Promise<AuditEvent[]> {
  const queued = (await repos.settings.get<AuditEvent[]>(QUEUED_KEY)) ?? [];
  if (queued.length > 0) await repos.settings.remove(QUEUED_KEY);
  return queued;
}
