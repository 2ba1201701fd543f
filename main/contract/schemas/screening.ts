import { z } from 'zod';
import { createCaseInput } from './cases';
import { organisationKinds } from './catalog';
import { id, text } from './common';
import { calendarDate } from './dates';
import { longText, textRule } from './freeText';

// 两排查一分析 (issue 15): screening rounds (排查) with what they found, the cadence each kind of
// organisation keeps, and the monthly analysis note (一分析).

export const screeningMethods = ['general', 'focused', 'concentrated'] as const;
export type ScreeningMethod = (typeof screeningMethods)[number];
export const screeningMethodLabels: Record<ScreeningMethod, string> = {
  general: '普遍排查',
  focused: '重点排查',
  concentrated: '集中排查',
};

export const findingKinds = ['dispute', 'risk'] as const;
export const findingKindLabels: Record<(typeof findingKinds)[number], string> = {
  dispute: '矛盾纠纷',
  risk: '风险隐患',
};

/** What became of a finding: registered as a case (source 主动调解), linked, settled on the spot, watched. */
export const findingDispositions = ['new_case', 'linked', 'resolved', 'watch'] as const;
export type FindingDisposition = (typeof findingDispositions)[number];
export const findingDispositionLabels: Record<FindingDisposition, string> = {
  new_case: '登记为案件（主动调解）',
  linked: '关联已有案件',
  resolved: '已化解',
  watch: '持续关注',
};

/** The case a finding becomes: the intake form's fields; the source is always 主动调解. */
export const findingCaseInput = createCaseInput.omit({ source: true });

export const findingInput = z
  .strictObject({
    kind: z.enum(findingKinds, { error: '请选择排查到的是纠纷还是风险隐患' }).describe('类别'),
    summary: longText('排查情况', 1000, 4),
    disposition: z.enum(findingDispositions, { error: '请选择处理方式' }).describe('处理方式'),
    caseId: id.optional().describe('关联案件'),
    newCase: findingCaseInput.optional().describe('登记案件'),
    note: z
      .preprocess((v) => (v === '' ? undefined : v), longText('处理情况', 500).optional())
      .describe('处理情况'),
  })
  .superRefine((f, ctx) => {
    if (f.disposition === 'linked' && !f.caseId)
      ctx.addIssue({ code: 'custom', path: ['caseId'], message: '关联已有案件：请选择案件' });
    if (f.disposition === 'new_case' && !f.newCase)
      ctx.addIssue({ code: 'custom', path: ['newCase'], message: '登记为案件：请填写案件登记信息' });
    if (f.disposition !== 'linked' && f.caseId)
      ctx.addIssue({ code: 'custom', path: ['caseId'], message: '只有“关联已有案件”才选择案件' });
    if (f.disposition !== 'new_case' && f.newCase)
      ctx.addIssue({ code: 'custom', path: ['newCase'], message: '只有“登记为案件”才填写案件登记信息' });
    if ((f.disposition === 'resolved' || f.disposition === 'watch') && !f.note)
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: f.disposition === 'resolved' ? '已化解：请写明如何化解' : '持续关注：请写明关注措施',
      });
  });
export type FindingInput = z.input<typeof findingInput>;

export const recordRoundInput = z.strictObject({
  organisationId: id.describe('排查组织'),
  heldOn: calendarDate('排查日期', { min: '2000-01-01', notFuture: true }),
  conductedBy: text('排查人员', 100, 2),
  method: z.enum(screeningMethods, { error: '请选择排查方式' }).describe('排查方式'),
  area: text('排查范围', 200, 2),
  /** Empty = 零报告: the round found nothing, which is a valid round. */
  findings: z.array(findingInput).max(50, '一次排查最多登记50条').default([]).describe('排查发现'),
});
export type RecordRoundInput = z.input<typeof recordRoundInput>;

