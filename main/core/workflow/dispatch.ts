import type { AssignmentRow, CaseRow, OrganisationRow } from '../../../db';
import { assignmentModeLabels, referralRouteLabels, type ReferralRoute } from '../../contract';
import type { ServiceContext } from '../context';
import { today } from '../dates';
import { ConflictError, ValidationError } from '../errors';
import { isActiveOn } from '../cases/catalog';
import { recordHistory } from '../cases/history';
import { casePartiesOf } from '../cases/view';
import { conflictsOf } from './conflicts';
import { caseFor, moveTo } from './guard';
import { saveOutcome } from './outcome';
import { newRecord } from '../newRecord';
import { assignHandlingNumber } from './handlingNumber';

// Sending a case to a committee and its mediators; the committee accepting or returning it;
// transfer, escalation up the tiers (village → township → county), and referral out.

export interface AssignInput {
  caseId: string;
  committeeId: string;
  mediatorIds: string[];
  leadMediatorId: string;
  mode: 'assigned' | 'chosen_by_parties';
  overrides: { mediatorId: string; reason: string }[];
  note?: string | undefined;
}

async function activeCommittee(ctx: ServiceContext, id: string): Promise<OrganisationRow> {
  const org = await ctx.repos.catalog.organisation(id);
  if (!org || !isActiveOn(org, today(ctx.clock)))
    throw ValidationError.field(['committeeId'], '承办调委会', '请从列表中选择在用的调委会');
  return org;
}

/** Current pending or accepted assignment (the one in force), if any. */
export function currentAssignment(ctx: ServiceContext, caseId: string): AssignmentRow | undefined {
  return ctx.repos.workflow
    .assignments(caseId)
    .filter((a) => a.state === 'pending' || a.state === 'accepted')
    .at(-1);
}

function supersede(ctx: ServiceContext, caseId: string): void {
  const now = ctx.clock.now().toISOString();
  for (const a of ctx.repos.workflow.assignments(caseId)) {
    if (a.state === 'pending' || a.state === 'accepted') {
      ctx.repos.workflow.updateAssignment({
        ...a,
        state: 'superseded',
        updatedAt: now,
        version: a.version + 1,
      });
    }
  }
}

/** Writes an assignment after the conflict check: a mediator who must stand aside needs a written override. */
async function assign(
  ctx: ServiceContext,
  c: CaseRow,
  input: AssignInput,
  kind: AssignmentRow['kind'],
): Promise<{ org: OrganisationRow; names: string[] }> {
  const org = await activeCommittee(ctx, input.committeeId);
  if (!input.mediatorIds.includes(input.leadMediatorId)) {
    throw ValidationError.field(['leadMediatorId'], '主持调解员', '主持调解员须是所指派的调解员之一');
  }
  if (new Set(input.mediatorIds).size !== input.mediatorIds.length) {
    throw ValidationError.field(['mediatorIds'], '调解员', '同一调解员不能重复指派');
  }
  const parties = casePartiesOf(ctx.repos, c.id);
  const names: string[] = [];
  const overrideNotes: string[] = [];
  const base = newRecord(ctx);
  const assignment: AssignmentRow = {
    ...base,
    caseId: c.id,
    committeeId: org.id,
    mode: input.mode,
    state: 'pending',
    kind,
    dispatchedBy: ctx.actor.userId,
    dispatchedByName: ctx.actor.displayName,
    dispatchedAt: base.createdAt,
    respondedBy: null,
    respondedByName: null,
    respondedAt: null,
    returnReason: null,
    note: input.note ?? null,
  };
  const rows = input.mediatorIds.map((mediatorId, i) => {
    const m = ctx.repos.mediators.byId(mediatorId);
    if (!m || !m.active || m.kind !== 'mediator') {
      throw ValidationError.field(['mediatorIds', i], '调解员', '所选调解员不在册，请重新选择');
    }
    const conflicts = conflictsOf(m, parties);
    const override = input.overrides.find((o) => o.mediatorId === mediatorId);
    if (conflicts.length > 0 && !override) {
      throw ValidationError.field(
        ['mediatorIds', i],
        '调解员',
        `${m.name}须回避：${conflicts.join('；')}。如确需指派，请填写回避例外理由`,
      );
    }
    if (override && conflicts.length > 0)
      overrideNotes.push(`${m.name}（${conflicts.join('；')}）例外理由：${override.reason}`);
    names.push(`${m.name}${mediatorId === input.leadMediatorId ? '（主持）' : ''}`);
    return {
      ...newRecord(ctx),
      assignmentId: assignment.id,
      mediatorId,
      lead: mediatorId === input.leadMediatorId,
      overrideReason: override && conflicts.length ? override.reason : null,
    };
  });
  supersede(ctx, c.id);
  ctx.repos.workflow.insertAssignment(assignment);
  for (const row of rows) ctx.repos.workflow.insertAssignmentMediator(row);
  ctx.audit.detail = [
    `${c.caseNumber} → ${org.name}，${names.join('、')}（${assignmentModeLabels[input.mode]}）`,
    overrideNotes.length ? `回避例外：${overrideNotes.join('；')}` : '',
  ]
    .filter(Boolean)
    .join('；');
  return { org, names };
}

