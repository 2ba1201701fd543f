import type { OutcomeRow } from '../../../db';
import type { ServiceContext } from '../context';
import { newRecord } from '../newRecord';

/** The case's one outcome record (termination, routes told, referral, closing), merged field by field. */
export function saveOutcome(ctx: ServiceContext, caseId: string, changes: Partial<OutcomeRow>): OutcomeRow {
  const now = ctx.clock.now().toISOString();
  const existing = ctx.repos.workflow.outcome(caseId);
  const row: OutcomeRow = existing
    ? { ...existing, ...changes, updatedAt: now, version: existing.version + 1 }
    : {
        ...newRecord(ctx, now),
        caseId,
        terminationKind: null,
        terminationReason: null,
        terminatedOn: null,
        informedRoutes: null,
        informedHow: null,
        informedOn: null,
        informedNote: null,
        referralRoute: null,
        referralBody: null,
        referralTold: null,
        referredOn: null,
        closedOn: null,
        closeNote: null,
        ...changes,
      };
  ctx.repos.workflow.saveOutcome(row, !existing);
  return row;
}
