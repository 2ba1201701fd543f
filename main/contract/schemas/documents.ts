import type { Access, Permission } from '../roles';
import { z } from 'zod';
import { id, isoDateTime, text } from './common';
import { fileNameField, textRule } from './freeText';

// Word documents of a case: what may be printed now (and why not), the stored versions of
// each generation, signed scans attached to a version, exporting a copy, and 核验 (checking a
// printed agreement's code against what this office issued).

/** The 13 standard forms, in the order they are bound into the case file (domain.md §3). */
export const documentKindIds = [
  'application',
  'intake-register',
  'rights-notice',
  'investigation-record',
  'mediation-record',
  'agreement',
  'oral-agreement',
  'confirmation-application',
  'court-report',
  'termination-notice',
  'return-visit',
  'dossier-cover',
  'dossier-contents',
  'dossier-note',
] as const;
export type DocumentKindIdDto = (typeof documentKindIds)[number];

/** Who makes documents: those who handle the case (mediators, and dispatchers at the county desk). */
export const DOCUMENT_HANDLERS = ['cases:mediate', 'cases:dispatch'] as const satisfies readonly Permission[];

/**
 * The forms the parties sign at the desk on the day of intake: the intake clerk (受理员) prints
 * them there, before the case is dispatched. Every other form is made by those who handle it.
 */
export const intakeDocumentKinds = ['application', 'intake-register', 'rights-notice'] as const;

/** Who may generate a form of this kind (the service checks it; the screen shows the buttons by it). */
export function generateAccess(kind: DocumentKindIdDto): Access {
  return (intakeDocumentKinds as readonly string[]).includes(kind)
    ? [...DOCUMENT_HANDLERS, 'cases:create']
    : DOCUMENT_HANDLERS;
}

export const documentKindLabels: Record<DocumentKindIdDto, string> = {
  application: '人民调解申请书',
  'intake-register': '人民调解受理登记表',
  'rights-notice': '当事人权利义务告知书',
  'investigation-record': '人民调解调查记录',
  'mediation-record': '人民调解记录',
  agreement: '人民调解协议书',
  'oral-agreement': '人民调解口头协议登记表',
  'confirmation-application': '司法确认申请书',
  'court-report': '调解情况说明（协议送交函）',
  'termination-notice': '调解终止告知书（告知其他途径）',
  'return-visit': '人民调解回访记录',
  'dossier-cover': '卷宗封面',
  'dossier-contents': '卷内目录',
  'dossier-note': '备考表',
};

const kind = z.enum(documentKindIds, { error: '请选择文书种类' }).describe('文书种类');

export const scanMimeTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

export const documentScanDto = z.object({
  id,
  fileName: z.string(),
  mimeType: z.enum(scanMimeTypes),
  size: z.number().int(),
  sha256: z.string(),
  addedAt: isoDateTime,
  addedByName: z.string(),
});
export type DocumentScanDto = z.infer<typeof documentScanDto>;

export const documentVersionDto = z.object({
  id,
  caseId: id,
  kind,
  title: z.string(),
  versionNo: z.number().int(),
  fileName: z.string(),
  size: z.number().int(),
  /** SHA-256 of the .docx bytes as stored. */
  sha256: z.string(),
  /** Agreements: the verification fingerprint (SHA-256 of the canonical agreement) and short code. */
  fingerprint: z.string().nullable(),
  shortCode: z.string().nullable(),
  generatedAt: isoDateTime,
  generatedByName: z.string(),
  /** The newest version of this kind for the case. */
  latest: z.boolean(),
  scans: z.array(documentScanDto),
});
export type DocumentVersionDto = z.infer<typeof documentVersionDto>;

/** What documents:generate returns: the version, and whether it is the latest one reused. */
export const generatedDocumentDto = documentVersionDto.extend({
  /** The content was the same as the latest version's: that version is returned, none is added. */
  unchanged: z.boolean(),
});
export type GeneratedDocumentDto = z.infer<typeof generatedDocumentDto>;