export const findingDto = z.object({
  id,
  seq: z.number().int(),
  kind: z.enum(findingKinds),
  summary: z.string(),
  disposition: z.enum(findingDispositions),
  caseId: id.nullable(),
  caseNumber: z.string().nullable(),
  note: z.string().nullable(),
});

export const roundDto = z.object({
  id,
  organisationId: id,
  organisationName: z.string(),
  heldOn: z.string(),
  conductedBy: z.string(),
  method: z.enum(screeningMethods),
  area: z.string(),
  zeroReport: z.boolean(),
  recordedByName: z.string(),
  findings: z.array(findingDto),
});
export type RoundDto = z.infer<typeof roundDto>;

export const listRoundsInput = z.strictObject({
  organisationId: id.optional().describe('排查组织'),
  from: calendarDate('起始日期').optional(),
  to: calendarDate('截止日期').optional(),
});

export const cadenceUnits = ['none', 'week', 'half_month', 'month'] as const;
export type CadenceUnit = (typeof cadenceUnits)[number];
export const cadenceUnitLabels: Record<CadenceUnit, string> = {
  none: '不要求',
  week: '每周',
  half_month: '每半月',
  month: '每月',
};

export const cadenceDto = z.strictObject({
  kinds: z.strictObject(
    Object.fromEntries(
      organisationKinds.map((k) => [k, z.enum(cadenceUnits, { error: '请选择排查频次' })]),
    ) as Record<(typeof organisationKinds)[number], z.ZodEnum<{ [K in CadenceUnit]: K }>>,
  ),
});
export type CadenceDto = z.infer<typeof cadenceDto>;

export const screeningStates = ['done', 'due', 'overdue'] as const;
export type ScreeningState = (typeof screeningStates)[number];

/** One organisation's place in its screening cycle. */
export const screeningDueRow = z.object({
  organisationId: id,
  organisationName: z.string(),
  cadence: z.enum(cadenceUnits),
  /** The current period, e.g. 2026-11-16 … 2026-11-30. */
  periodFrom: z.string(),
  periodTo: z.string(),
  lastHeldOn: z.string().nullable(),
  /** done: a round in this period; due: none yet, the period ends on periodTo; overdue: the last period passed without one. */
  state: z.enum(screeningStates),
  /** overdue: the period that was missed. */
  missedFrom: z.string().nullable(),
  missedTo: z.string().nullable(),
});
export type ScreeningDueRow = z.infer<typeof screeningDueRow>;
export const screeningDueDto = z.object({ today: z.string(), rows: z.array(screeningDueRow) });

export const monthField = z
  .string({ error: '请选择月份' })
  .check(textRule('月份'))
  .regex(/^(20\d\d)-(0[1-9]|1[0-2])$/, '月份格式应为“2026-11”')
  .describe('月份');

export const analysisKey = z.strictObject({ organisationId: id.describe('组织'), month: monthField });

export const analysisFigures = z.object({
  rounds: z.number().int(),
  zeroReports: z.number().int(),
  findings: z.number().int(),
  disputes: z.number().int(),
  risks: z.number().int(),
  becameCases: z.number().int(),
  linked: z.number().int(),
  resolved: z.number().int(),
  watched: z.number().int(),
  casesReceived: z.number().int(),
  casesProactive: z.number().int(),
  /** The dispute types received most often this month. */
  topTypes: z.array(z.object({ name: z.string(), count: z.number().int() })),
});
export type AnalysisFigures = z.infer<typeof analysisFigures>;

export const analysisDto = z.object({
  organisationId: id,
  organisationName: z.string(),
  month: z.string(),
  figures: analysisFigures,
  previous: analysisFigures,
  judgement: z.string().nullable(),
  measures: z.string().nullable(),
  writtenByName: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type AnalysisDto = z.infer<typeof analysisDto>;

export const saveAnalysisInput = analysisKey.extend({
  judgement: longText('形势研判', 4000, 10),
  measures: longText('工作措施', 4000, 4),
});
