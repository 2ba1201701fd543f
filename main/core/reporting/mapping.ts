import { z } from 'zod';
import { infoSets, type InfoSetName, type PersonalKind } from '../../contract/province/infoSets';
import { provinceMapping, type ProvinceMapping } from '../../contract/province/mapping';
import { maskIdNumber } from '../../contract/validation/idNumber';
import { maskPhone } from '../../contract/validation/phone';
import defaultMapping from '../../../resources/province/mappings/default.json';
import spreadsheetMapping from '../../../resources/province/mappings/xlsx-zh.json';
import { ValidationError } from '../errors';

// Applying a mapping (../../contract/province/mapping.ts) to published records: rename fields,
// map code values, mask the personal fields the mapping does not send in full, and (for the
// spreadsheet form) flatten a record into one row of cells.

export const SHIPPED_MAPPINGS: ProvinceMapping[] = [defaultMapping, spreadsheetMapping].map((m) =>
  provinceMapping.parse(m),
);

interface FieldInfo {
  shape: 'leaf' | 'object' | 'array';
  codeTable?: string;
  personal?: PersonalKind;
}

/** Field path ('parties[].idNumber') → its code table and personal kind, from the schema's metadata. */
function fieldsOf(
  schema: z.ZodType,
  prefix = '',
  out = new Map<string, FieldInfo>(),
): Map<string, FieldInfo> {
  let node = schema;
  while (node instanceof z.ZodNullable || node instanceof z.ZodOptional) node = node.unwrap() as z.ZodType;
  if (!(node instanceof z.ZodObject)) return out;
  for (const [key, child] of Object.entries<z.ZodType>(node.shape)) {
    const meta: Record<string, unknown> = child.meta() ?? {};
    const path = `${prefix}${key}`;
    let inner: z.ZodType = child;
    while (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional)
      inner = inner.unwrap() as z.ZodType;
    const info: FieldInfo = {
      shape: inner instanceof z.ZodArray ? 'array' : inner instanceof z.ZodObject ? 'object' : 'leaf',
    };
    if (typeof meta['x-codeTable'] === 'string') info.codeTable = meta['x-codeTable'];
    if (typeof meta['x-personal'] === 'string') info.personal = meta['x-personal'] as PersonalKind;
    out.set(path, info);
    if (inner instanceof z.ZodArray) fieldsOf(inner.element as z.ZodType, `${path}[].`, out);
    else fieldsOf(inner, `${path}.`, out);
  }
  return out;
}

const FIELDS = Object.fromEntries(
  (Object.keys(infoSets) as InfoSetName[]).map((n) => [n, fieldsOf(infoSets[n].schema as z.ZodType)]),
) as Record<InfoSetName, Map<string, FieldInfo>>;

/** Checks that every path a mapping names exists in the published schema. */
export function checkMappingPaths(mapping: ProvinceMapping): void {
  for (const set of Object.keys(mapping.infoSets) as InfoSetName[]) {
    const { rename, omit } = mapping.infoSets[set];
    for (const path of [...Object.keys(rename), ...omit]) {
      if (!FIELDS[set].has(path)) {
        throw ValidationError.field(
          ['infoSets', set],
          '映射',
          `信息集 ${set} 中没有字段 ${path}，请对照字段字典修改映射`,
        );
      }
    }
  }
  for (const path of mapping.fullPersonalFields) {
    const [set, ...rest] = path.split('.');
    const info = FIELDS[set as InfoSetName]?.get(rest.join('.'));
    if (!info?.personal) {
      throw ValidationError.field(
        ['fullPersonalFields'],
        '映射',
        `${path} 不是个人信息字段（证件号码或联系电话），请对照字段字典修改`,
      );
    }
  }
}

/** A compiled mapping for one info-set: maps one published record to its target shape. */
export function compileMapping(mapping: ProvinceMapping, set: InfoSetName) {
  const { rename, omit } = mapping.infoSets[set];
  const omitted = new Set(omit);
  const full = new Set(
    mapping.fullPersonalFields.filter((p) => p.startsWith(`${set}.`)).map((p) => p.slice(set.length + 1)),
  );
  const fields = FIELDS[set];
  const codes = mapping.codes as Record<string, Record<string, string> | undefined>;

  function value(path: string, v: unknown): unknown {
    const info = fields.get(path);
    if (typeof v !== 'string' || !info) return v;
    if (info.personal && !full.has(path))
      return info.personal === 'idNumber' ? maskIdNumber(v) : maskPhone(v);
    if (info.codeTable) return codes[info.codeTable]?.[v] ?? v;
    return v;
  }

  function walk(input: Record<string, unknown>, prefix: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(input)) {
      const path = `${prefix}${key}`;
      if (omitted.has(path)) continue;
      const name = rename[path] ?? key;
      if (Array.isArray(v)) {
        out[name] = v.map((item: unknown) =>
          item && typeof item === 'object'
            ? walk(item as Record<string, unknown>, `${path}[].`)
            : value(`${path}[]`, item),
        );
      } else if (v && typeof v === 'object') {
        out[name] = walk(v as Record<string, unknown>, `${path}.`);
      } else {
        out[name] = value(path, v);
      }
    }
    return out;
  }

  return (record: object) => walk(record as Record<string, unknown>, '');
}