export const documentAvailabilityDto = z.object({
  kind,
  title: z.string(),
  available: z.boolean(),
  /** Why it cannot be generated now (empty when available). */
  reasons: z.array(z.string()),
  /** Worth knowing, but generation may go ahead (e.g. the confirmation window closes soon). */
  warnings: z.array(z.string()),
  /** Carries a QR code and short code for 核验. */
  verified: z.boolean(),
  versionCount: z.number().int(),
  latest: documentVersionDto.nullable(),
});
export type DocumentAvailabilityDto = z.infer<typeof documentAvailabilityDto>;

export const documentsOverviewDto = z.object({
  caseId: id,
  caseNumber: z.string(),
  /** Whether this user may generate documents and attach scans for the case (committee scope). */
  writable: z.boolean(),
  kinds: z.array(documentAvailabilityDto),
  /** For the judicial-confirmation application: who may sign and where it goes. */
  confirmation: z
    .object({
      parties: z.array(z.object({ id, name: z.string(), role: z.string() })),
      /** null: a court-delegated case whose court was not recorded (never the default court). */
      court: z.string().nullable(),
      /** Court-referred cases must go back to the referring court. */
      courtFixed: z.boolean(),
      deadline: z.string().nullable(),
      /**
       * Whether the agreement concerns property rights, as far as the dispute type tells: 'ask'
       * when it cannot (a contract, a family dispute), and the dialog must ask.
       */
      propertyRights: z.enum(['yes', 'no', 'ask']),
    })
    .nullable(),
});
export type DocumentsOverviewDto = z.infer<typeof documentsOverviewDto>;

export const caseDocumentsInput = z.strictObject({ caseId: id });

export const generateDocumentInput = z.strictObject({
  caseId: id,
  kind,
  /** 司法确认申请书 only: the applicants (all parties must apply jointly) and the court. */
  confirmation: z
    .strictObject({
      applicantPartyIds: z.array(id).min(1, '请至少选择一名申请人').max(50).describe('申请人'),
      courtName: z
        .preprocess((v) => (v === '' ? undefined : v), text('受理法院', 40, 4).optional())
        .describe('受理法院'),
      /** The agreement concerns property rights: the proof of them is listed as an attachment. */
      propertyRights: z.boolean().optional().describe('涉及财产权利'),
    })
    .optional(),
});
export type GenerateDocumentInput = z.input<typeof generateDocumentInput>;

export const listVersionsInput = z.strictObject({ caseId: id, kind: kind.optional() });

export const versionInput = z.strictObject({ versionId: id });

export const documentFileDto = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  sha256: z.string(),
  dataBase64: z.string(),
});
export type DocumentFileDto = z.infer<typeof documentFileDto>;

export const attachScanInput = z.strictObject({
  versionId: id,
  fileName: fileNameField(),
  mimeType: z.enum(scanMimeTypes, { error: '签署扫描件只能是 PDF、JPG 或 PNG 文件' }).describe('文件类型'),
  dataBase64: z
    .string()
    .max(Math.ceil((MAX_SCAN_BYTES * 4) / 3) + 8, '扫描件超过10 MB，请降低扫描分辨率后重新上传')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容格式不正确')
    .describe('文件'),
});
export type AttachScanInput = z.input<typeof attachScanInput>;

export const scanInput = z.strictObject({ scanId: id });

/** How a plaintext copy leaves the encrypted store; every way is audited. */
export const exportModes = ['download', 'saveAs', 'open'] as const;
export const exportModeLabels: Record<(typeof exportModes)[number], string> = {
  download: '下载',
  saveAs: '另存为',
  open: '用 Word/WPS 打开',
};

export const exportDocumentInput = z.strictObject({
  versionId: id,
  mode: z.enum(exportModes, { error: '请选择导出方式' }).describe('导出方式'),
});

