import { callsIn, mapCode } from './sqlText';

// SQLite expressions (CHECKs, index expressions and WHERE clauses, trigger conditions and
// bodies) as PostgreSQL reads them with the same meaning. What is rewritten is listed here;
// anything else SQLite-only stops the generator, naming the expression, so a new migration that
// uses it gets its PostgreSQL twin written by a person rather than guessed.

/** Functions that mean the same in both (on the types the schema gives them). */
const sameInBoth = new Set(['length', 'coalesce', 'lower', 'upper', 'abs']);

/** Words SQL writes before a parenthesis that are not calls. */
const keywords = new Set([
  'in',
  'exists',
  'and',
  'or',
  'not',
  'check',
  'values',
  'when',
  'then',
  'else',
  'on',
]);

/** SQLite's `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`: the statement's time, UTC, to the millisecond. */
export const NOW_UTC = `to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const SQLITE_NOW = /strftime\(\s*'%Y-%m-%dT%H:%M:%fZ'\s*,\s*'now'\s*\)/gi;

/** A GLOB pattern (SQLite: case-sensitive, whole value) as an anchored POSIX regular expression. */
function globToRegex(glob: string): string {
  let out = '^';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') out += '.*';
    else if (ch === '?') out += '.';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) throw new Error(`GLOB pattern without its ]: ${glob}`);
      out += glob.slice(i, end + 1);
      i = end;
    } else out += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return `${out}$`;
}

function rewriteGlob(text: string): string {
  return text.replace(
    /(\b[A-Za-z_][\w.]*)\s+GLOB\s+'((?:[^']|'')*)'/gi,
    (_, column: string, pattern: string) => {
      return `${column} ~ '${globToRegex(pattern.replaceAll("''", "'")).replaceAll("'", "''")}'`;
    },
  );
}

/**
 * SQLite's IS and IS NOT between two values are PostgreSQL's IS NOT DISTINCT FROM and IS
 * DISTINCT FROM (NULL-safe equality); IS [NOT] NULL stays.
 */
function rewriteIs(code: string): string {
  return code
    .replace(/\bIS\s+NOT\s+(?!NULL\b|DISTINCT\b)/gi, 'IS DISTINCT FROM ')
    .replace(/\bIS\s+(?!NOT\b|NULL\b|DISTINCT\b)/gi, 'IS NOT DISTINCT FROM ');
}

/** The expression as PostgreSQL must read it; throws on what it does not know how to carry. */
export function portable(expression: string, where: string): string {
  if (/\bGLOB\b/i.test(expression) && !/(\b[A-Za-z_][\w.]*)\s+GLOB\s+'/i.test(expression))
    throw new Error(`${where}: a GLOB this generator cannot rewrite: ${expression}`);
  let out = rewriteGlob(expression.replace(SQLITE_NOW, NOW_UTC));
  out = mapCode(out, rewriteIs);
  const unknown = [...callsIn(out.replaceAll(NOW_UTC, 'now()'))].filter(
    (f) => !sameInBoth.has(f) && !keywords.has(f) && f !== 'now',
  );
  if (unknown.length)
    throw new Error(
      `${where}: no PostgreSQL rewrite for ${unknown.join(', ')}() in: ${expression} (add one in db/postgres/schema/portable.ts)`,
    );
  return out;
}
