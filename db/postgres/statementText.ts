import { pastQuoted } from './schema/sqlText';

// The repositories write their statements for SQLite; two things about the text itself differ
// on PostgreSQL, and are changed here, in what is SQL code only (not in string literals, quoted
// identifiers or comments):
// - parameters: SQLite's positional `?` become PostgreSQL's numbered $1, $2, …;
// - camelCase aliases: `p.birth_date AS birthDate` names the result column birthDate in SQLite,
//   but PostgreSQL folds an unquoted name to lower case (birthdate): such aliases are quoted.
// Each text is changed once (statements are constants, the cache stays small).

const changed = new Map<string, string>();

/** `text` as PostgreSQL must read it. */
export function postgresText(text: string): string {
  let out = changed.get(text);
  if (out === undefined) {
    out = change(text);
    changed.set(text, out);
  }
  return out;
}

/** An alias with both cases in it (not a type name such as TEXT in CAST(x AS TEXT)). */
const CAMEL_ALIAS = /\bAS(\s+)([A-Za-z_][A-Za-z0-9_]*)\b/gi;
const isCamel = (name: string) => /[a-z]/.test(name) && /[A-Z]/.test(name);

function change(text: string): string {
  let out = '';
  let n = 0;
  let code = '';
  const flush = () => {
    out += code
      .replace(CAMEL_ALIAS, (all, space: string, name: string) =>
        isCamel(name) ? `AS${space}"${name}"` : all,
      )
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