export async function dispatchCase(ctx: ServiceContext, input: AssignInput): Promise<void> {
  const c = caseFor(ctx, input.caseId, 'dispatch');
  const { org, names } = await assign(ctx, c, input, 'dispatch');
  moveTo(ctx, c, 'dispatch', { handlingCommitteeId: org.id });
  recordHistory(
    ctx,
    c.id,
    '分流指派',
    [],
    `${org.name}；调解员：${names.join('、')}${input.note ? `；${input.note}` : ''}`,
  );
}

export async function transferCase(
  ctx: ServiceContext,
  input: AssignInput & { reason: string },
): Promise<void> {
  const c = caseFor(ctx, input.caseId, 'transfer');
  const { org, names } = await assign(ctx, c, input, 'transfer');
  moveTo(ctx, c, 'transfer', { handlingCommitteeId: org.id });
  recordHistory(ctx, c.id, '移交', [], `移交${org.name}；调解员：${names.join('、')}；理由：${input.reason}`);
}

export async function respond(
  ctx: ServiceContext,
  input: { caseId: string; accept: boolean; reason?: string | undefined },
): Promise<void> {
  const c = caseFor(ctx, input.caseId, input.accept ? 'accept' : 'return');
  const a = ctx.repos.workflow
    .assignments(c.id)
    .filter((x) => x.state === 'pending')
    .at(-1);
  // Who may answer for the committee is the scope's rule (workflow:respond declares case:respond).
  if (!a) throw new ConflictError('该案件没有待接收的分流指派');
  const org = await ctx.repos.catalog.organisation(a.committeeId);
  const now = ctx.clock.now().toISOString();
  if (input.accept) {
    if (
      (JSON.parse(c.riskFlags) as string[]).includes('criminal') &&
      ctx.repos.workflow.riskReports(c.id).length === 0
    ) {
      throw new ConflictError(
        '该案件标记为“可能民转刑”：请先登记向公安机关报告的情况（或未报告的理由），再接收调解',
      );
    }
    if (ctx.repos.workflow.assignmentMediators(a.id).length === 0) {
      throw new ConflictError('该案件尚未指派调解员：请先“移交”并指派调解员，再接收');
    }
    ctx.repos.workflow.updateAssignment({
      ...a,
      state: 'accepted',
      respondedBy: ctx.actor.userId,
      respondedByName: ctx.actor.displayName,
      respondedAt: now,
      updatedAt: now,
      version: a.version + 1,
    });
    moveTo(ctx, c, 'accept');
    const handlingNumber = org ? await assignHandlingNumber(ctx, c, org) : null;
    const numbered = handlingNumber ? `，承办编号${handlingNumber}` : '';
    recordHistory(ctx, c.id, '接收案件', [], `${org?.name ?? ''}接收，开始调解${numbered}`);
    ctx.audit.detail = `${c.caseNumber}：${org?.name ?? ''}接收${numbered}`;
    return;
  }
  if (!input.reason) throw ValidationError.field(['reason'], '退回理由', '退回案件须写明理由');
  ctx.repos.workflow.updateAssignment({
    ...a,
    state: 'returned',
    respondedBy: ctx.actor.userId,
    respondedByName: ctx.actor.displayName,
    respondedAt: now,
    returnReason: input.reason,
    updatedAt: now,
    version: a.version + 1,
  });
  moveTo(ctx, c, 'return', { handlingCommitteeId: null });
  // It was dispatched there and pending, never that committee's (issue 9): now that the case is
  // back, its scope is derived again without the returned dispatch (db/repositories/caseScope.ts).
  ctx.repos.caseScope.rebuildCaseById(c.id);
  recordHistory(ctx, c.id, '退回', [], `${org?.name ?? ''}退回：${input.reason}`);
  ctx.audit.detail = `${c.caseNumber}：退回，${input.reason}`;
}

