import { z } from 'zod';
import { id, text } from './common';
import { calendarDate } from './dates';
import { longText } from './freeText';

// Dispatch: sending a case to a committee and its mediators, the committee's answer, transfer,
// escalation, referral out, and the ranked suggestions with their conflict reasons (回避).

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const assignmentModes = ['assigned', 'chosen_by_parties'] as const;
export const assignmentModeLabels: Record<(typeof assignmentModes)[number], string> = {
  assigned: '调委会指派',
  chosen_by_parties: '当事人选定',
};

export const conflictOverride = z.strictObject({
  mediatorId: id,
  reason: longText('回避例外理由', 200, 6),
});

export const dispatchInput = z.strictObject({
  caseId: id,
  committeeId: id.describe('承办调委会'),
  mediatorIds: z.array(id).min(1, '请至少指派一名调解员').max(5, '最多指派5名调解员').describe('调解员'),
  leadMediatorId: id.describe('主持调解员'),
  mode: z.enum(assignmentModes).default('assigned').describe('指派方式'),
  overrides: z.array(conflictOverride).max(5).default([]).describe('回避例外'),
  note: optional(longText('分流说明', 200)).describe('分流说明'),
});
export type DispatchInput = z.input<typeof dispatchInput>;

export const respondInput = z.strictObject({
  caseId: id,
  accept: z.boolean(),
  reason: optional(longText('退回理由', 200, 4)).describe('退回理由'),
});

export const escalateInput = z.strictObject({ caseId: id, riskNote: longText('上报理由及风险说明', 500, 6) });

export const referralRoutes = ['litigation', 'arbitration', 'administrative', 'petition', 'police'] as const;
export type ReferralRoute = (typeof referralRoutes)[number];
export const referralRouteLabels: Record<ReferralRoute, string> = {
  litigation: '向人民法院起诉',
  arbitration: '申请仲裁',
  administrative: '申请行政裁决或行政处理',
  petition: '信访渠道',
  police: '移送公安机关',
};

export const referOutInput = z.strictObject({
  caseId: id,
  route: z.enum(referralRoutes, { error: '请选择转出途径' }).describe('转出途径'),
  receivingBody: optional(text('接收机关', 60)).describe('接收机关'),
  told: longText('告知当事人的内容', 500, 4),
  referredOn: calendarDate('转出日期', { min: '2000-01-01', notFuture: true }),
});

export const scoredCommittee = z.object({
  id,
  name: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
});
export const scoredMediator = z.object({
  id,
  name: z.string(),
  employment: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  openCases: z.number().int(),
  /** Non-empty: this mediator must stand aside (回避) unless overridden with a written reason. */
  conflicts: z.array(z.string()),
  committeeIds: z.array(id),
});
export type ScoredMediator = z.infer<typeof scoredMediator>;
export const suggestionDto = z.object({
  committees: z.array(scoredCommittee),
  mediators: z.array(scoredMediator),
});
