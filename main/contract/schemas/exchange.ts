import { z } from 'zod';
import { exchangeTables } from '../exchange/records';
import { id } from './common';
import { textRule } from './freeText';

// 数据交换 (issue 14): township ⇄ county packages. What the screens show of trust, packages,
// history and conflicts, and the one record format packages carry.

export const exchangeOfficeKinds = ['county_center', 'township'] as const;

/** A raw 32-byte public key as base64url (43 characters). */
const publicKey = (label: string) =>
  z
    .string({ error: `密钥卡缺少${label}` })
    .regex(/^[A-Za-z0-9_-]{43}$/, `密钥卡中的${label}格式不正确（应为43个字符）`);

export const KEY_CARD_FORMAT = 'pingluo-mediation-desk/office-key-card';

/** 机构密钥卡: what one office gives another so that it can trust it. Nothing personal. */
export const keyCard = z.object({
  format: z.literal(KEY_CARD_FORMAT, { error: '这不是机构密钥卡文件' }),
  version: z
    .number({ error: '密钥卡版本不受支持，请升级软件' })
    .refine((v) => v !== 1, '这是旧版软件导出的密钥卡（加密公钥未经签名），请让对方升级软件后重新导出')
    .refine((v) => v === 2, '密钥卡版本不受支持，请升级软件'),
  office: z.object({
    id: z.uuid({ error: '密钥卡中的机构编号格式不正确' }),
    name: z.string().min(1).max(60),
    kind: z.enum(exchangeOfficeKinds, { error: '密钥卡只能来自县调解中心或乡镇调委会' }),
  }),
  signing: publicKey('签名公钥'),
  agreement: publicKey('加密公钥'),
  fingerprint: z.string().regex(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/, '密钥卡中的指纹格式不正确'),
  /**
   * The office's signature (its signing key) over its office and agreement key: the fingerprint
   * people compare by phone is the signing key's, so this is what ties the agreement key, which
   * packages are encrypted to, to it.
   */
  binding: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, '密钥卡缺少签名或签名格式不正确'),
});
export type KeyCard = z.infer<typeof keyCard>;

const cardText = z
  .string({ error: '请选择机构密钥卡文件' })
  .min(1, '请选择机构密钥卡文件')
  .max(4000, '文件过大，这不是机构密钥卡')
  .describe('机构密钥卡');

const fingerprint = z
  .string({ error: '请核对指纹' })
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/, '指纹格式不正确，应为 XXXX-XXXX-XXXX-XXXX')
  .describe('指纹');

export const keyCardDto = z.object({
  fileName: z.string(),
  text: z.string(),
  fingerprint: z.string(),
  office: z.object({ id, name: z.string(), kind: z.string() }),
});
export type KeyCardDto = z.infer<typeof keyCardDto>;

export const previewKeyCardInput = z.strictObject({ card: cardText });
export const keyCardPreviewDto = z.object({
  office: z.object({ id, name: z.string(), kind: z.enum(exchangeOfficeKinds) }),
  fingerprint: z.string(),
  /** new: not trusted yet; same: already trusted with this key; replaces: trusted before with another key (revoked). */
  status: z.enum(['new', 'same', 'replaces']),
});
export type KeyCardPreviewDto = z.infer<typeof keyCardPreviewDto>;

export const trustOfficeInput = z.strictObject({ card: cardText, fingerprint });

export const revokeOfficeInput = z.strictObject({
  officeId: id.describe('机构'),
  reason: z
    .string({ error: '请填写撤销原因' })
    .trim()
    .min(2, '请填写撤销原因（至少2个字）')
    .max(100, '撤销原因不能超过100个字')
    .check(textRule('撤销原因'))
    .describe('撤销原因'),
});

