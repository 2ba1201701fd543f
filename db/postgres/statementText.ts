import { pastQuoted } from './schema/sqlText';

// The repositories write their statements for SQLite; a few things about the text itself differ
// on PostgreSQL, and are changed here, in what is SQL code only (not in string literals, quoted
// identifiers or comments):
// - parameters: SQLite's positional `?` become PostgreSQL's numbered $1, $2, …;
// - camelCase names: `p.birth_date AS birthDate` names the result column birthDate in SQLite,
//   but PostgreSQL folds an unquoted name to lower case (birthdate): such names are quoted, the
//   alias and every reference to it (`ORDER BY receivedOn`). Tables and columns are snake_case,
//   keywords one case, so a name with both cases is always an alias of ours;
// - SQLite's planner hints go, their meaning stays: `INDEXED BY ix` and `NOT INDEXED` (which
//   index to use), a unary + before a column (`+c.deleted_at`: no index for it), and CROSS JOIN
//   … ON (keep this join order), which is an inner join: PostgreSQL plans for itself;
// - INSERT OR IGNORE (a row whose key is already there is left out) is PostgreSQL's
//   INSERT … ON CONFLICT DO NOTHING;
// - `a IS b` and `a IS NOT b` between two values (NULL-safe equality) are PostgreSQL's
//   IS NOT DISTINCT FROM and IS DISTINCT FROM; IS [NOT] NULL stays.
// Each text is changed once and remembered. Most statements are constants, but a list of ids
// (`IN (?, ?, …)`) makes a text per length, so the memory is bounded: past CHANGED_KEPT texts the
// one used longest ago is forgotten (a desk at the centre runs for weeks).

/** Texts remembered at most: every constant statement and the common list lengths, well under 1 MB. */
export const CHANGED_KEPT = 2_000;

const changed = new Map<string, string>();

/** `text` as PostgreSQL must read it. */
export function postgresText(text: string): string {
  let out = changed.get(text);
  if (out === undefined) {
    out = change(text);
    if (changed.size >= CHANGED_KEPT) changed.delete(changed.keys().next().value!);
  } else {
    changed.delete(text); // moved to the newest end: a Map keeps insertion order
  }
  changed.set(text, out);
  return out;
}

/** How many changed texts are remembered (for tests). */
export const changedTextsKept = (): number => changed.size;

/** A name with both cases in it (not a keyword or type such as TEXT, not a snake_case column). */
const NAME = /\b[A-Za-z_][A-Za-z0-9_]*\b/g;
const isCamel = (name: string) => /[a-z]/.test(name) && /[A-Z]/.test(name);

/** CROSS JOIN t [alias] ON …: the join's own condition makes it an inner join. */
const CROSS_JOIN_ON = /\bCROSS\s+JOIN(\s+\w+(?:\s+(?!ON\b)\w+)?\s+ON\b)/gi;

const INSERT_OR_IGNORE = /^(\s*)INSERT\s+OR\s+IGNORE\s+INTO\b/i;

function change(text: string): string {
  const ignore = INSERT_OR_IGNORE.exec(text);
  if (ignore) {
    const body = changeCode(text.replace(INSERT_OR_IGNORE, `${ignore[1]}INSERT INTO`));
    const returning = /\sRETURNING\s[^;]*$/i.exec(body);
    return returning
      ? `${body.slice(0, returning.index)} ON CONFLICT DO NOTHING${body.slice(returning.index)}`
      : `${body.trimEnd()} ON CONFLICT DO NOTHING`;
  }
  return changeCode(text);
}

function changeCode(text: string): string {
  let out = '';
  let n = 0;
  let code = '';
  const flush = () => {
    out += code
      .replace(/\s+(?:INDEXED\s+BY\s+\w+|NOT\s+INDEXED)\b/gi, '')
      .replace(/(^|[\s(])\+(?=[A-Za-z_]\w*\.[A-Za-z_])/g, '$1')
      .replace(CROSS_JOIN_ON, 'JOIN$1')
      .replace(/\bIS\s+NOT\s+(?!NULL\b|DISTINCT\b|TRUE\b|FALSE\b)/gi, 'IS DISTINCT FROM ')
      .replace(/\bIS\s+(?!NOT\b|NULL\b|DISTINCT\b|TRUE\b|FALSE\b)/gi, 'IS NOT DISTINCT FROM ')
      .replace(NAME, (name) => (isCamel(name) ? `"${name}"` : name))
      .replace(/\?/g, () => `$${++n}`);
    code = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    let end = -1;
    if (ch === "'" || ch === '"') end = pastQuoted(text, i);
    else if (ch === '-' && text[i + 1] === '-') {
      const line = text.indexOf('\n', i);
      end = line === -1 ? text.length : line;
    } else if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      end = close === -1 ? text.length : close + 2;
    }
    if (end < 0) {
      code += ch;
      i++;
    } else {
      flush();
      out += text.slice(i, end);
      i = end;
    }
  }
  flush();
  return out;
}
