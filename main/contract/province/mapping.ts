import { z } from 'zod';
import { codeTables, infoSetNames, type InfoSetName } from './infoSets';

// A mapping (映射) turns the published v1 records into what a target system imports: field
// renames, code-value maps, which personal fields leave in full, and the output form (JSON files
// in the zip, or one .xlsx sheet per info-set). Changing the target format is a mapping change,
// not a code change: the desk ships two (resources/province/mappings) and the 管理员 may save more.

const fieldPath = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9]*(\[\])?(\.[A-Za-z][A-Za-z0-9]*(\[\])?)*$/,
    '字段路径格式不正确，例如 parties[].idNumber',
  );

const targetName = z
  .string()
  .trim()
  .min(1, '目标字段名不能为空')
  .max(60, '目标字段名不超过60个字符')
  .refine((v) => !/[\\/:*?"<>|\u0000-\u001f]/.test(v), '目标字段名不能含有 \\ / : * ? " < > | 或控制字符');

const infoSetMapping = z.strictObject({
  /** The file (JSON form) or sheet (xlsx form) name, without extension. */
  name: targetName.describe('文件或工作表名称'),
  /** Published field path → target name (of the last segment). Unlisted fields keep their names. */
  rename: z.record(fieldPath, targetName).default({}).describe('字段改名'),
  /** Published field paths left out of the output. */
  omit: z.array(fieldPath).default([]).describe('不导出的字段'),
});

export const provinceMapping = z.strictObject({
  format: z.literal('pingluo-mediation-desk/province-mapping', {
    error: '这不是省级报送映射文件（format 不正确）',
  }),
  schemaVersion: z.literal('v1', { error: '映射文件对应的数据结构版本不是 v1' }),
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, '映射编号只能用小写字母、数字和连字符，2至40个字符')
    .describe('映射编号'),
  name: z.string().trim().min(2, '映射名称至少2个字').max(40, '映射名称不超过40个字').describe('映射名称'),
  form: z.enum(['json', 'xlsx'], { error: '输出形式只能是 json 或 xlsx' }).describe('输出形式'),
  infoSets: z
    .strictObject(
      Object.fromEntries(infoSetNames.map((n) => [n, infoSetMapping])) as Record<
        InfoSetName,
        typeof infoSetMapping
      >,
    )
    .describe('信息集'),
  /** Code table → { published code: target code }. Codes not listed pass unchanged. */
  codes: z
    .partialRecord(
      z.enum(Object.keys(codeTables) as [keyof typeof codeTables, ...(keyof typeof codeTables)[]]),
      z.record(z.string(), z.string()),
    )
    .default({})
    .describe('代码值映射'),
  /** Personal fields (`cases.parties[].idNumber`, …) exported in full; every other one is masked. */
  fullPersonalFields: z
    .array(
      z
        .string()
        .regex(
          /^(organisations|mediators|screenings|cases)\.[A-Za-z[\].]+$/,
          '个人信息字段路径格式不正确，例如 cases.parties[].idNumber',
        ),
    )
    .default([])
    .describe('全量导出的个人信息字段'),
});
export type ProvinceMapping = z.output<typeof provinceMapping>;
export type ProvinceMappingInput = z.input<typeof provinceMapping>;
