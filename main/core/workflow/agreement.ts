import type { z } from 'zod';
import type { AgreementRow, CaseRow } from '../../../db';
import {
  agreementKindLabels,
  performanceStatusLabels,
  type recordAgreementInput,
  type recordVisitInput,
  type SettingsDto,
} from '../../contract';
import type { ServiceContext } from '../context';
import { addDays, today } from '../dates';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { recordHistory } from '../cases/history';
import { getSettings } from '../settings/service';
import { confirmationDeadline, visitDueOn } from './deadlines';
import { caseFor, moveTo } from './guard';
import { newRecord } from '../newRecord';
import { CASE_NOT_FOUND } from '../scope';

// The agreement (Law Arts. 28–30): written or oral, numbered terms, how, where and by when it is
// performed. It takes effect when the last party signed and the seal was applied (written) or
// the day it was reached (oral). A return visit is scheduled after the performance deadline.

export function between(
  field: string,
  label: string,
  value: string,
  from: string,
  to: string,
  why: string,
): void {
  if (value < from || value > to) throw ValidationError.field([field], label, why);
}

function scheduleVisit(ctx: ServiceContext, c: CaseRow, agreement: AgreementRow, dueOn: string): void {
  const now = ctx.clock.now().toISOString();
  ctx.repos.workflow.insertVisit({
    ...newRecord(ctx, now),
    caseId: c.id,
    agreementId: agreement.id,
    dueOn,
    visitedOn: null,
    visitor: null,
    performanceStatus: null,
    satisfaction: null,
    escalationSigns: false,
    courtAction: false,
    situation: null,
    measures: null,
  });
}

export async function recordAgreement(
  ctx: ServiceContext,
  input: z.output<typeof recordAgreementInput>,
): Promise<void> {
  const c = caseFor(ctx, input.caseId, 'recordAgreement');
  if (ctx.repos.workflow.agreement(c.id)) throw new ConflictError('本案已登记调解协议');
  const now = today(ctx.clock);
  between(
    'reachedOn',
    '达成日期',
    input.reachedOn,
    c.receivedOn,
    now,
    `须在受理日期（${c.receivedOn}）与今天之间`,
  );
  if (input.performanceDeadline < input.reachedOn) {
    throw ValidationError.field(['performanceDeadline'], '履行期限', '不能早于协议达成日期');
  }
  let effectiveOn: string | null = null;
  if (input.kind === 'oral') {
    if (input.effectiveOn && input.effectiveOn !== input.reachedOn) {
      throw ValidationError.field(
        ['effectiveOn'],
        '生效日期',
        '口头协议自达成之日起生效（人民调解法第三十条）',
      );
    }
    effectiveOn = input.reachedOn;
  } else if (input.effectiveOn) {
    between(
      'effectiveOn',
      '生效日期',
      input.effectiveOn,
      input.reachedOn,
      now,
      '须在达成日期与今天之间（各方签名、盖章之日）',
    );
    effectiveOn = input.effectiveOn;
  }
  const stamp = ctx.clock.now().toISOString();
  const agreement: AgreementRow = {
    ...newRecord(ctx, stamp),
    caseId: c.id,
    kind: input.kind,
    // The handling committee's number when it accepted a dispatched case, else the intake number.
    number: ctx.repos.workflow.caseWorkflowColumns(c.id)?.handlingNumber ?? c.caseNumber,
    facts: input.facts,
    responsibility: input.responsibility ?? null,
    terms: JSON.stringify(input.terms),
    performanceManner: input.performanceManner,
    performancePlace: input.performancePlace,
    performanceDeadline: input.performanceDeadline,
    amountFen: input.amountFen ?? null,
    reachedOn: input.reachedOn,
    effectiveOn,
    subjectMatter: input.subjectMatter,
    confirmationCourt: null,
    confirmationOutcome: null,
    confirmationRuledOn: null,
    confirmationRulingNumber: null,
  };
  ctx.repos.workflow.insertAgreement(agreement);
  const settings: SettingsDto = await getSettings(ctx.repos);
  scheduleVisit(ctx, c, agreement, visitDueOn(input.performanceDeadline, settings));
  moveTo(ctx, c, 'recordAgreement');
  recordHistory(
    ctx,
    c.id,
    `登记${agreementKindLabels[input.kind]}`,
    [],
    `${input.terms.length}条协议内容；履行期限${input.performanceDeadline}${effectiveOn ? `；${effectiveOn}生效，司法确认申请截止${confirmationDeadline(effectiveOn)}` : ''}`,
  );
  ctx.audit.detail = `${c.caseNumber}：${agreementKindLabels[input.kind]}`;
}

