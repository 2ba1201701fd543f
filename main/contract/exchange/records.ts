import { z } from 'zod';
import { textRule } from '../schemas/freeText';
import {
  caseFieldLabels,
  caseLines,
  caseTableColumns,
  caseTableLabels,
  caseTables,
  type CaseTable,
} from './caseRecords';
import {
  catalogueFieldLabels,
  catalogueLines,
  catalogueTableColumns,
  catalogueTableLabels,
  catalogueTables,
  type CatalogueTable,
} from './catalogueRecords';
import { syncable, type Columns, type ExchangedRecord } from './columns';
import {
  intakeFieldLabels,
  intakeLines,
  intakeTableColumns,
  intakeTableLabels,
  intakeTables,
  type IntakeTable,
} from './intakeRecords';
import {
  ledgerFieldLabels,
  ledgerLines,
  ledgerTableColumns,
  ledgerTableLabels,
  ledgerTables,
  type LedgerTable,
} from './ledgerRecords';

// What an exchange package carries (issue 14), one schema per table: a package's records are
// parsed with these before anything is looked at, and a record that fails is a refused
// package. Every record carries the sync columns (UUID, owner office, version, soft delete).

const line = (label: string, min: number, max: number) =>
  z
    .string({ error: `缺少${label}` })
    .min(min, `${label}不能为空`)
    .max(max, `${label}不能超过${max}个字`)
    .check(textRule(label));

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

/** The tables read and written by one generic row mapping (db/repositories/exchangeRows.ts). */
export type RowTable = CatalogueTable | CaseTable | IntakeTable | LedgerTable;
export const rowTableColumns: Record<RowTable, Columns> = {
  ...catalogueTableColumns,
  ...caseTableColumns,
  ...intakeTableColumns,
  ...ledgerTableColumns,
};

/**
 * In the order a package carries them, every record after the ones it refers to: the catalogue
 * (./catalogueRecords.ts), 村（社区）, the case records (./caseRecords.ts), the 不予受理 records
 * and case links (./intakeRecords.ts), then the dossiers, reviews and screening logs
 * (./ledgerRecords.ts).
 */
export const exchangeTables = [
  ...catalogueTables,
  'villages',
  ...caseTables,
  ...intakeTables,
  ...ledgerTables,
] as const;
export type ExchangeTable = 'villages' | RowTable;

export const exchangeTableLabels: Record<ExchangeTable, string> = {
  ...catalogueTableLabels,
  villages: '村（社区）',
  ...caseTableLabels,
  ...intakeTableLabels,
  ...ledgerTableLabels,
};

/** Field names the 冲突处理 screen shows beside each version. */
export const exchangeFieldLabels: Record<ExchangeTable, Record<string, string>> = {
  ...catalogueFieldLabels,
  villages: { township: '乡镇', name: '名称', active: '启用', code: '统计用区划代码', deletedAt: '删除时间' },
  ...caseFieldLabels,
  ...intakeFieldLabels,
  ...ledgerFieldLabels,
};

const villageLine = z.strictObject({ t: z.literal('villages'), r: villageRecord });

/** One line of a package's payload: the table and the record. */
export const exchangeLine = z.discriminatedUnion('t', [
  villageLine,
  ...catalogueLines,
  ...caseLines,
  ...intakeLines,
  ...ledgerLines,
]);
export type ExchangeLine = { t: 'villages'; r: VillageRecord } | { t: RowTable; r: ExchangedRecord };

/** “案件2条；当事人4条” (the tables with any records), or `none`. */
export function countsText(counts: Record<ExchangeTable, number>, none = '无记录'): string {
  const parts = exchangeTables
    .filter((t) => counts[t] > 0)
    .map((t) => `${exchangeTableLabels[t]}${counts[t]}条`);
  // “；” between tables: some labels list several things with “、” (分流、移交、上报).
  return parts.join('；') || none;
}
