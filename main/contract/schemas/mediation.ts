import { z } from 'zod';
import { id, isoDateTime, text } from './common';
import { calendarDate } from './dates';
import { fileNameField, longText } from './freeText';
import { amountField } from './cases';
import { referralRoutes } from './dispatch';

// What happens while mediating and after: records and evidence, the agreement, performance and
// return visits, ending a failed mediation, the 民转刑 risk report and deadline extensions.

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

// ─── Records, attachments ────────────────────────────────────────────────────────────────────

export const recordKinds = ['investigation', 'mediation'] as const;
export const recordKindLabels: Record<(typeof recordKinds)[number], string> = {
  investigation: '调查记录',
  mediation: '调解记录',
};

export const addRecordInput = z.strictObject({
  caseId: id,
  kind: z.enum(recordKinds).describe('记录类别'),
  heldAt: isoDateTime.describe('时间'),
  place: text('地点', 100, 2),
  participants: optional(text('参加人（邀请参与人员）', 300)).describe('参加人'),
  partiesPresent: text('到场当事人', 300, 1),
  rightsNotified: z.boolean().describe('已告知权利义务'),
  statements: longText('调查或调解情况', 20000, 5),
  result: optional(longText('结果', 1000)).describe('结果'),
  recorder: text('记录人', 40, 1),
});

export const attachmentMimeTypes = ['image/jpeg', 'image/png', 'application/pdf', 'image/tiff'] as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const addAttachmentInput = z.strictObject({
  caseId: id,
  recordId: id.optional(),
  fileName: fileNameField(),
  mimeType: z
    .enum(attachmentMimeTypes, { error: '只能上传 JPG、PNG、TIFF 图片或 PDF 文件' })
    .describe('文件类型'),
  /** The file, base64. Checked against its declared type by its first bytes. */
  dataBase64: z
    .string()
    .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 8, '文件超过10 MB，请压缩或分开上传')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容格式不正确')
    .describe('文件'),
  description: optional(text('说明', 200)).describe('说明'),
});

export const attachmentDto = z.object({
  id,
  recordId: z.string().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  description: z.string().nullable(),
  addedAt: isoDateTime,
  addedByName: z.string(),
});

export const recordDto = z.object({
  id,
  kind: z.enum(recordKinds),
  heldAt: isoDateTime,
  place: z.string(),
  participants: z.string().nullable(),
  partiesPresent: z.string(),
  rightsNotified: z.boolean(),
  statements: z.string(),
  result: z.string().nullable(),
  recorder: z.string(),
  createdByName: z.string(),
});

// ─── Agreement, performance, return visits ───────────────────────────────────────────────────

export const agreementKinds = ['written', 'oral'] as const;
export const agreementKindLabels: Record<(typeof agreementKinds)[number], string> = {
  written: '书面协议',
  oral: '口头协议',
};
/** What the agreement is about, for judicial confirmation admissibility (domain.md §2). */
export const subjectMatters = ['ordinary', 'status_relation', 'ownership'] as const;
export const subjectMatterLabels: Record<(typeof subjectMatters)[number], string> = {
  ordinary: '一般民事权利义务',
  status_relation: '婚姻、收养、亲子等身份关系',
  ownership: '物权或知识产权确权（如宅基地、土地承包经营权归属）',
};