export function setEffective(ctx: ServiceContext, input: { caseId: string; effectiveOn: string }): void {
  const c = ctx.repos.cases.byId(input.caseId);
  if (!c) throw new NotFoundError(CASE_NOT_FOUND);
  ctx.audit.target = c.id;
  const agreement = ctx.repos.workflow.agreement(c.id);
  if (!agreement) throw new ConflictError('本案尚未登记调解协议');
  if (agreement.kind === 'oral') throw new ConflictError('口头协议自达成之日起生效，无需另行登记');
  between(
    'effectiveOn',
    '生效日期',
    input.effectiveOn,
    agreement.reachedOn,
    today(ctx.clock),
    '须在达成日期与今天之间（各方签名、盖章之日）',
  );
  ctx.repos.workflow.updateAgreement({
    ...agreement,
    effectiveOn: input.effectiveOn,
    updatedAt: ctx.clock.now().toISOString(),
    version: agreement.version + 1,
  });
  recordHistory(
    ctx,
    c.id,
    '登记协议生效',
    [{ field: '生效日期', before: agreement.effectiveOn ?? '（空）', after: input.effectiveOn }],
    `司法确认申请截止${confirmationDeadline(input.effectiveOn)}`,
  );
  ctx.audit.detail = `${c.caseNumber}：${input.effectiveOn}生效`;
}

export function beginPerformance(ctx: ServiceContext, caseId: string): void {
  const c = caseFor(ctx, caseId, 'beginPerformance');
  moveTo(ctx, c, 'beginPerformance');
  recordHistory(ctx, c.id, '进入履行期', [], null);
}

/** Fills the earliest scheduled visit (or adds one); a visit that finds the agreement unperformed schedules the next. */
export async function recordVisit(
  ctx: ServiceContext,
  input: z.output<typeof recordVisitInput>,
): Promise<void> {
  const c = caseFor(ctx, input.caseId, 'recordVisit');
  const agreement = ctx.repos.workflow.agreement(c.id);
  if (!agreement) throw new ConflictError('本案尚未登记调解协议');
  between(
    'visitedOn',
    '回访日期',
    input.visitedOn,
    agreement.reachedOn,
    today(ctx.clock),
    '须在协议达成日期与今天之间',
  );
  const now = ctx.clock.now().toISOString();
  const pending = ctx.repos.workflow.visits(c.id).find((v) => !v.visitedOn);
  const fields = {
    visitedOn: input.visitedOn,
    visitor: input.visitor,
    performanceStatus: input.performanceStatus,
    satisfaction: input.satisfaction,
    escalationSigns: input.escalationSigns,
    courtAction: input.courtAction,
    situation: input.situation,
    measures: input.measures ?? null,
  };
  if (pending) {
    ctx.repos.workflow.updateVisit({ ...pending, ...fields, updatedAt: now, version: pending.version + 1 });
  } else {
    ctx.repos.workflow.insertVisit({
      ...newRecord(ctx, now),
      caseId: c.id,
      agreementId: agreement.id,
      dueOn: input.visitedOn,
      ...fields,
    });
  }
  if (
    input.performanceStatus === 'partly' ||
    input.performanceStatus === 'not_performed' ||
    input.performanceStatus === 'not_due'
  ) {
    const settings = await getSettings(ctx.repos);
    scheduleVisit(ctx, c, agreement, addDays(input.visitedOn, settings.returnVisitDelayDays));
  }
  moveTo(ctx, c, 'recordVisit');
  recordHistory(
    ctx,
    c.id,
    '回访',
    [],
    `${performanceStatusLabels[input.performanceStatus]}${input.escalationSigns ? '；有激化迹象' : ''}`,
  );
  ctx.audit.detail = `${c.caseNumber}：回访，${performanceStatusLabels[input.performanceStatus]}`;
}
