import type { CaseRow } from '../../../db';
import {
  caseSourceLabels,
  formatFen,
  riskFlagLabels,
  riskLevelLabels,
  type CaseDetail,
  type CaseSource,
  type RiskFlag,
  type RiskLevel,
  type updateCaseInput,
} from '../../contract';
import type { z } from 'zod';
import type { ServiceContext } from '../context';
import { ConflictError, NotFoundError } from '../errors';
import { requireDisputeType, requireTownship } from './catalog';
import { diff, plain, recordHistory, type FieldChange } from './history';
import { partyChanges } from './partyChanges';
import { checkCaseDates, linkParties, referringCourtOf, resolveAll } from './intake';
import { caseSearchText, partyNamesOf } from './searchIndex';
import { conflictsOf } from '../workflow/conflicts';
import { caseDetail, casePartiesOf } from './view';
import { CASE_NOT_FOUND } from '../scope';

// Correcting a registration. Every change is kept as history on the case (field, before,
// after), so what was first recorded is never lost.

const editable: CaseRow['status'][] = ['accepted', 'dispatched', 'mediating'];

function mustLoad(ctx: ServiceContext, id: string): CaseRow {
  const row = ctx.repos.cases.byId(id);
  if (!row) throw new NotFoundError(CASE_NOT_FOUND);
  ctx.audit.target = id;
  return row;
}

export async function updateCase(
  ctx: ServiceContext,
  input: z.output<typeof updateCaseInput>,
): Promise<CaseDetail> {
  const before = mustLoad(ctx, input.id);
  if (before.version !== input.version) throw new ConflictError('该案件刚被他人修改，请刷新后重新修改');
  if (!editable.includes(before.status))
    throw new ConflictError('案件已进入调解结果阶段，登记信息不能再修改');
  const disputeType = await requireDisputeType(ctx.repos, input.disputeType);
  requireTownship(input.township);
  await checkCaseDates(ctx, input.receivedOn);
  if (input.receivedOn.slice(0, 4) !== before.receivedOn.slice(0, 4)) {
    throw new ConflictError('受理日期不能改到其他年度（案号按年度编排），如确需更改请作废后重新登记');
  }

  const now = ctx.clock.now().toISOString();
  const oldParties = casePartiesOf(ctx.repos, before.id);
  const { rows: partyRows } = resolveAll(
    ctx,
    input.parties,
    now,
    new Set(oldParties.map((p) => p.link.partyId)),
  );
  const keep = new Map(oldParties.map((p) => [p.link.id, p.link]));
  const linked = linkParties(ctx, before.id, input.parties, partyRows, now, keep);
  const kept = new Set(linked.map((l) => l.link.id));
  for (const old of oldParties) if (!kept.has(old.link.id)) ctx.repos.cases.removeParty(old.link.id, now);

  const after: CaseRow = {
    ...before,
    updatedAt: now,
    disputeType: disputeType.code,
    source: input.source,
    township: input.township,
    village: input.village ?? null,
    receivedOn: input.receivedOn,
    summary: input.summary,
    requests: input.requests,
    amountFen: input.amountFen ?? null,
    riskLevel: input.riskLevel,
    riskFlags: JSON.stringify(input.riskFlags),
    partyNames: partyNamesOf(linked.map((l) => ({ name: l.party.name, role: l.link.role }))),
    referringCourt: referringCourtOf(input),
  };
  if (!ctx.repos.cases.update(after, input.version))
    throw new ConflictError('该案件刚被他人修改，请刷新后重新修改');

  const types = new Map((await ctx.repos.catalog.disputeTypes()).map((t) => [t.code, t.name]));
  const changes: FieldChange[] = diff(
    before,
    after,
    {
      disputeType: '纠纷类型',
      source: '案件来源',
      township: '乡镇',
      village: '村（社区）',
      receivedOn: '受理日期',
      summary: '纠纷简要情况',
      requests: '申请事项',
      amountFen: '涉及金额',
      riskLevel: '风险等级',
      riskFlags: '风险标记',
      partyNames: '当事人',
      referringCourt: '委派（委托）法院',
    },
    (key, raw) => {
      if (raw === null || raw === undefined || raw === '') return '（空）';
      const value = plain(raw);
      if (key === 'disputeType') return types.get(value) ?? value;
      if (key === 'source') return caseSourceLabels[value as CaseSource];
      if (key === 'amountFen') return `${formatFen(Number(value))}元`;
      if (key === 'riskLevel') return riskLevelLabels[value as RiskLevel];
      if (key === 'riskFlags')
        return (JSON.parse(value) as RiskFlag[]).map((f) => riskFlagLabels[f]).join('、') || '（无）';
      return value;
    },
  );
  // Each party's changed fields, one line each (ID numbers masked); added and removed parties.
  changes.push(...partyChanges(oldParties, linked));
  const rowid = ctx.repos.cases.rowidOf(before.id)!;
  const handlingNumber = ctx.repos.workflow.caseWorkflowColumns(before.id)?.handlingNumber;
  ctx.repos.cases.setSearchTerms(
    rowid,
    caseSearchText(after, linked, disputeType.name, handlingNumber ? [handlingNumber] : []),
  );
  recordHistory(ctx, before.id, '修改登记信息', changes, input.reason ?? null);
  const recheck = recheckConflicts(ctx, before.id, linked);
  ctx.audit.detail = [
    `${before.caseNumber}：${changes.map((c) => c.field).join('、') || '无字段变化'}`,
    recheck,
  ]
    .filter(Boolean)
    .join('；');
  return caseDetail(ctx, before.id);
}

