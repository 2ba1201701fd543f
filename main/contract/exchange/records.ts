import { z } from 'zod';
import { textRule } from '../schemas/freeText';

// What an exchange package carries (issue 14), one schema per table: a package's records are
// parsed with these before anything is looked at, and a record that fails is a refused
// package. Every record carries the sync columns (UUID, owner office, version, soft delete).

const uuid = z.uuid({ error: '编号格式不正确' });
const timestamp = z.iso.datetime({ offset: true, error: '时间格式不正确' });
const line = (label: string, min: number, max: number) =>
  z
    .string({ error: `缺少${label}` })
    .min(min, `${label}不能为空`)
    .max(max, `${label}不能超过${max}个字`)
    .check(textRule(label));

const syncable = {
  id: uuid,
  originOfficeId: uuid,
  version: z.number().int().min(1).max(1_000_000_000),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
};

/** 村（社区）: owned by the office that added it (the county's seeded list, or a township's). */
export const villageRecord = z.strictObject({
  ...syncable,
  township: line('乡镇', 2, 20),
  name: line('村（社区）名称', 2, 30),
  active: z.boolean(),
  code: z
    .string()
    .regex(/^\d{12}$/, '统计用区划代码应为12位数字')
    .nullable(),
});
export type VillageRecord = z.infer<typeof villageRecord>;

export const exchangeTables = ['villages'] as const;
export type ExchangeTable = (typeof exchangeTables)[number];

export const exchangeTableLabels: Record<ExchangeTable, string> = { villages: '村（社区）' };

/** Field names the 冲突处理 screen shows beside each version. */
export const exchangeFieldLabels: Record<ExchangeTable, Record<string, string>> = {
  villages: { township: '乡镇', name: '名称', active: '启用', code: '统计用区划代码', deletedAt: '删除时间' },
};

/** One line of a package's payload: the table and the record. */
export const exchangeLine = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('villages'), r: villageRecord }),
]);
export type ExchangeLine = z.infer<typeof exchangeLine>;
