import { z } from 'zod';
import {
  codeTables,
  infoSets,
  PROVINCE_SCHEMA_VERSION,
  type InfoSetName,
} from '../../contract/province/infoSets';
import { PINGLUO_DIVISION, townshipDivisionCodes } from '../../contract/province/codes';

// What the desk publishes about its package format, generated from the zod schemas so code and
// published schema cannot disagree: one JSON Schema per info-set, the code tables, and the Chinese
// field dictionary. scripts/province-schema.ts writes them into the repository; a test fails when
// the committed files differ from these.

export const SCHEMA_DIR = `resources/province/schema/${PROVINCE_SCHEMA_VERSION}`;
export const DICTIONARY_FILE = 'resources/province/dictionary.zh-CN.md';

export function jsonSchemaOf(name: InfoSetName): Record<string, unknown> {
  return {
    $id: `urn:pingluo-mediation-desk:province:${PROVINCE_SCHEMA_VERSION}:${name}`,
    ...z.toJSONSchema(infoSets[name].schema, { target: 'draft-2020-12', unrepresentable: 'throw' }),
  };
}

/** The code tables, with the county's division codes (villages come from resources/seed). */
export function codeTablesFile(villages: { code: string; name: string; township: string }[]) {
  const tables: Record<string, { title: string; codes: Record<string, string> }> = {};
  for (const [name, table] of Object.entries(codeTables)) {
    tables[name] = { title: table.title, codes: { ...table.codes } };
  }
  tables.division = {
    title: '平罗县统计用区划代码（2023）',
    codes: {
      [PINGLUO_DIVISION]: '平罗县',
      ...townshipDivisionCodes,
      ...Object.fromEntries(villages.map((v) => [v.code, `${v.township}${v.name}`])),
    },
  };
  return tables;
}

interface JsonSchemaNode {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  enum?: unknown[];
  'x-codeTable'?: string;
  'x-personal'?: string;
}

function typeName(node: JsonSchemaNode): string {
  const inner = node.anyOf?.find((n) => n.type !== 'null') ?? node;
  const types = ([] as string[]).concat(inner.type ?? []).filter((t) => t !== 'null');
  const t = types[0] ?? 'object';
  return (
    { string: '字符串', integer: '整数', number: '数值', boolean: '布尔', array: '数组', object: '对象' }[
      t
    ] ?? t
  );
}

function nullable(node: JsonSchemaNode): boolean {
  return (
    (Array.isArray(node.type) && node.type.includes('null')) ||
    Boolean(node.anyOf?.some((n) => n.type === 'null'))
  );
}

function rows(node: JsonSchemaNode, prefix: string, out: string[]): void {
  const required = new Set(node.required ?? []);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = `${prefix}${key}`;
    const must = required.has(key) && !nullable(child) ? '是' : '否';
    const table = child['x-codeTable'] ? `${child['x-codeTable']}` : '';
    const personal = child['x-personal'] ? '个人信息，按映射全量或脱敏' : '';
    const note = [child.description ?? '', personal].filter(Boolean).join('；');
    out.push(`| \`${path}\` | ${child.title ?? ''} | ${typeName(child)} | ${must} | ${table} | ${note} |`);
    const inner = child.anyOf?.find((n) => n.type !== 'null') ?? child;
    if (inner.properties) rows(inner, `${path}.`, out);
    if (inner.items?.properties) rows(inner.items, `${path}[].`, out);
  }
}

export function dictionaryMarkdown(): string {
  const out = [
    `# 省级报送数据包字段字典（${PROVINCE_SCHEMA_VERSION}）`,
    '',
    '本文件由 `npm run province:schema` 从代码中的数据结构生成，请勿手工修改。',
    '“必填”为“否”的字段可以为空（null）。代码表见 `codes.json`；个人信息字段（证件号码、联系电话）',
    '是否全量导出由映射文件决定，否则按界面的方式脱敏。',
    '',
  ];
  for (const name of Object.keys(infoSets) as InfoSetName[]) {
    const schema = jsonSchemaOf(name) as JsonSchemaNode;
    out.push(`## ${infoSets[name].title}（${name}.json）`, '', schema.description ?? '', '');
    out.push('| 字段 | 中文名 | 类型 | 必填 | 代码表 | 说明 |', '|---|---|---|---|---|---|');
    rows(schema, '', out);
    out.push('');
  }
  out.push('## 代码表', '');
  for (const [name, table] of Object.entries(codeTables)) {
    out.push(`### ${name}：${table.title}`, '');
    out.push(
      Object.entries(table.codes)
        .map(([code, label]) => `\`${code}\` ${label}`)
        .join('；'),
      '',
    );
  }
  out.push(
    '### division：平罗县统计用区划代码（2023）',
    '',
    '乡镇及村（社区）代码见 `codes.json` 的 `division` 表。',
    '',
  );
  return out.join('\n');
}

/** Every published file: repository path → content. */
export function publishedFiles(
  villages: { code: string; name: string; township: string }[],
): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of Object.keys(infoSets) as InfoSetName[]) {
    files[`${SCHEMA_DIR}/${name}.json`] = `${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`;
  }
  files[`${SCHEMA_DIR}/codes.json`] = `${JSON.stringify(codeTablesFile(villages), null, 2)}\n`;
  files[DICTIONARY_FILE] = dictionaryMarkdown();
  return files;
}
