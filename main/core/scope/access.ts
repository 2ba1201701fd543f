import type { CaseRow } from '../../../db';
import type { CaseAccess, Role } from '../../contract';
import type { ServiceContext } from '../context';
import { ForbiddenError, NotFoundError } from '../errors';

// May this user see, change, or answer for this case? The one place that says so: the
// dispatcher asks it for every declared case-scoped id before a handler runs (./ids.ts); the
// services ask it to narrow what they offer (the workflow's actions, 我的待办, the overview).
//
// - Read: the case is in the user's scope (registered by, handled by, dispatched to, or sent on
//   from an organisation in it; or assigned to the user's roster entry). Out of scope, a case
//   answers "未找到该案件", exactly as one that does not exist.
// - Write: the mediators on the assignment in force, and the staff (管理员, 分流员, 受理员) of an
//   organisation in whose scope the case is handled now: the handling committee, or the
//   registering one until someone takes it. A sender after transfer or escalation keeps reading.
// - Respond (accept or return what was dispatched): the staff over the committee it waits at,
//   its assigned mediators, and that committee's own mediators.
// - File (卷宗, 评查, 补贴定级): any role of an organisation in whose scope the case is handled
//   now, or whoever may write it.

export const CASE_NOT_FOUND = '未找到该案件';
export const READ_ONLY =
  '该案件不由您所在的组织承办，只能查看：只有承办调委会的工作人员和指派的调解员可以办理或修改';
const NOT_YOURS_TO_ANSWER = '只有承办调委会的调解员或分流员可以接收或退回该案件';
const NOT_YOUR_FILE =
  '该案件已不由您所在的组织承办，只能查看：卷宗、评查和补贴定级由承办调委会（及其上级）办理';

/** Roles that act for their organisation on the cases it handles. */
const staff: readonly Role[] = ['admin', 'dispatcher', 'intake'];

export function mayRead(ctx: ServiceContext, caseId: string): boolean {
  return ctx.repos.caseScope.contains(ctx.scope.principals, caseId);
}

/** The organisation answerable for the case now: its handling committee, else the registering one. */
export function owningOrganisation(ctx: ServiceContext, row: CaseRow): string {
  return ctx.repos.workflow.caseWorkflowColumns(row.id)?.handlingCommitteeId ?? row.committeeId;
}

export function mayWrite(ctx: ServiceContext, row: CaseRow): boolean {
  const { scope, actor } = ctx;
  if (scope.mediatorId && ctx.repos.caseScope.isAssigned(row.id, scope.mediatorId)) return true;
  return actor.roles.some((r) => staff.includes(r)) && scope.organisations.has(owningOrganisation(ctx, row));
}

/**
 * Keeping the case's file (立卷, 归档, 评查, 补贴定级) is the work of the organisation handling it
 * and those above it (an 档案员 or 领导 there, who do not write the case itself), or of whoever
 * may write it. A sender after transfer or escalation only reads it.
 */
export function mayKeepFile(ctx: ServiceContext, row: CaseRow): boolean {
  // mayWrite adds only the assigned mediators to this (its staff are of the handling organisation).
  const { scope } = ctx;
  if (scope.organisations.has(owningOrganisation(ctx, row))) return true;
  return Boolean(scope.mediatorId && ctx.repos.caseScope.isAssigned(row.id, scope.mediatorId));
}

/** Why this user may only read the case's file, or null when they may keep it. */
export function fileKeptElsewhere(ctx: ServiceContext, caseId: string): string | null {
  const row = ctx.repos.cases.byId(caseId);
  return row && !mayKeepFile(ctx, row) ? NOT_YOUR_FILE : null;
}

export function mayRespond(ctx: ServiceContext, row: CaseRow): boolean {
  const pending = ctx.repos.workflow
    .assignments(row.id)
    .filter((a) => a.state === 'pending')
    .at(-1);
  if (!pending) return mayWrite(ctx, row);
  const { scope, actor } = ctx;
  if (
    actor.roles.some((r) => r === 'dispatcher' || r === 'admin') &&
    scope.organisations.has(pending.committeeId)
  )
    return true;
  const me = scope.mediatorId;
  if (!me) return false;
  if (ctx.repos.workflow.assignmentMediators(pending.id).some((m) => m.mediatorId === me)) return true;
  return ctx.repos.mediators.memberships(me).some((m) => m.organisationId === pending.committeeId && !m.toOn);
}

/**
 * The case, if this user may have it at this access; otherwise NOT_FOUND (out of scope, or no
 * such case: the same answer) or FORBIDDEN (in scope, but only to read).
 */
export function requireCase(
  ctx: ServiceContext,
  caseId: string,
  access: CaseAccess,
  notFound = CASE_NOT_FOUND,
): CaseRow {
  const row = ctx.repos.cases.byId(caseId);
  if (!row || !mayRead(ctx, caseId)) throw new NotFoundError(notFound);
  if (access === 'write' && !mayWrite(ctx, row)) throw new ForbiddenError(READ_ONLY);
  if (access === 'respond' && !mayRespond(ctx, row)) throw new ForbiddenError(NOT_YOURS_TO_ANSWER);
  if (access === 'file' && !mayKeepFile(ctx, row)) throw new ForbiddenError(NOT_YOUR_FILE);
  return row;
}
