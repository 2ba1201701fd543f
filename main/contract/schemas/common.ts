import { z } from 'zod';
import { textRule } from './freeText';

// Building blocks shared by several channels. Inputs are strict objects: an unknown key is a
// mistake (or an attack), never silently dropped.

export const empty = z.strictObject({});

export const id = z.uuid({ error: '编号格式不正确' }).describe('编号');

export const isoDateTime = z.iso.datetime({ offset: true, error: '时间格式不正确' });

/**
 * One line of free text (names, places, titles…): trimmed, and the text rule (schemas/freeText.ts)
 * refuses line breaks, control, bidi and noncharacters. Text areas use longText().
 */
export function text(label: string, max: number, min = 0) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少${min}个字`)
    .check(textRule(label))
    .describe(label);
}

export const username = z
  .string({ error: '请填写用户名' })
  .trim()
  .min(2, '用户名至少2个字符')
  .max(32, '用户名不能超过32个字符')
  .regex(/^[\p{L}\p{N}_.-]+$/u, '用户名只能包含汉字、字母、数字和 _ . -')
  .check(textRule('用户名'))
  .describe('用户名');

/** At least 8 characters with a letter and a digit: what a county office can live with. */
export const newPassword = z
  .string({ error: '请填写密码' })
  .min(8, '密码至少8位')
  .max(128, '密码不能超过128位')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字')
  .describe('密码');

export const password = z
  .string({ error: '请填写密码' })
  .min(1, '请填写密码')
  .max(128, '密码不能超过128位')
  .describe('密码');

export const pageQuery = {
  page: z.number({ error: '页码须为数字' }).int().min(1).max(100000).default(1).describe('页码'),
  pageSize: z.number({ error: '每页条数须为数字' }).int().min(1).max(200).default(20).describe('每页条数'),
};

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
