import { z } from 'zod';

// The generic part of an exchanged record (issue 14): one column list per table, each column of
// a kind, gives both the record's zod schema (camelCase keys, as the repositories use) and, in
// db/repositories/exchangeRows.ts, the SQL. The record families (./caseRecords.ts,
// ./catalogueRecords.ts, ./ledgerRecords.ts) only list their columns and what to call them.

/** How a column is checked: text (nullable with ?), a UUID, a number, a 0/1 flag, a file. */
export type ColumnKind = 'text' | 'text?' | 'uuid' | 'uuid?' | 'int' | 'int?' | 'real' | 'bool' | 'bytes';

export type Columns = Record<string, ColumnKind>;

// Long free text (statements, facts) is bounded by the package's own limits; a record is a
// line of JSON, so this only keeps a single field from being absurd.
const MAX_TEXT = 100_000;
const text = z.string({ error: '应为文字' }).max(MAX_TEXT, `文字不能超过${MAX_TEXT}个字`);
const uuid = z.uuid({ error: '编号格式不正确' });
const int = z.number({ error: '应为整数' }).int('应为整数').min(-1e15).max(1e15);
/** A file's bytes as base64: a scan or dossier paper is at most 20 MB; a larger file (an archived PDF) stays with its sender. */
export const MAX_EXCHANGED_FILE_BYTES = 20 * 1024 * 1024;
const kinds: Record<ColumnKind, z.ZodType> = {
  bytes: z
    .base64({ error: '文件内容格式不正确' })
    .max(Math.ceil((MAX_EXCHANGED_FILE_BYTES * 4) / 3) + 4, '文件超过20 MB'),
  text,
  'text?': text.nullable(),
  uuid,
  'uuid?': uuid.nullable(),
  int,
  'int?': int.nullable(),
  real: z.number({ error: '应为数字' }).min(-1e15).max(1e15),
  bool: z.boolean({ error: '应为是或否' }),
};

const timestamp = z.iso.datetime({ offset: true, error: '时间格式不正确' });
/** The sync columns every exchanged record carries. */
export const syncable = {
  id: uuid,
  originOfficeId: uuid,
  version: z.number().int().min(1).max(1_000_000_000),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
};

/** A record's schema: the sync columns (its id checked by `id` when it is not a UUID) and its own. */
export function recordSchema(columns: Columns, id: z.ZodType<string> = uuid) {
  return z.strictObject({
    ...syncable,
    id,
    ...Object.fromEntries(Object.entries(columns).map(([key, kind]) => [key, kinds[kind]])),
  });
}

/** A record as it travels: the sync columns and the table's own, by name. */
export type ExchangedRecord = z.infer<z.ZodObject<typeof syncable>> & Record<string, unknown>;

/** What the 冲突处理 screen shows of a table: every column but files (compared by SHA-256). */
export function fieldLabelsOf(columns: Columns, names: Record<string, string>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, kind] of Object.entries(columns)) if (kind !== 'bytes') labels[key] = names[key] ?? key;
  labels.deletedAt = '删除时间';
  return labels;
}

/**
 * One record family's tables, in the order a package carries them: each table's schema (by its
 * columns, unless `schemas` gives one), its package lines, and its labels for 冲突处理.
 */
export function recordFamily<T extends string>(
  columns: Record<T, Columns>,
  names: Record<string, string>,
  schemas: Partial<Record<T, z.ZodType<ExchangedRecord>>> = {},
) {
  const tables = Object.keys(columns) as T[];
  const schemaOf = (t: T): z.ZodType<ExchangedRecord> => schemas[t] ?? recordSchema(columns[t]);
  return {
    tables,
    lines: tables.map((t) => z.strictObject({ t: z.literal(t), r: schemaOf(t) })),
    fieldLabels: Object.fromEntries(tables.map((t) => [t, fieldLabelsOf(columns[t], names)])) as Record<
      T,
      Record<string, string>
    >,
  };
}
