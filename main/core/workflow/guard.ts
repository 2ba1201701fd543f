import type { CaseRow } from '../../../db';
import {
  caseStatusLabels,
  canTransition,
  transitions,
  type CaseStatus,
  type WorkflowAction,
} from '../../contract';
import type { ServiceContext } from '../context';
import { ConflictError, NotFoundError } from '../errors';
import { CASE_NOT_FOUND } from '../scope';

/** Loads a case for a workflow step and refuses an illegal transition with a clear message. */
export function caseFor(ctx: ServiceContext, caseId: string, action: WorkflowAction): CaseRow {
  const row = ctx.repos.cases.byId(caseId);
  if (!row) throw new NotFoundError(CASE_NOT_FOUND);
  ctx.audit.target = caseId;
  const status = row.status as CaseStatus;
  if (!canTransition(status, action)) {
    if (action === 'close' && status === 'terminated') {
      throw new ConflictError('调解终止的案件须先登记“告知其他途径”（人民调解法第二十六条），才能结案');
    }
    throw new ConflictError(
      `案件当前状态为“${caseStatusLabels[status]}”，不能执行“${transitions[action].label}”`,
    );
  }
  return row;
}

/** Moves the case to the action's target status (the caller has written the step's records). */
export function moveTo(
  ctx: ServiceContext,
  row: CaseRow,
  action: WorkflowAction,
  extra: { handlingCommitteeId?: string | null } = {},
): void {
  const to = transitions[action].to;
  ctx.repos.workflow.setCaseState(
    row.id,
    { ...(to && to !== row.status ? { status: to } : {}), ...extra },
    ctx.clock.now().toISOString(),
  );
}
