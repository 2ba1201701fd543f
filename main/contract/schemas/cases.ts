import { z } from 'zod';
import { statisticFilter } from './statistics';
import { caseSources, caseStatuses, courtProcedures, refusalReasons, riskFlags, riskLevels } from './catalog';
import { id, isoDateTime, pageQuery, paged, text } from './common';
import { referralRoutes } from './dispatch';
import { casePartyDto, partyInput, phoneField } from './parties';
import { calendarDate } from './dates';
import { longText, searchText, textRule } from './freeText';
import { parseAmount } from '../validation/amount';

/** Money as the clerk types it ("1.5万", "12,345.60") → integer fen; '' means none. */
export const amountField = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z
    .string({ error: '涉及金额须为文字' })
    .max(30, '涉及金额过长')
    .check(textRule('涉及金额'))
    .transform((raw, ctx) => {
      const result = parseAmount(raw);
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: result.message });
        return z.NEVER;
      }
      return result.fen;
    })
    .optional()
    .describe('涉及金额（元）'),
);

const caseFields = {
  disputeType: z
    .string({ error: '请选择纠纷类型' })
    .min(1, '请选择纠纷类型')
    .max(40)
    .check(textRule('纠纷类型'))
    .describe('纠纷类型'),
  source: z.enum(caseSources, { error: '请选择案件来源' }).describe('案件来源'),
  /** Court-entrusted (委托) cases: the court's procedure sets the time limit (15 or 7 days). */
  courtProcedure: z.enum(courtProcedures).optional().describe('法院审理程序'),
  /** Court-referred cases: the court that delegated or entrusted it (judicial confirmation goes there). */
  referringCourt: z
    .preprocess((v) => (v === '' ? undefined : v), text('委派（委托）法院', 40, 4).optional())
    .describe('委派（委托）法院'),
  township: text('纠纷发生地（乡镇）', 20, 2),
  village: z
    .preprocess((v) => (v === '' ? undefined : v), text('村（社区）', 30).optional())
    .describe('村（社区）'),
  receivedOn: calendarDate('受理日期', { min: '2000-01-01', notFuture: true }),
  summary: longText('纠纷简要情况', 4000, 5),
  requests: longText('当事人申请事项', 2000, 2),
  amountFen: amountField,
  riskLevel: z.enum(riskLevels, { error: '请选择风险等级' }).default('normal').describe('风险等级'),
  riskFlags: z
    .array(z.enum(riskFlags, { error: '风险标记不正确' }))
    .max(riskFlags.length)
    .default([])
    .describe('风险标记'),
};

const partiesField = z
  .array(partyInput)
  .min(2, '至少登记两方当事人')
  .max(50, '当事人不能超过50人')
  .superRefine((parties, ctx) => {
    if (!parties.some((p) => p.role === 'applicant'))
      ctx.addIssue({ code: 'custom', message: '请至少登记一名申请人' });
    if (!parties.some((p) => p.role === 'respondent'))
      ctx.addIssue({ code: 'custom', message: '请至少登记一名被申请人' });
  })
  .describe('当事人');

export const createCaseInput = z.strictObject({
  ...caseFields,
  committeeId: id.describe('受理调委会'),
  parties: partiesField,
  /** Earlier cases the clerk linked as related after the repeat warning. */
  relatedCaseIds: z.array(id).max(20).default([]).describe('关联案件'),
  /** Why the clerk went ahead although similar cases were found (audited). */
  repeatReason: z
    .preprocess((v) => (v === '' ? undefined : v), longText('继续登记的理由', 200, 4).optional())
    .describe('继续登记的理由'),
});
export type CreateCaseInput = z.input<typeof createCaseInput>;
export type ParsedCreateCaseInput = z.output<typeof createCaseInput>;