/** The next tier up: a village committee's township, then the county center. */
export async function higherTier(ctx: ServiceContext, fromId: string): Promise<OrganisationRow> {
  const orgs = await ctx.repos.catalog.organisations();
  const from = orgs.find((o) => o.id === fromId);
  const county = orgs.find((o) => o.kind === 'county_center');
  if (!from || !county) throw new ConflictError('找不到上级调解组织，请先在“调解组织”中维护组织关系');
  if (from.kind === 'county_center') throw new ConflictError('已是县人民调解中心，无法再上报');
  if (from.kind === 'village' || from.kind === 'unit' || from.kind === 'room') {
    const parent = orgs.find((o) => o.id === from.parentId);
    if (parent) return parent;
    const township = orgs.find((o) => o.kind === 'township' && o.township === from.township);
    if (township) return township;
  }
  return county;
}

export async function escalate(
  ctx: ServiceContext,
  input: { caseId: string; riskNote: string },
): Promise<void> {
  const c = caseFor(ctx, input.caseId, 'escalate');
  const fromId = currentAssignment(ctx, c.id)?.committeeId ?? c.committeeId;
  const to = await higherTier(ctx, fromId);
  const from = await ctx.repos.catalog.organisation(fromId);
  supersede(ctx, c.id);
  const base = newRecord(ctx);
  ctx.repos.workflow.insertAssignment({
    ...base,
    caseId: c.id,
    committeeId: to.id,
    mode: 'assigned',
    state: 'pending',
    kind: 'escalation',
    dispatchedBy: ctx.actor.userId,
    dispatchedByName: ctx.actor.displayName,
    dispatchedAt: base.createdAt,
    respondedBy: null,
    respondedByName: null,
    respondedAt: null,
    returnReason: null,
    note: input.riskNote,
  });
  moveTo(ctx, c, 'escalate', { handlingCommitteeId: to.id });
  recordHistory(ctx, c.id, '上报', [], `${from?.name ?? ''} → ${to.name}；${input.riskNote}`);
  ctx.audit.detail = `${c.caseNumber}：上报${to.name}`;
}

export async function referOut(
  ctx: ServiceContext,
  input: {
    caseId: string;
    route: ReferralRoute;
    receivingBody?: string | undefined;
    told: string;
    referredOn: string;
  },
): Promise<void> {
  const c = caseFor(ctx, input.caseId, 'referOut');
  if (input.referredOn > today(ctx.clock) || input.referredOn < c.receivedOn) {
    throw ValidationError.field(['referredOn'], '转出日期', '须在受理日期与今天之间');
  }
  saveOutcome(ctx, c.id, {
    referralRoute: input.route,
    referralBody: input.receivingBody ?? null,
    referralTold: input.told,
    referredOn: input.referredOn,
  });
  supersede(ctx, c.id);
  moveTo(ctx, c, 'referOut', { handlingCommitteeId: null });
  recordHistory(
    ctx,
    c.id,
    '转出',
    [],
    `${referralRouteLabels[input.route]}${input.receivingBody ? `（${input.receivingBody}）` : ''}；已告知：${input.told}`,
  );
  ctx.audit.detail = `${c.caseNumber}：${referralRouteLabels[input.route]}`;
}
