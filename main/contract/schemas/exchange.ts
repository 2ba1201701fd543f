import { z } from 'zod';
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
  version: z.literal(1, { error: '密钥卡版本不受支持，请升级软件' }),
  office: z.object({
    id: z.uuid({ error: '密钥卡中的机构编号格式不正确' }),
    name: z.string().min(1).max(60),
    kind: z.enum(exchangeOfficeKinds, { error: '密钥卡只能来自县调解中心或乡镇调委会' }),
  }),
  signing: publicKey('签名公钥'),
  agreement: publicKey('加密公钥'),
  fingerprint: z.string().regex(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/, '密钥卡中的指纹格式不正确'),
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
});
export type ExchangeOverviewDto = z.infer<typeof exchangeOverviewDto>;