export const trustedOfficeDto = z.object({
  officeId: id,
  officeName: z.string(),
  officeKind: z.enum(exchangeOfficeKinds),
  fingerprint: z.string(),
  trustedAt: z.string(),
  trustedByName: z.string(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
  revokeReason: z.string().nullable(),
  lastSequenceOut: z.number().int(),
  lastSequenceIn: z.number().int(),
  acknowledgedOut: z.number().int(),
});
export type TrustedOfficeDto = z.infer<typeof trustedOfficeDto>;

export const exchangeOverviewDto = z.object({
  office: z.object({ id, name: z.string(), kind: z.string() }),
  fingerprint: z.string(),
  /** Only the county and township installations exchange packages. */
  mayExchange: z.boolean(),
  trusted: z.array(trustedOfficeDto),
  /** A restore from a backup, here or at a peer, and what to do about it. */
  restoreNotices: z.array(z.string()),
});
export type ExchangeOverviewDto = z.infer<typeof exchangeOverviewDto>;

// ── packages ──

const pathText = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(1000, `${label}过长`)
    .check(textRule(label))
    .describe(label);

const outcomeCounts = z.object({
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  conflict: z.number().int(),
});
// Every table a package carries, each counted (zero when none).
const mergeCounts = z.record(z.enum(exchangeTables), outcomeCounts);
const sentCounts = z.record(z.enum(exchangeTables), z.number().int());

export const packagePlanInput = z.strictObject({ officeId: id.describe('接收机构') });
export const packagePlanDto = z.object({
  officeId: id,
  officeName: z.string(),
  sequence: z.number().int(),
  counts: sentCounts,
  receiptThrough: z.number().int(),
  /** Files over MAX_EXCHANGED_FILE_BYTES that stay here (an archived dossier PDF with large scans). */
  tooLarge: z.number().int(),
});
export type PackagePlanDto = z.infer<typeof packagePlanDto>;

export const generatePackageInput = z.strictObject({
  officeId: id.describe('接收机构'),
  folder: pathText('保存位置'),
});
export const exchangePackageDto = z.object({
  fileName: z.string(),
  path: z.string(),
  sequence: z.number().int(),
  officeName: z.string(),
  counts: sentCounts,
  receiptThrough: z.number().int(),
  size: z.number().int(),
  /** Files too large to go (see packagePlanDto). */
  tooLarge: z.number().int(),
});
export type ExchangePackageDto = z.infer<typeof exchangePackageDto>;

export const packageFileInput = z.strictObject({
  path: pathText('数据包文件'),
  /** The screen's id for this call: its 'job:progress' events carry it (the progress bar). */
  jobId: z.uuid().optional(),
});

export const exchangePreviewDto = z.object({
  officeName: z.string(),
  fingerprint: z.string(),
  sequence: z.number().int(),
  createdAt: z.string(),
  receiptThrough: z.number().int(),
  /** Records the package carries. */
  records: z.number().int(),
  counts: mergeCounts,
  auditFindings: z.array(z.string()),
  /** The sender was restored from a backup made then, and asks for everything again. */
  restoredFrom: z.string().nullable(),
  /** The package carries everything again (the answer to our restore). */
  resend: z.boolean(),
});
export type ExchangePreviewDto = z.infer<typeof exchangePreviewDto>;

export const exchangeImportDto = z.object({
  officeName: z.string(),
  sequence: z.number().int(),
  records: z.number().int(),
  counts: mergeCounts,
  acknowledgedThrough: z.number().int(),
  auditFindings: z.array(z.string()),
});
export type ExchangeImportDto = z.infer<typeof exchangeImportDto>;

export const exchangeHistoryDto = z.object({
  items: z.array(
    z.object({
      id,
      direction: z.enum(['out', 'in']),
      officeName: z.string(),
      sequence: z.number().int(),
      createdAt: z.string(),
      handledAt: z.string(),
      handledByName: z.string(),
      /** Records sent (out) or merged by outcome (in), per table. */
      summary: z.string(),
      /** For a package sent: when the peer's receipt came back. */
      acknowledgedAt: z.string().nullable(),
    }),
  ),
});
export type ExchangeHistoryDto = z.infer<typeof exchangeHistoryDto>;

export const conflictDto = z.object({
  id,
  officeName: z.string(),
  table: z.string(),
  tableLabel: z.string(),
  /** A UUID, or the code or key of a dispute type or shared setting (agreed by every office). */
  recordId: z.string().min(1).max(100),
  title: z.string(),
  createdAt: z.string(),
  fields: z.array(
    z.object({
      field: z.string(),
      label: z.string(),
      local: z.string(),
      remote: z.string(),
      differs: z.boolean(),
    }),
  ),
});
export type ConflictDto = z.infer<typeof conflictDto>;
export const conflictsDto = z.object({ items: z.array(conflictDto) });

export const resolveConflictInput = z.strictObject({
  conflictId: id.describe('冲突'),
  keep: z
    .enum(['local', 'remote', 'merged'], { error: '请选择保留本机版本、对方版本或逐项合并' })
    .describe('保留'),
  /** For 'merged': which version each differing field takes. */
  fields: z
    .record(z.string().max(40), z.enum(['local', 'remote'], { error: '请为每一项选择本机或对方的值' }))
    .optional()
    .describe('逐项选择'),
});