export const recordAgreementInput = z.strictObject({
  caseId: id,
  kind: z.enum(agreementKinds, { error: '请选择协议形式' }).describe('协议形式'),
  facts: longText('纠纷主要事实、争议事项', 8000, 10),
  /** Art. 29: each party's responsibility, under its own heading on the agreement. */
  responsibility: optional(longText('各方当事人的责任', 4000, 4)).describe('各方当事人的责任'),
  terms: z
    .array(longText('协议条款', 2000, 2))
    .min(1, '至少填写一条协议内容')
    .max(50, '协议条款不超过50条')
    .describe('协议条款'),
  performanceManner: text('履行方式', 300, 2),
  performancePlace: text('履行地点', 100, 2),
  performanceDeadline: calendarDate('履行期限', { min: '2000-01-01' }),
  amountFen: amountField,
  reachedOn: calendarDate('达成日期', { min: '2000-01-01', notFuture: true }),
  /** Written: the day the last party signed and the committee's seal was applied. */
  // Not "notFuture" here: the service's own check says why (an oral agreement takes effect when reached).
  effectiveOn: optional(calendarDate('生效日期', { min: '2000-01-01' })).describe('生效日期'),
  subjectMatter: z.enum(subjectMatters).default('ordinary').describe('协议涉及事项'),
});
export type RecordAgreementInput = z.input<typeof recordAgreementInput>;

export const agreementDto = z.object({
  id,
  kind: z.enum(agreementKinds),
  number: z.string(),
  facts: z.string(),
  /** null on agreements recorded before responsibility had its own field. */
  responsibility: z.string().nullable(),
  terms: z.array(z.string()),
  performanceManner: z.string(),
  performancePlace: z.string(),
  performanceDeadline: z.string(),
  amountFen: z.number().int().nullable(),
  reachedOn: z.string(),
  effectiveOn: z.string().nullable(),
  subjectMatter: z.enum(subjectMatters),
  /** effectiveOn + 30 days: the last day to apply jointly for judicial confirmation. */
  confirmationDeadline: z.string().nullable(),
  /** What the court did with the parties' application for judicial confirmation, once recorded. */
  confirmation: z
    .object({
      court: z.string(),
      outcome: z.enum(['confirmed', 'rejected', 'not_accepted', 'withdrawn']),
      ruledOn: z.string(),
      rulingNumber: z.string().nullable(),
    })
    .nullable(),
});
export type AgreementDto = z.infer<typeof agreementDto>;

// ─── 司法确认结果: the court's answer to the parties' application ───────────────────────────────

export const confirmationOutcomes = ['confirmed', 'rejected', 'not_accepted', 'withdrawn'] as const;
export type ConfirmationOutcome = (typeof confirmationOutcomes)[number];
export const confirmationOutcomeLabels: Record<ConfirmationOutcome, string> = {
  confirmed: '裁定确认协议有效',
  rejected: '裁定驳回申请',
  not_accepted: '法院不予受理',
  withdrawn: '当事人撤回申请',
};
/** The outcomes a court decides by a written ruling (裁定书), which has a number. */
export const rulingOutcomes: readonly ConfirmationOutcome[] = ['confirmed', 'rejected'];

export const recordConfirmationRulingInput = z
  .strictObject({
    caseId: id,
    court: text('受理法院', 60, 4),
    outcome: z.enum(confirmationOutcomes, { error: '请选择法院的处理结果' }).describe('处理结果'),
    ruledOn: calendarDate('处理日期', { min: '2000-01-01', notFuture: true }),
    rulingNumber: optional(text('裁定书文号', 40, 6)).describe('裁定书文号'),
  })
  .refine((v) => !rulingOutcomes.includes(v.outcome) || v.rulingNumber !== undefined, {
    path: ['rulingNumber'],
    message: '法院作出裁定的，请填写裁定书文号，如：（2026）宁0221民特12号',
  });

export const setEffectiveInput = z.strictObject({
  caseId: id,
  effectiveOn: calendarDate('生效日期', { min: '2000-01-01', notFuture: true }),
});

export const performanceStatuses = ['performed', 'partly', 'not_performed', 'not_due'] as const;
export const performanceStatusLabels: Record<(typeof performanceStatuses)[number], string> = {
  performed: '已全部履行',
  partly: '部分履行',
  not_performed: '未履行',
  not_due: '尚未到期',
};
export const satisfactions = ['satisfied', 'fair', 'unsatisfied'] as const;
export const satisfactionLabels: Record<(typeof satisfactions)[number], string> = {
  satisfied: '满意',
  fair: '基本满意',
  unsatisfied: '不满意',
};