/**
 * The same mapping as edits on a record's JSON text (JSON.stringify of the published record),
 * for the common case where all it does to this info-set is mask personal fields: nothing
 * renamed or omitted, no code mapped. Re-exporting a frozen batch then streams the stored text
 * instead of parsing, walking and serialising every record again. Null when the mapping does
 * more, or when a masked field's name is also the name of a field that is not masked the same
 * way (a text edit finds a field by its name only). Gives exactly what compileMapping gives
 * (tests/node/reporting/mapping.test.ts compares them).
 */
export function compileTextMapping(
  mapping: ProvinceMapping,
  set: InfoSetName,
): ((json: string) => string) | null {
  const { rename, omit } = mapping.infoSets[set];
  if (Object.keys(rename).length || omit.length) return null;
  const fields = FIELDS[set];
  const codes = mapping.codes as Record<string, Record<string, string> | undefined>;
  const full = new Set(
    mapping.fullPersonalFields.filter((p) => p.startsWith(`${set}.`)).map((p) => p.slice(set.length + 1)),
  );
  const nameOf = (path: string) => path.slice(path.lastIndexOf('.') + 1).replace('[]', '');
  const maskedPaths = new Set<string>();
  const masked = new Map<string, PersonalKind>();
  for (const [path, info] of fields) {
    if (info.codeTable && Object.keys(codes[info.codeTable] ?? {}).length) return null;
    if (!info.personal || full.has(path)) continue;
    const kind = masked.get(nameOf(path)) ?? info.personal;
    if (info.shape !== 'leaf' || path.endsWith('[]') || kind !== info.personal) return null;
    masked.set(nameOf(path), kind);
    maskedPaths.add(path);
  }
  for (const path of fields.keys()) if (masked.has(nameOf(path)) && !maskedPaths.has(path)) return null;
  if (!masked.size) return (json) => json;
  const edits = [...masked].map(([name, kind]) => {
    const mask = kind === 'idNumber' ? maskIdNumber : maskPhone;
    return (json: string) => maskStrings(json, `"${name}":"`, mask);
  });
  return (json) => edits.reduce((text, edit) => edit(text), json);
}

/**
 * Every string value after `key` (`"phone":"`), masked. Inside a JSON string every quote is
 * escaped, so the key (with its unescaped quotes) is found only where it is a key; the value
 * ends at the first quote that is not escaped. A plain search is several times faster than a
 * regular expression over megabytes of JSON.
 */
function maskStrings(json: string, key: string, mask: (value: string) => string): string {
  let at = json.indexOf(key);
  if (at < 0) return json;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const open = at + key.length - 1;
    let close = open + 1;
    // (A value cut off would end the text: JSON.parse then says so.)
    for (let c = json.charCodeAt(close); c !== 34 && close < json.length; c = json.charCodeAt(close))
      close += c === 92 ? 2 : 1;
    out += json.slice(from, open) + JSON.stringify(mask(JSON.parse(json.slice(open, close + 1)) as string));
    from = close + 1;
    at = json.indexOf(key, from);
  }
  return out + json.slice(from);
}

/** The spreadsheet's columns for one info-set: every field outside lists, with the mapping's names. */
export function sheetColumns(mapping: ProvinceMapping, set: InfoSetName): { path: string; name: string }[] {
  const { rename, omit } = mapping.infoSets[set];
  const columns: { path: string; name: string }[] = [];
  for (const [path, info] of FIELDS[set]) {
    if (path.includes('[]') || info.shape === 'object') continue;
    const segments = path.split('.');
    const prefixes = segments.map((_, i) => segments.slice(0, i + 1).join('.'));
    if (prefixes.some((p) => omit.includes(p))) continue;
    columns.push({ path, name: prefixes.map((p, i) => rename[p] ?? segments[i]).join('.') });
  }
  return columns;
}

/**
 * One spreadsheet row: nested objects become columns named "agreement.kind" (with the mapping's
 * names), lists become one cell of JSON text so no row is split and no value lost.
 */
export function flattenRow(mapped: Record<string, unknown>, prefix = '', row: Record<string, unknown> = {}) {
  for (const [key, v] of Object.entries(mapped)) {
    const name = `${prefix}${key}`;
    if (Array.isArray(v)) row[name] = v.length ? JSON.stringify(v) : '';
    else if (v && typeof v === 'object') flattenRow(v as Record<string, unknown>, `${name}.`, row);
    else row[name] = v ?? '';
  }
  return row;
}