/**
 * The conflict check (回避) runs again when parties change: an assigned mediator who now must
 * stand aside (and had no written override) is noted on the case for the dispatcher.
 */
function recheckConflicts(
  ctx: ServiceContext,
  caseId: string,
  parties: ReturnType<typeof casePartiesOf>,
): string | null {
  const current = ctx.repos.workflow
    .assignments(caseId)
    .filter((a) => a.state === 'pending' || a.state === 'accepted')
    .at(-1);
  if (!current) return null;
  const found: string[] = [];
  for (const m of ctx.repos.workflow.assignmentMediators(current.id)) {
    const mediator = ctx.repos.mediators.byId(m.mediatorId);
    if (!mediator || m.overrideReason) continue;
    const conflicts = conflictsOf(mediator, parties);
    if (conflicts.length) found.push(`${mediator.name}须回避：${conflicts.join('；')}`);
  }
  if (!found.length) return null;
  const note = `当事人信息变更后复查回避：${found.join('；')}，请分流员重新指派`;
  recordHistory(ctx, caseId, '回避复查', [], note);
  return note;
}

/** Voids a registration made in error. The number stays in the ledger as voided, never reused. */
export async function voidCase(
  ctx: ServiceContext,
  input: { id: string; reason: string },
): Promise<CaseDetail> {
  const row = mustLoad(ctx, input.id);
  if (row.status !== 'accepted' && row.status !== 'dispatched') {
    throw new ConflictError('只有尚未开始调解的案件可以作废');
  }
  const now = ctx.clock.now().toISOString();
  const voided: CaseRow = { ...row, status: 'voided', voidReason: input.reason, updatedAt: now };
  if (!ctx.repos.cases.update(voided, row.version))
    throw new ConflictError('该案件刚被他人修改，请刷新后重试');
  ctx.repos.caseNumbers.void(row.caseNumber, now, input.reason);
  recordHistory(ctx, row.id, '作废', [{ field: '状态', before: '已受理', after: '已作废' }], input.reason);
  ctx.audit.detail = `作废 ${row.caseNumber}：${input.reason}`;
  return caseDetail(ctx, row.id);
}