export const recordVisitInput = z.strictObject({
  caseId: id,
  visitedOn: calendarDate('回访日期', { min: '2000-01-01', notFuture: true }),
  visitor: text('回访人', 40, 1),
  performanceStatus: z.enum(performanceStatuses, { error: '请选择履行情况' }).describe('履行情况'),
  satisfaction: z.enum(satisfactions, { error: '请选择当事人满意度' }).describe('满意度'),
  escalationSigns: z.boolean().describe('有激化迹象'),
  courtAction: z.boolean().default(false).describe('当事人已起诉'),
  situation: longText('回访情况', 2000, 4),
  measures: optional(longText('采取的措施', 1000)).describe('采取的措施'),
});

export const visitDto = z.object({
  id,
  dueOn: z.string(),
  visitedOn: z.string().nullable(),
  visitor: z.string().nullable(),
  performanceStatus: z.enum(performanceStatuses).nullable(),
  satisfaction: z.enum(satisfactions).nullable(),
  escalationSigns: z.boolean(),
  courtAction: z.boolean(),
  situation: z.string().nullable(),
  measures: z.string().nullable(),
});

// ─── Ending a mediation ──────────────────────────────────────────────────────────────────────

export const terminationKinds = ['failed', 'withdrawn', 'refused'] as const;
export const terminationKindLabels: Record<(typeof terminationKinds)[number], string> = {
  failed: '调解不成',
  withdrawn: '当事人要求终止调解',
  refused: '当事人一方明确拒绝调解',
};

export const terminateInput = z.strictObject({
  caseId: id,
  kind: z.enum(terminationKinds, { error: '请选择终止原因' }).describe('终止原因'),
  reason: longText('终止情况说明', 1000, 4),
  terminatedOn: calendarDate('终止日期', { min: '2000-01-01', notFuture: true }),
});

export const informRoutesInput = z.strictObject({
  caseId: id,
  routes: z.array(z.enum(referralRoutes)).min(1, '请至少选择一种告知的途径').describe('告知的途径'),
  how: text('告知方式', 100, 2),
  toldOn: calendarDate('告知日期', { min: '2000-01-01', notFuture: true }),
  note: optional(longText('说明', 500)).describe('说明'),
});

export const closeInput = z.strictObject({
  caseId: id,
  note: optional(longText('结案说明', 500)).describe('结案说明'),
});

// ─── Risk, deadlines ─────────────────────────────────────────────────────────────────────────

export const riskReportInput = z
  .strictObject({
    caseId: id,
    reported: z.boolean().describe('已报告公安机关'),
    reportedTo: optional(text('报告对象', 60)).describe('报告对象（单位及人员）'),
    reportedBy: optional(text('报告人', 40)).describe('报告人'),
    reportedAt: optional(isoDateTime).describe('报告时间'),
    reasonNotReported: optional(longText('未报告的理由', 500, 4)).describe('未报告的理由'),
  })
  .superRefine((v, ctx) => {
    if (v.reported) {
      for (const key of ['reportedTo', 'reportedBy', 'reportedAt'] as const) {
        if (!v[key])
          ctx.addIssue({ code: 'custom', path: [key], message: '已报告时须填写报告对象、报告人和报告时间' });
      }
    } else if (!v.reasonNotReported) {
      ctx.addIssue({ code: 'custom', path: ['reasonNotReported'], message: '未报告公安机关时须写明理由' });
    }
  });

export const extendDeadlineInput = z.strictObject({
  caseId: id,
  days: z
    .number({ error: '延长天数须为数字' })
    .int()
    .min(1, '至少延长1天')
    .max(60, '一次最多延长60天')
    .describe('延长天数'),
  consent: longText('当事人同意情况', 300, 4),
});