export const updateCaseInput = z.strictObject({
  id,
  version: z.number().int().min(1).describe('版本'),
  ...caseFields,
  parties: partiesField,
  reason: z
    .preprocess((v) => (v === '' ? undefined : v), longText('修改原因', 200).optional())
    .describe('修改原因'),
});
export type UpdateCaseInput = z.input<typeof updateCaseInput>;

export const repeatCheckInput = z.strictObject({
  township: searchText('乡镇', 20),
  parties: z
    .array(
      z.strictObject({
        name: searchText('姓名', 80),
        idNumber: searchText('证件号码', 40).optional(),
        creditCode: searchText('统一社会信用代码', 30).optional(),
      }),
    )
    .max(50),
  excludeCaseId: id.optional(),
});

export const repeatMatch = z.object({
  caseId: id,
  caseNumber: z.string(),
  status: z.enum(caseStatuses),
  receivedOn: z.string(),
  disputeTypeName: z.string(),
  township: z.string(),
  partyNames: z.string(),
  /** Why it matched, e.g. "同一证件号码：马某某" or "同乡镇同名当事人：张三". */
  reasons: z.array(z.string()),
});
export type RepeatMatch = z.infer<typeof repeatMatch>;

export const caseListItem = z.object({
  id,
  caseNumber: z.string(),
  status: z.enum(caseStatuses),
  disputeType: z.string(),
  disputeTypeName: z.string(),
  source: z.enum(caseSources),
  township: z.string(),
  village: z.string().nullable(),
  committeeName: z.string(),
  receivedOn: z.string(),
  receivedByName: z.string(),
  partyNames: z.string(),
  amountFen: z.number().int().nullable(),
  riskLevel: z.enum(riskLevels),
  /**
   * With a search: the party the case was found by (马玉兰, or 马玉兰（电话尾号7788）); the list
   * shows it first and highlights what matched. Never a full ID number.
   */
  matchedParty: z.string().nullable().optional(),
});
export type CaseListItem = z.infer<typeof caseListItem>;

export const caseSortKeys = ['receivedOn', 'caseNumber', 'amount'] as const;

export const listCasesInput = z.strictObject({
  ...pageQuery,
  query: searchText('搜索内容', 200).optional().describe('搜索'),
  statuses: z.array(z.enum(caseStatuses)).max(caseStatuses.length).optional().describe('状态'),
  disputeType: searchText('纠纷类型', 40).optional(),
  township: searchText('乡镇', 20).optional(),
  village: searchText('村（社区）', 30).optional(),
  committeeId: id.optional().describe('调委会'),
  receivedBy: id.optional().describe('登记人'),
  receivedFrom: calendarDate('受理日期起').optional(),
  receivedTo: calendarDate('受理日期止').optional(),
  sort: z.enum(caseSortKeys).default('receivedOn').describe('排序'),
  order: z.enum(['asc', 'desc']).default('desc').describe('排序方向'),
  // ── statistics (issue 15) ──
  /** The drill-down from 统计分析: exactly the cases one figure counted. */
  statistic: statisticFilter.optional().describe('统计项'),
});
export type ListCasesInput = z.input<typeof listCasesInput>;

export const casePage = paged(caseListItem);
export type CasePage = z.infer<typeof casePage>;

/**
 * The case list as an Excel file: exactly the rows the list shows for these conditions (every
 * page), ID numbers masked. download: the file comes back; saveAs: the desktop asks where.
 */
export const exportCasesInput = listCasesInput.omit({ page: true, pageSize: true }).extend({
  mode: z.enum(['download', 'saveAs'], { error: '请选择导出方式' }).describe('导出方式'),
});
export type ExportCasesInput = z.input<typeof exportCasesInput>;

export const caseExportDto = z.object({
  mode: z.enum(['download', 'saveAs']),
  /** false when the save dialog was closed. */
  done: z.boolean(),
  savedTo: z.string().nullable(),
  rows: z.number().int(),
  /** download: the .xlsx for the browser to save. */
  file: z
    .object({ fileName: z.string(), mimeType: z.string(), sha256: z.string(), dataBase64: z.string() })
    .nullable(),
});
export type CaseExportDto = z.infer<typeof caseExportDto>;

