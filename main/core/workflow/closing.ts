import type { z } from 'zod';
import {
  referralRouteLabels,
  terminationKindLabels,
  type extendDeadlineInput,
  type informRoutesInput,
  type riskReportInput,
  type terminateInput,
} from '../../contract';
import type { ServiceContext } from '../context';
import { addDays, today } from '../dates';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { recordHistory } from '../cases/history';
import { getSettings } from '../settings/service';
import { mediationDeadline } from './deadlines';
import { caseFor, moveTo } from './guard';
import { saveOutcome } from './outcome';
import { newRecord } from '../newRecord';
import { CASE_NOT_FOUND } from '../scope';

// Ending a mediation that failed (Law Art. 26: end it and tell the parties the other routes),
// closing a case, the 民转刑 risk report, and extending the time limit with the parties' consent.

export function terminate(ctx: ServiceContext, input: z.output<typeof terminateInput>): void {
  const c = caseFor(ctx, input.caseId, 'terminate');
  if (input.terminatedOn > today(ctx.clock) || input.terminatedOn < c.receivedOn) {
    throw ValidationError.field(['terminatedOn'], '终止日期', '须在受理日期与今天之间');
  }
  saveOutcome(ctx, c.id, {
    terminationKind: input.kind,
    terminationReason: input.reason,
    terminatedOn: input.terminatedOn,
  });
  moveTo(ctx, c, 'terminate');
  recordHistory(ctx, c.id, '终止调解', [], `${terminationKindLabels[input.kind]}：${input.reason}`);
  ctx.audit.detail = `${c.caseNumber}：${terminationKindLabels[input.kind]}`;
}

export function informRoutes(ctx: ServiceContext, input: z.output<typeof informRoutesInput>): void {
  const c = caseFor(ctx, input.caseId, 'informRoutes');
  const outcome = ctx.repos.workflow.outcome(c.id);
  if (outcome?.terminatedOn && input.toldOn < outcome.terminatedOn) {
    throw ValidationError.field(['toldOn'], '告知日期', '不能早于终止调解日期');
  }
  if (input.toldOn > today(ctx.clock)) throw ValidationError.field(['toldOn'], '告知日期', '不能晚于今天');
  saveOutcome(ctx, c.id, {
    informedRoutes: JSON.stringify(input.routes),
    informedHow: input.how,
    informedOn: input.toldOn,
    informedNote: input.note ?? null,
  });
  moveTo(ctx, c, 'informRoutes');
  recordHistory(
    ctx,
    c.id,
    '告知其他途径',
    [],
    `${input.routes.map((r) => referralRouteLabels[r]).join('、')}（${input.how}）`,
  );
  ctx.audit.detail = `${c.caseNumber}：告知${input.routes.map((r) => referralRouteLabels[r]).join('、')}`;
}

export function closeCase(ctx: ServiceContext, input: { caseId: string; note?: string | undefined }): void {
  const c = caseFor(ctx, input.caseId, 'close');
  if (
    (JSON.parse(c.riskFlags) as string[]).includes('criminal') &&
    ctx.repos.workflow.riskReports(c.id).length === 0
  ) {
    throw new ConflictError('该案件标记为“可能民转刑”：结案前须登记向公安机关报告的情况或未报告的理由');
  }
  if (c.status === 'visited') {
    const visits = ctx.repos.workflow.visits(c.id);
    const last = visits.filter((v) => v.visitedOn).at(-1);
    if (!last) throw new ConflictError('结案前须完成回访');
    if (last.performanceStatus !== 'performed' && !input.note) {
      throw ValidationError.field(
        ['note'],
        '结案说明',
        '协议尚未全部履行，结案须说明理由（如已告知当事人可申请强制执行或起诉）',
      );
    }
  }
  saveOutcome(ctx, c.id, { closedOn: today(ctx.clock), closeNote: input.note ?? null });
  moveTo(ctx, c, 'close');
  recordHistory(ctx, c.id, '结案', [], input.note ?? null);
  ctx.audit.detail = `${c.caseNumber}：结案`;
}

export function riskReport(ctx: ServiceContext, input: z.output<typeof riskReportInput>): void {
  const c = ctx.repos.cases.byId(input.caseId);
  if (!c) throw new NotFoundError(CASE_NOT_FOUND);
  ctx.audit.target = c.id;
  if (input.reportedAt && Date.parse(input.reportedAt) > ctx.clock.now().getTime()) {
    throw ValidationError.field(['reportedAt'], '报告时间', '不能晚于现在');
  }
  const now = ctx.clock.now().toISOString();
  ctx.repos.workflow.insertRiskReport({
    ...newRecord(ctx, now),
    caseId: c.id,
    reported: input.reported,
    reportedTo: input.reportedTo ?? null,
    reportedBy: input.reportedBy ?? null,
    reportedAt: input.reportedAt ?? null,
    reasonNotReported: input.reasonNotReported ?? null,
    recordedByName: ctx.actor.displayName,
  });
  const note = input.reported
    ? `已由${input.reportedBy}报告${input.reportedTo}`
    : `未报告：${input.reasonNotReported}`;
  recordHistory(ctx, c.id, '民转刑风险报告', [], note);
  ctx.audit.detail = `${c.caseNumber}：${note}`;
}

export async function extendDeadline(
  ctx: ServiceContext,
  input: z.output<typeof extendDeadlineInput>,
): Promise<void> {
  const c = ctx.repos.cases.byId(input.caseId);
  if (!c) throw new NotFoundError(CASE_NOT_FOUND);
  ctx.audit.target = c.id;
  if (!['accepted', 'dispatched', 'mediating'].includes(c.status))
    throw new ConflictError('只有调解结束前的案件可以延长调解期限');
  const columns = ctx.repos.workflow.caseWorkflowColumns(c.id)!;
  const settings = await getSettings(ctx.repos);
  const before = mediationDeadline({ ...c, ...columns }, settings);
  const after = addDays(before, input.days);
  const now = ctx.clock.now().toISOString();
  ctx.repos.workflow.insertExtension({
    ...newRecord(ctx, now),
    caseId: c.id,
    days: input.days,
    consent: input.consent,
    byName: ctx.actor.displayName,
  });
  ctx.repos.workflow.setCaseState(c.id, { mediationDeadline: after }, now);
  recordHistory(
    ctx,
    c.id,
    '延长调解期限',
    [{ field: '调解期限', before, after }],
    `当事人同意：${input.consent}`,
  );
  ctx.audit.detail = `${c.caseNumber}：延长${input.days}天至${after}`;
}
