import { z } from 'zod';
import { fileNameField } from './freeText';
import { caseStatuses } from './catalog';
import { id, isoDateTime, text } from './common';
import { isoDate } from './parties';

// 卷宗: the items of a case file in binding order (present / missing / not applicable), what
// must be fixed before it can be archived, the dossier's own values (卷号, 立卷人, 立卷日期,
// 保管期限), archiving and audited re-opening, the PDF, batch export and 案卷评查.

/** The items of a dossier in the provincial binding order (domain.md §3). */
export const dossierItemKeys = [
  'cover',
  'contents',
  'application',
  'intake-register',
  'rights-notice',
  'id-proofs',
  'powers-of-attorney',
  'investigation-records',
  'evidence',
  'mediation-records',
  'agreement',
  'oral-agreement',
  'termination-notice',
  'receipts',
  'return-visits',
  'confirmation-papers',
  'file-note',
  'note',
] as const;
export type DossierItemKey = (typeof dossierItemKeys)[number];

/** Items that are paper only: the archivist scans them in from the dossier screen. */
export const paperItemKeys = [
  'id-proofs',
  'powers-of-attorney',
  'evidence',
  'receipts',
  'confirmation-papers',
  'file-note',
  'agreement',
  'oral-agreement',
  'application',
  'intake-register',
  'rights-notice',
  'termination-notice',
] as const satisfies readonly DossierItemKey[];

export const dossierCaseKinds = ['written', 'oral', 'failed', 'refused'] as const;
export type DossierCaseKind = (typeof dossierCaseKinds)[number];
export const dossierCaseKindLabels: Record<DossierCaseKind, string> = {
  written: '达成书面协议',
  oral: '达成口头协议',
  failed: '调解不成（终止）',
  refused: '当事人拒绝调解',
};

export const itemStatuses = ['present', 'missing', 'notApplicable'] as const;

export const dossierItemDto = z.object({
  key: z.enum(dossierItemKeys),
  title: z.string(),
  status: z.enum(itemStatuses),
  mandatory: z.boolean(),
  /** Where it comes from: "系统生成", "签字扫描件 2页", "扫描件 3份"… */
  source: z.string(),
  /** For a missing item: what is missing and what to do, in one sentence. */
  problem: z.string().nullable(),
  date: z.string().nullable(),
  /** Page range in the dossier PDF, once the dossier is filed. */
  pages: z.string().nullable(),
  /** The archivist may scan this item in here. */
  paper: z.boolean(),
});
export type DossierItemDto = z.infer<typeof dossierItemDto>;

export const dossierPaperDto = z.object({
  id,
  item: z.enum(dossierItemKeys),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  pages: z.number().int(),
  addedAt: isoDateTime,
  addedByName: z.string(),
});

export const dossierArchiveDto = z.object({
  revision: z.number().int(),
  archivedAt: isoDateTime,
  archivedByName: z.string(),
  pageCount: z.number().int(),
  sha256: z.string(),
  missingReason: z.string().nullable(),
  reopenedAt: z.string().nullable(),
  reopenedByName: z.string().nullable(),
  reopenReason: z.string().nullable(),
});

export const reviewItemDto = z.object({ key: z.string(), label: z.string(), max: z.number() });
export const gradeRuleDto = z.object({ grade: z.string(), min: z.number() });
export const reviewChecklistDto = z.object({ items: z.array(reviewItemDto), grades: z.array(gradeRuleDto) });
export type ReviewChecklistDto = z.infer<typeof reviewChecklistDto>;

export const dossierReviewDto = z.object({
  id,
  reviewerName: z.string(),
  reviewedOn: z.string(),
  scores: z.array(z.object({ key: z.string(), label: z.string(), points: z.number(), max: z.number() })),
  total: z.number(),
  grade: z.string(),
  comments: z.string().nullable(),
});

export const dossierValuesDto = z.object({
  volumeNumber: z.string(),
  title: z.string(),
  filedByName: z.string(),
  filedOn: z.string(),
  retention: z.string(),
  mediationFrom: z.string(),
  mediationTo: z.string(),
  notes: z.string().nullable(),
  checkedBy: z.string().nullable(),
  state: z.enum(['open', 'archived']),
  revision: z.number().int(),
});

export const dossierDto = z.object({
  caseId: id,
  caseNumber: z.string(),
  caseStatus: z.enum(caseStatuses),
  partyNames: z.string(),
  committeeName: z.string(),
  caseKind: z.enum(dossierCaseKinds).nullable(),
  /** Why 立卷 is not possible yet (the case is not closed); null when it is possible or done. */
  cannotFile: z.string().nullable(),
  /** Why this user may only read the file (the case is handled by another organisation now); null when they may keep it. */
  keptElsewhere: z.string().nullable(),
  dossier: dossierValuesDto.nullable(),
  items: z.array(dossierItemDto),
  /** Mandatory items still missing, each a sentence saying what to do. */
  missing: z.array(z.string()),
  papers: z.array(dossierPaperDto),
  archives: z.array(dossierArchiveDto),
  reviews: z.array(dossierReviewDto),
  retentionOptions: z.array(z.string()),
  /** 保管期限 proposed at 立卷: 系统设置 → 文书设置. */
  retentionDefault: z.string(),
});
export type DossierDto = z.infer<typeof dossierDto>;