export const exportResultDto = z.object({
  mode: z.enum(exportModes),
  /** false when the user closed the save dialog. */
  done: z.boolean(),
  /** saveAs: where the copy was written. */
  savedTo: z.string().nullable(),
  /** download: the file for the browser to save. */
  file: documentFileDto.nullable(),
});
export type ExportResultDto = z.infer<typeof exportResultDto>;

/** What the machine running the services can do besides the browser's own download and print. */
export const platformDto = z.object({
  desktop: z.boolean(),
  saveAs: z.boolean(),
  openWithDefaultApp: z.boolean(),
});
export type PlatformDto = z.infer<typeof platformDto>;

/**
 * Where the 核验码 (QR code and short code) sits on a printed agreement: the 核验 page tells the
 * clerk where to look, and a test renders the agreement and checks the code is really there.
 */
export const VERIFICATION_CODE_PLACE = '左下角';

export const verifyInput = z.strictObject({
  code: z
    .string({ error: '请输入核验码或二维码内容' })
    .trim()
    .min(4, '请输入核验码或二维码内容')
    .max(400, '核验内容过长')
    .check(textRule('核验码', { multiline: true }))
    .describe('核验码'),
});

export const verificationVerdicts = ['valid', 'superseded', 'unknown', 'invalid'] as const;
export type VerificationVerdict = (typeof verificationVerdicts)[number];

export const verificationDto = z.object({
  verdict: z.enum(verificationVerdicts),
  /** The verdict in one Chinese sentence, for the screen. */
  message: z.string(),
  /** The code as understood (normalised short code), when it parsed. */
  shortCode: z.string().nullable(),
  match: z
    .object({
      caseId: id,
      caseNumber: z.string(),
      partyNames: z.string(),
      committeeName: z.string(),
      agreementNumber: z.string().nullable(),
      /** Every stored version that carries this code. */
      versionNos: z.array(z.number().int()),
      generatedAt: isoDateTime,
      generatedByName: z.string(),
      latestVersionNo: z.number().int(),
      /** The newest agreement version carries this code. */
      isLatest: z.boolean(),
    })
    .nullable(),
});
export type VerificationDto = z.infer<typeof verificationDto>;

// ── 文书设置: what the printed forms take from the installation (系统设置) ──

export const dateStyles = ['arabic', 'chinese'] as const;
/** 'arabic' = 2026年11月30日 (GB/T 9704-2012), 'chinese' = 二〇二六年十一月三十日. */
export type DateStyle = (typeof dateStyles)[number];
export const dateStyleLabels: Record<DateStyle, string> = {
  arabic: '2026年12月6日（阿拉伯数字）',
  chinese: '二〇二六年十二月六日（汉字数字）',
};
/** 保管期限 of a case file: the 2006 standard's 永久/30年/10年, and the older 永久/长期/短期 still in use. */
export const retentionOptions = ['永久', '长期', '短期', '30年', '10年'] as const;

export const documentSettingsDto = z.object({
  /** The court a 司法确认申请书 is addressed to unless the case says otherwise. */
  defaultCourt: z.string(),
  dateStyle: z.enum(dateStyles),
  /** 保管期限 proposed when a case file is made (立卷), printed on its cover. */
  retention: z.string(),
  /** The county prefixed to a committee's seal text (from the installation's seed; not editable). */
  county: z.string(),
});
export type DocumentSettingsDto = z.infer<typeof documentSettingsDto>;

export const saveDocumentSettingsInput = z.strictObject({
  defaultCourt: text('默认司法确认法院', 40, 2).refine((v) => /(人民法院|人民法庭)$/.test(v), {
    message: '请填写人民法院或人民法庭的全称，如：平罗县人民法院',
  }),
  dateStyle: z.enum(dateStyles, { error: '请选择文书日期格式' }),
  retention: z.enum(retentionOptions, { error: '请选择卷宗保管期限' }),
});
