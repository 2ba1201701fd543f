import { z } from 'zod';
import { id } from './common';
import { longText, textRule } from './freeText';
import { monthField } from './screening';

// 以案定补 (issue 15): grades and rates per year, the grade of each case (proposed from the case,
// set or confirmed by the county reviewer), eligibility, and settlements per period that are
// approved, locked and exported; later corrections are adjustments in a later period.

export const subsidyGrades = ['simple', 'general', 'difficult', 'major'] as const;
export type SubsidyGrade = (typeof subsidyGrades)[number];
export const subsidyGradeLabels: Record<SubsidyGrade, string> = {
  simple: '简易',
  general: '一般',
  difficult: '疑难复杂',
  major: '重大',
};

const yearField = z.number().int().min(2000).max(2100).describe('年度');

export const subsidyRulesDto = z.strictObject({
  year: yearField,
  /** Per case, in fen. */
  rates: z.strictObject(
    Object.fromEntries(
      subsidyGrades.map((g) => [
        g,
        z
          .number({ error: `请填写${subsidyGradeLabels[g]}案件的补贴标准` })
          .int()
          .min(0, '补贴标准不能为负数')
          .max(10_000_000, '补贴标准过大')
          .describe(`${subsidyGradeLabels[g]}补贴标准（分）`),
      ]),
    ) as Record<SubsidyGrade, z.ZodNumber>,
  ),
  /** Cases settled by an oral agreement are paid this share of the rate. */
  oralPercent: z.number().int().min(0).max(100).describe('口头协议案件补贴比例（%）'),
  /** Cases of sector committees (行业性专业性) are paid this share (0: paid from their own funds). */
  sectorPercent: z.number().int().min(0).max(100).describe('行业性专业性调委会案件补贴比例（%）'),
  /** Dispute types that make a case at least 一般 (e.g. 医疗, 征地拆迁). */
  complexTypes: z
    .array(z.string().check(textRule('纠纷类型')).min(1).max(40))
    .max(40)
    .describe('按一般以上定级的纠纷类型'),
});
export type SubsidyRulesDto = z.infer<typeof subsidyRulesDto>;

export const subsidyCaseDto = z.object({
  caseId: id,
  caseNumber: z.string(),
  partyNames: z.string(),
  committeeName: z.string(),
  closedOn: z.string().nullable(),
  proposed: z.enum(subsidyGrades),
  /** Why the grade was proposed: the facts it was read from. */
  basis: z.string(),
  grade: z.enum(subsidyGrades).nullable(),
  gradeReason: z.string().nullable(),
  gradeSetBy: z.string().nullable(),
  eligible: z.boolean(),
  /** An ineligible case says why. */
  reasons: z.array(z.string()),
  paid: z.boolean(),
});
export type SubsidyCaseDto = z.infer<typeof subsidyCaseDto>;

export const setGradeInput = z.strictObject({
  caseId: id,
  grade: z.enum(subsidyGrades, { error: '请选择案件等级' }).describe('案件等级'),
  reason: z
    .preprocess((v) => (v === '' ? undefined : v), longText('调整理由', 300, 4).optional())
    .describe('调整理由'),
});

export const settlementLineDto = z.object({
  caseId: id,
  caseNumber: z.string(),
  mediatorName: z.string(),
  committeeName: z.string(),
  kind: z.enum(['case', 'adjustment']),
  grade: z.enum(subsidyGrades),
  amountFen: z.number().int(),
  note: z.string().nullable(),
});

export const settlementDto = z.object({
  id: id.nullable(),
  period: z.string(),
  state: z.enum(['none', 'draft', 'locked']),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  lines: z.array(settlementLineDto),
  byMediator: z.array(
    z.object({
      mediatorName: z.string(),
      committeeName: z.string(),
      cases: z.number(),
      amountFen: z.number().int(),
    }),
  ),
  byCommittee: z.array(
    z.object({ committeeName: z.string(), cases: z.number(), amountFen: z.number().int() }),
  ),
  totalFen: z.number().int(),
});
export type SettlementDto = z.infer<typeof settlementDto>;

export const periodInput = z.strictObject({ period: monthField });
export const subsidyYearInput = z.strictObject({ year: yearField });
