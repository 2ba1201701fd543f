import type { z } from 'zod';
import {
  confirmationOutcomeLabels,
  subjectMatterLabels,
  type recordConfirmationRulingInput,
} from '../../contract';
import { recordHistory } from '../cases/history';
import type { ServiceContext } from '../context';
import { today } from '../dates';
import { ConflictError, NotFoundError } from '../errors';
import { CASE_NOT_FOUND } from '../scope';
import { between } from './agreement';

// 司法确认结果: after the parties applied jointly (the application the desk prints), the court
// accepts or not, then rules within 15 days (法释〔2011〕5号 Arts. 4–5). The desk records what came
// back so the county can count the agreements a court confirmed, and a mediator knows whether the
// other party can go straight to enforcement. A later answer (a correction, or a ruling after a
// withdrawal was noted) replaces the recorded one; the case history keeps both.

export function recordConfirmationRuling(
  ctx: ServiceContext,
  input: z.output<typeof recordConfirmationRulingInput>,
): void {
  const c = ctx.repos.cases.byId(input.caseId);
  if (!c) throw new NotFoundError(CASE_NOT_FOUND);
  ctx.audit.target = c.id;
  const agreement = ctx.repos.workflow.agreement(c.id);
  if (!agreement) throw new ConflictError('本案尚未登记调解协议，不能登记司法确认结果');
  if (agreement.kind === 'oral') throw new ConflictError('口头协议不能申请司法确认');
  if (c.source === 'court_entrusted')
    throw new ConflictError('法院委托调解的案件由委托法院审查协议，不适用司法确认');
  if (agreement.subjectMatter !== 'ordinary')
    throw new ConflictError(
      `涉及${subjectMatterLabels[agreement.subjectMatter as keyof typeof subjectMatterLabels]}的协议人民法院不予司法确认`,
    );
  if (!agreement.effectiveOn) throw new ConflictError('协议尚未生效：请先登记协议生效日期');
  between(
    'ruledOn',
    '处理日期',
    input.ruledOn,
    agreement.effectiveOn,
    today(ctx.clock),
    '须在协议生效日期与今天之间',
  );
  const rulingNumber = input.rulingNumber ?? null;
  const before = agreement.confirmationOutcome
    ? `${confirmationOutcomeLabels[agreement.confirmationOutcome as keyof typeof confirmationOutcomeLabels]}（${agreement.confirmationCourt ?? ''}，${agreement.confirmationRuledOn ?? ''}${agreement.confirmationRulingNumber ? `，${agreement.confirmationRulingNumber}` : ''}）`
    : '（空）';
  const after = `${confirmationOutcomeLabels[input.outcome]}（${input.court}，${input.ruledOn}${rulingNumber ? `，${rulingNumber}` : ''}）`;
  if (before === after) return;
  ctx.repos.workflow.updateAgreement({
    ...agreement,
    confirmationCourt: input.court,
    confirmationOutcome: input.outcome,
    confirmationRuledOn: input.ruledOn,
    confirmationRulingNumber: rulingNumber,
    updatedAt: ctx.clock.now().toISOString(),
    version: agreement.version + 1,
  });
  recordHistory(ctx, c.id, '登记司法确认结果', [{ field: '司法确认结果', before, after }], null);
  ctx.audit.detail = `${c.caseNumber}：${after}`;
}
