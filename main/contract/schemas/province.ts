import { z } from 'zod';
import { infoSetNames } from '../province/infoSets';
import { id } from './common';
import { calendarDate } from './dates';
import { textRule } from './freeText';

// 省级报送 (issue 16): the screen's view of the package — validation, batches, the export job.

const infoSet = z.enum(infoSetNames);
const counts = z.record(infoSet, z.number().int());

export const provinceBatchDto = z.object({
  id,
  batchNo: z.number().int(),
  state: z.enum(['pending', 'acknowledged']),
  createdAt: z.string(),
  createdByName: z.string(),
  counts,
  heldBack: z.number().int(),
  exports: z.number().int(),
  lastExportedAt: z.string().nullable(),
  acknowledgedOn: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  acknowledgement: z.enum(['receipt', 'manual']).nullable(),
  receiptNote: z.string().nullable(),
});
export type ProvinceBatchDto = z.infer<typeof provinceBatchDto>;

export const provinceOverviewDto = z.object({
  /** The installation's signing-key fingerprint: the province compares it with the package's. */
  fingerprint: z.string(),
  publicKeys: z.object({ signing: z.string(), agreement: z.string() }),
  mappings: z.array(z.object({ id: z.string(), name: z.string(), form: z.enum(['json', 'xlsx']) })),
  pending: provinceBatchDto.nullable(),
  history: z.array(provinceBatchDto),
  mayExportPlain: z.boolean(),
});
export type ProvinceOverviewDto = z.infer<typeof provinceOverviewDto>;

export const heldRecordDto = z.object({
  infoSet,
  recordId: z.string(),
  label: z.string(),
  link: z.string(),
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type HeldRecordDto = z.infer<typeof heldRecordDto>;

export const provinceValidationDto = z.object({
  /** Changed since the last acknowledged batch and valid: what the next batch carries. */
  ready: counts,
  /** Changed but invalid: held back until fixed. */
  held: counts,
  unchanged: counts,
  /** The first held records (at most 500), each with its problems and where to fix them. */
  heldRecords: z.array(heldRecordDto),
  /** A batch waiting for its receipt: exporting now resends it, unchanged. */
  pendingBatchNo: z.number().int().nullable(),
});
export type ProvinceValidationDto = z.infer<typeof provinceValidationDto>;

export const provinceProtectionInput = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({
      mode: z.literal('password'),
      password: z.string().min(1, '请填写加密密码').max(100).describe('加密密码'),
    }),
    z.strictObject({
      mode: z.literal('recipient'),
      recipientKey: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{43}$/, '接收方公钥应为省级系统提供的43个字符')
        .describe('接收方公钥'),
    }),
    z.strictObject({ mode: z.literal('none') }),
  ],
  { error: '请选择加密方式' },
);

export const provinceExportInput = z.strictObject({
  mappingId: z.string().check(textRule('报送格式')).min(1, '请选择报送格式').max(40).describe('报送格式'),
  protection: provinceProtectionInput.describe('加密方式'),
  /** The 管理员 read the warning about sending personal data unencrypted. */
  confirmPlain: z.boolean().optional().describe('确认不加密'),
});
export type ProvinceExportInput = z.input<typeof provinceExportInput>;

export const provinceJobDto = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'finished', 'cancelled', 'failed']),
  phase: z.enum(['preparing', 'writing', 'done']),
  done: z.number().int(),
  total: z.number().int(),
  batchNo: z.number().int().nullable(),
  /** True when the job resent a batch that was waiting for its receipt. */
  resent: z.boolean(),
  fileName: z.string().nullable(),
  heldBack: z.number().int(),
  message: z.string().nullable(),
});
export type ProvinceJobDto = z.infer<typeof provinceJobDto>;

export { jobInput as provinceJobInput } from './dossiers';

export const provincePackageFileDto = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  dataBase64: z.string(),
});

export const provinceAcknowledgeInput = z.strictObject({
  batchNo: z.number().int().min(1).describe('批次号'),
  on: calendarDate('报送日期', { min: '2000-01-01', notFuture: true }),
  note: z.string().check(textRule('备注')).trim().max(200, '备注不超过200字').optional().describe('备注'),
});

export const provinceReceiptInput = z.strictObject({
  receipt: z
    .string()
    .min(2, '请选择回执文件')
    .max(100_000, '回执文件过大，请确认选择的是省级系统的回执')
    .describe('回执文件'),
});
