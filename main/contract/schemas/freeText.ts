import { z } from 'zod';
import {
  findHiddenCharacter,
  hiddenCharacterMessage,
  stripHiddenCharacters,
} from '../validation/hiddenCharacters';
import { safeDisplayName } from '../validation/fileName';

// The one text rule (validation/hiddenCharacters.ts) as zod checks. Every string input that
// carries free text — names, addresses, summaries, terms, reasons, notes, file names — goes
// through textRule(): text() (common.ts) and longText() below use it. Search boxes and filters
// never refuse (a stray character finds nothing): they strip the same characters instead. A
// contract test walks every channel's input schema and fails on a string field with neither.

const textRuleChecks = new WeakSet<object>();

/** Refuses hidden characters with a message naming the field, the problem and the code point. */
export function textRule(label: string, options: { multiline: boolean } = { multiline: false }) {
  const check = z.superRefine<string>((value, ctx) => {
    const found = findHiddenCharacter(value, options);
    if (found) ctx.addIssue({ code: 'custom', message: hiddenCharacterMessage(label, found), input: value });
  });
  textRuleChecks.add(check);
  return check;
}

/** The same characters, removed: for search boxes and filters, which are never refused. */
function stripRule() {
  const check = z.overwrite<string>((value) => stripHiddenCharacters(value, { multiline: false }));
  textRuleChecks.add(check);
  return check;
}

/** Whether a string schema carries the text rule or its stripping form (for the contract test). */
export function hasTextRule(schema: z.ZodType): boolean {
  const checks = (schema._zod.def as { checks?: unknown[] }).checks ?? [];
  return checks.some((c) => typeof c === 'object' && c !== null && textRuleChecks.has(c));
}

/**
 * Long text from a text area (summaries, statements, terms, reasons, notes): newlines and tabs
 * are allowed, Windows line ends become \n; everything else the text rule refuses.
 */
export function longText(label: string, max: number, min = 0) {
  return z
    .string({ error: `请填写${label}` })
    .overwrite((s) => s.replace(/\r\n?/g, '\n'))
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少${min}个字`)
    .check(textRule(label, { multiline: true }))
    .describe(label);
}

/** A search box or filter: hidden characters are dropped, never refused. */
export function searchText(label: string, max: number) {
  return z
    .string({ error: `${label}须为文字` })
    .max(max, `${label}不能超过${max}个字`)
    .check(stripRule())
    .describe(label);
}

/**
 * A file name as the browser reports it, kept only as a safe display name: the last path
 * segment, hidden characters removed, at most 100 characters with the extension kept
 * (validation/fileName.ts). Nothing is refused unless no name is left.
 */
export function fileNameField(label = '文件名') {
  return z
    .string({ error: `请填写${label}` })
    .max(1000, `${label}过长，请重命名文件后重新上传`)
    .overwrite(safeDisplayName)
    .min(1, `${label}无效，请重命名文件后重新上传`)
    .check(textRule(label))
    .describe(label);
}