export const caseHistoryEntry = z.object({
  at: isoDateTime,
  actorName: z.string(),
  action: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
  note: z.string().nullable(),
});

export const relatedCase = z.object({
  caseId: id,
  caseNumber: z.string(),
  status: z.enum(caseStatuses),
  partyNames: z.string(),
  note: z.string().nullable(),
});

export const caseDetail = caseListItem.extend({
  version: z.number().int(),
  /** Whether this user may change the case (committee scope); their roles decide which steps. */
  writable: z.boolean(),
  committeeId: id,
  summary: z.string(),
  requests: z.string(),
  riskFlags: z.array(z.enum(riskFlags)),
  repeatReason: z.string().nullable(),
  voidReason: z.string().nullable(),
  referringCourt: z.string().nullable(),
  /** The handling committee's own number, given when it accepted the dispatched case (issue 10). */
  handlingNumber: z.string().nullable(),
  parties: z.array(casePartyDto),
  related: z.array(relatedCase),
  history: z.array(caseHistoryEntry),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const voidCaseInput = z.strictObject({ id, reason: longText('作废原因', 200, 4) });

export const revealIdInput = z.strictObject({
  caseId: id,
  casePartyId: id,
  agent: z.boolean().default(false),
});

export const refusalInput = z.strictObject({
  receivedOn: calendarDate('来访日期', { min: '2000-01-01', notFuture: true }),
  applicantName: text('来访人姓名', 40, 1),
  applicantPhone: phoneField,
  otherPartyName: z
    .preprocess((v) => (v === '' ? undefined : v), text('对方当事人', 80).optional())
    .describe('对方当事人'),
  township: text('乡镇', 20, 2),
  disputeType: z.string().min(1, '请选择纠纷类型').max(40).check(textRule('纠纷类型')).describe('纠纷类型'),
  summary: longText('纠纷简要情况', 2000, 5),
  reason: z.enum(refusalReasons, { error: '请选择不予受理的理由' }).describe('不予受理理由'),
  reasonDetail: z
    .preprocess((v) => (v === '' ? undefined : v), longText('具体说明', 500).optional())
    .describe('具体说明'),
  told: longText('告知当事人的内容', 500, 4),
  /** The other routes the 不予受理告知书 names (court, arbitration, administration, police…). */
  routes: z
    .array(z.enum(referralRoutes, { error: '其他途径不正确' }))
    .max(referralRoutes.length)
    .refine((r) => new Set(r).size === r.length, '其他途径有重复')
    .default([])
    .describe('可以选择的其他途径'),
});
export type RefusalInput = z.input<typeof refusalInput>;

export const refusalDto = z.object({
  id,
  receivedOn: z.string(),
  applicantName: z.string(),
  applicantPhone: z.string().nullable(),
  otherPartyName: z.string().nullable(),
  township: z.string(),
  disputeTypeName: z.string(),
  summary: z.string(),
  reason: z.enum(refusalReasons),
  reasonDetail: z.string().nullable(),
  told: z.string(),
  routes: z.array(z.enum(referralRoutes)),
  recordedByName: z.string(),
  createdAt: isoDateTime,
});
export type RefusalDto = z.infer<typeof refusalDto>;

export const refusalNoticeInput = z.strictObject({ id });

export const listRefusalsInput = z.strictObject({ ...pageQuery });
export const refusalPage = paged(refusalDto);

/** The intake form's autosaved draft: whatever the clerk typed, as JSON, per user. */
export const draftInput = z.strictObject({
  form: z.literal('intake'),
  data: z.string().max(200_000, '草稿过大').describe('草稿'),
});
export const draftDto = z.object({ data: z.string(), savedAt: isoDateTime }).nullable();
export const draftKey = z.strictObject({ form: z.literal('intake') });
