import { z } from 'zod';
import { dateStyles } from '../schemas/documents';
import { reviewChecklistDto } from '../schemas/dossiers';
import { recordFamily, recordSchema, type ExchangedRecord } from './columns';

// The shared catalogue a county sends its townships (issue 14): the organisation tree, the
// dispute types, and the shared settings (deadline rules, document settings, the dossier review
// standard). Organisations are owned row by row (the county's own rows, a township's village
// committees); dispute types and shared settings are the county's: their records are keyed by
// their code or setting key, which both installations already agree on.

export const catalogueTableColumns = {
  dispute_types: { name: 'text', officialCode: 'text?', active: 'bool', sort: 'int' },
  organisations: {
    name: 'text',
    kind: 'text',
    parentId: 'uuid?',
    abbreviation: 'text',
    caseNumberPattern: 'text',
    township: 'text?',
    address: 'text?',
    activeFrom: 'text?',
    activeTo: 'text?',
    sort: 'int',
    specialties: 'text',
    sealText: 'text?',
  },
  settings: { value: 'text' },
} as const;

export type CatalogueTable = keyof typeof catalogueTableColumns;
/** Dispute types before organisations (their specialties name them), both before everything else. */
export const catalogueTables = Object.keys(catalogueTableColumns) as CatalogueTable[];

export const catalogueTableLabels: Record<CatalogueTable, string> = {
  dispute_types: '纠纷类型',
  organisations: '调解组织',
  settings: '期限规则和文书设置',
};

const days = (label: string, max: number) => z.number().int().min(1).max(max).describe(label);
const settingValue = (label: string, schema: z.ZodType) => ({ label, schema });
/** The settings the county decides for every office, each with what its value must be. */
export const sharedSettings = {
  mediationLimitDays: settingValue('调解期限（天）', days('调解期限', 180)),
  courtEntrustedOrdinaryDays: settingValue('法院委托普通程序期限（天）', days('期限', 90)),
  courtEntrustedSummaryDays: settingValue('法院委托简易程序期限（天）', days('期限', 60)),
  returnVisitDelayDays: settingValue('回访间隔（天）', days('回访间隔', 90)),
  'documents.defaultCourt': settingValue('默认司法确认法院', z.string().min(2).max(40)),
  'documents.dateStyle': settingValue('文书日期格式', z.enum(dateStyles)),
  'documents.retention': settingValue('卷宗保管期限', z.string().min(2).max(10)),
  'dossier.reviewChecklist': settingValue('案卷评查标准', reviewChecklistDto),
} as const;
export type SharedSettingKey = keyof typeof sharedSettings;
export const sharedSettingKeys = Object.keys(sharedSettings) as SharedSettingKey[];

const settingRecord = recordSchema(
  catalogueTableColumns.settings,
  z.enum(sharedSettingKeys, { error: '不是县级统一的设置项' }),
).superRefine((r, check) => {
  const rule = sharedSettings[r.id as SharedSettingKey];
  let value: unknown;
  try {
    value = JSON.parse(String((r as Record<string, unknown>).value));
  } catch {
    value = undefined;
  }
  if (!rule.schema.safeParse(value).success)
    check.addIssue({ code: 'custom', path: ['value'], message: `“${rule.label}”的值不正确` });
});

const fieldNames: Record<string, string> = {
  name: '名称',
  officialCode: '对应统计类型',
  active: '启用',
  sort: '排序',
  kind: '组织类别',
  parentId: '上级组织',
  abbreviation: '案号简称',
  caseNumberPattern: '案号格式',
  township: '所在乡镇',
  address: '地址',
  activeFrom: '成立日期',
  activeTo: '撤销日期',
  specialties: '专业领域',
  sealText: '印章文字',
  value: '设定值',
};

const family = recordFamily(catalogueTableColumns, fieldNames, {
  // Known by their code and key, which every installation agrees on (the shipped seed).
  dispute_types: recordSchema(
    catalogueTableColumns.dispute_types,
    z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, '纠纷类型代码格式不正确'),
  ) as unknown as z.ZodType<ExchangedRecord>,
  settings: settingRecord as unknown as z.ZodType<ExchangedRecord>,
});
export const catalogueLines = family.lines;
export const catalogueFieldLabels = family.fieldLabels;