const retention = text('保管期限', 10, 2)
  .refine((v) => /^(永久|长期|短期|[1-9]\d?年)$/.test(v), '保管期限只能是 永久、长期、短期 或 “N年”')
  .describe('保管期限');

export const fileDossierInput = z.strictObject({
  caseId: id,
  retention,
  title: z.preprocess((v) => (v === '' ? undefined : v), text('卷名', 60, 4).optional()).describe('卷名'),
});

export const updateDossierInput = z.strictObject({
  caseId: id,
  retention,
  title: text('卷名', 60, 4),
  notes: z
    .preprocess((v) => (v === '' ? undefined : v), text('本卷情况说明', 500).optional())
    .describe('本卷情况说明'),
  checkedBy: z
    .preprocess((v) => (v === '' ? undefined : v), text('检查人', 20, 2).optional())
    .describe('检查人'),
});

export const DOSSIER_SCAN_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MAX_PAPER_BYTES = 20 * 1024 * 1024;

export const attachPaperInput = z.strictObject({
  caseId: id,
  item: z.enum(paperItemKeys, { error: '请选择材料种类' }).describe('材料种类'),
  fileName: fileNameField(),
  mimeType: z
    .enum(DOSSIER_SCAN_MIME_TYPES, { error: '扫描件只能是 PDF、JPG 或 PNG 文件' })
    .describe('文件类型'),
  dataBase64: z
    .string()
    .max(Math.ceil((MAX_PAPER_BYTES * 4) / 3) + 8, '扫描件超过20 MB，请降低扫描分辨率或分开上传')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容格式不正确')
    .describe('文件'),
});

export const archiveDossierInput = z.strictObject({
  caseId: id,
  /** Required when a mandatory item is missing: audited and printed on the 备考表. */
  missingReason: z
    .preprocess((v) => (v === '' ? undefined : v), text('缺项归档的书面理由', 300, 10).optional())
    .describe('缺项归档的书面理由'),
});

export const reopenDossierInput = z.strictObject({
  caseId: id,
  reason: text('重新打开的理由', 300, 10),
});

export const dossierPdfInput = z.strictObject({
  caseId: id,
  /** The archived revision; the current state when absent. */
  revision: z.number().int().min(1).optional().describe('归档版本'),
});

export const dossierFileDto = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  sha256: z.string(),
  pageCount: z.number().int(),
  dataBase64: z.string(),
});

export const listDossiersInput = z.strictObject({
  committeeId: id.optional(),
  year: z.number().int().min(2000).max(2100).optional().describe('年度'),
  state: z.enum(['open', 'archived']).optional().describe('状态'),
  reviewed: z.boolean().optional().describe('评查'),
  query: z.preprocess((v) => (v === '' ? undefined : v), text('卷号、案号或当事人', 40).optional()),
  page: z.number().int().min(1).max(100000).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
});

export const dossierListItemDto = z.object({
  caseId: id,
  caseNumber: z.string(),
  partyNames: z.string(),
  committeeId: id,
  committeeName: z.string(),
  volumeNumber: z.string(),
  title: z.string(),
  filedOn: z.string(),
  filedByName: z.string(),
  retention: z.string(),
  state: z.enum(['open', 'archived']),
  revision: z.number().int(),
  grade: z.string().nullable(),
  total: z.number().nullable(),
  reviewedOn: z.string().nullable(),
});
export const dossierPageDto = z.object({
  items: z.array(dossierListItemDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const reviewSummaryDto = z.array(
  z.object({
    committeeId: id,
    committeeName: z.string(),
    filed: z.number(),
    archived: z.number(),
    reviewed: z.number(),
  }),
);

export const reviewDossierInput = z.strictObject({
  caseId: id,
  scores: z.record(z.string().max(40), z.number().min(0).max(1000)).describe('评分'),
  reviewedOn: isoDate.describe('评查日期'),
  comments: z
    .preprocess((v) => (v === '' ? undefined : v), text('评查意见', 1000).optional())
    .describe('评查意见'),
});

export const exportTargets = ['zip', 'folder'] as const;
export const exportBatchInput = z.strictObject({
  committeeId: id.optional(),
  filedFrom: isoDate.optional().describe('立卷日期起'),
  filedTo: isoDate.optional().describe('立卷日期止'),
  state: z.enum(['open', 'archived']).optional().describe('状态'),
  reviewed: z.boolean().optional().describe('评查'),
  query: z.preprocess((v) => (v === '' ? undefined : v), text('卷号、案号或当事人', 40).optional()),
  /** Explicit selection from the list; overrides the filter when given. */
  caseIds: z.array(id).max(2000).optional().describe('选中的案件'),
  target: z.enum(exportTargets, { error: '请选择导出方式' }).describe('导出方式'),
});

export const exportJobDto = z.object({
  jobId: id,
  total: z.number().int(),
  done: z.number().int(),
  state: z.enum(['running', 'finished', 'cancelled', 'failed']),
  exported: z.number().int(),
  skipped: z.array(z.object({ caseNumber: z.string(), reason: z.string() })),
  /** Folder target: where the PDFs were written. */
  folder: z.string().nullable(),
  /** Zip target, once finished: the file name to download under. */
  zipName: z.string().nullable(),
});
export type ExportJobDto = z.infer<typeof exportJobDto>;

export const jobInput = z.strictObject({ jobId: id });
