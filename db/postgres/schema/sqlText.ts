// Reading pieces of SQLite's own schema text (CREATE TABLE, CREATE INDEX, CREATE TRIGGER as
// sqlite_schema keeps them): what PRAGMA does not tell — CHECK expressions, an index's
// expressions and WHERE clause, a trigger's condition and body. Only what is SQL code is
// looked at: string literals and quoted identifiers are carried through untouched.

/** Index just past the literal or quoted identifier that opens at `start`. */
export function pastQuoted(text: string, start: number): number {
  const quote = text[start]!;
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  throw new Error(`unterminated ${quote} in: ${text}`);
}

const isQuote = (ch: string) => ch === "'" || ch === '"';

/** Index just past the parenthesis that closes the one at `open`. */
export function pastClosing(text: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const ch = text[i]!;
    if (isQuote(ch)) {
      i = pastQuoted(text, i);
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
    i++;
  }
  throw new Error(`unbalanced parentheses in: ${text}`);
}

/** `text` split at `separator` where it stands outside parentheses and quotes, each part trimmed. */
export function splitTopLevel(text: string, separator: ',' | ';'): string[] {
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (isQuote(ch)) i = pastQuoted(text, i);
    else if (ch === '(') i = pastClosing(text, i);
    else if (ch === separator) {
      parts.push(text.slice(start, i).trim());
      start = ++i;
    } else i++;
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p !== '');
}

/**
 * Applies `change` to every stretch of SQL code in `text` (between literals and quoted
 * identifiers), leaving the quoted parts as they are.
 */
export function mapCode(text: string, change: (code: string) => string): string {
  let out = '';
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (isQuote(text[i]!)) {
      const end = pastQuoted(text, i);
      out += change(text.slice(start, i)) + text.slice(i, end);
      start = i = end;
    } else i++;
  }
  return out + change(text.slice(start));
}

/** Every bare word of SQL code in `text` (identifiers and keywords, lower-cased). */
export function wordsIn(text: string): Set<string> {
  const words = new Set<string>();
  mapCode(text, (code) => {
    for (const m of code.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) words.add(m[0].toLowerCase());
    return code;
  });
  return words;
}

/** The words of SQL code that call something: `name(`. */
export function callsIn(text: string): Set<string> {
  const calls = new Set<string>();
  mapCode(text, (code) => {
    for (const m of code.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)) calls.add(m[1]!.toLowerCase());
    return code;
  });
  return calls;
}

/** Every word of SQL code that names one of `columns`, replaced by what `rename` gives for it. */
export function renameColumns(text: string, rename: (column: string) => string | undefined): string {
  return mapCode(text, (code) =>
    code.replace(/(?<![.\w])([A-Za-z_][A-Za-z0-9_]*)\b/g, (word) => rename(word) ?? word),
  );
}

/** The expressions of every CHECK constraint in a CREATE TABLE, column and table ones alike. */
export function checksOf(createTable: string): string[] {
  const body = createTable.slice(createTable.indexOf('(') + 1, createTable.lastIndexOf(')'));
  const found: string[] = [];
  let i = 0;
  while (i < body.length) {
    const ch = body[i]!;
    if (isQuote(ch)) {
      i = pastQuoted(body, i);
      continue;
    }
    const m = /^CHECK\s*\(/i.exec(body.slice(i));
    if (m && !/\w/.test(body[i - 1] ?? ' ')) {
      const open = i + m[0].length - 1;
      const end = pastClosing(body, open);
      found.push(body.slice(open + 1, end - 1).trim());
      i = end;
    } else i++;
  }
  return found;
}

/** A value as an SQL literal (seed rows: text, numbers and NULL only). */
export function literal(value: unknown): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`no SQL literal for a seed value of type ${typeof value}`);
}
