// The repositories write their statements with SQLite's positional `?`; PostgreSQL numbers its
// parameters ($1, $2, …). The translation skips what is not SQL code — string literals, quoted
// identifiers and comments — so a '?' inside a literal stays a question mark. Each text is
// translated once (statements are constants, the cache stays small).

const translated = new Map<string, string>();

/** `text` with every `?` parameter numbered as PostgreSQL wants it. */
export function numberedParameters(text: string): string {
  let out = translated.get(text);
  if (out === undefined) {
    out = translate(text);
    translated.set(text, out);
  }
  return out;
}

function translate(text: string): string {
  let out = '';
  let n = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      const end = closing(text, i, ch);
      out += text.slice(i, end);
      i = end;
    } else if (ch === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += text.slice(i, stop);
      i = stop;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop);
      i = stop;
    } else if (ch === '?') {
      out += `$${++n}`;
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Index just past the quote that closes the one at `start` (a doubled quote escapes itself). */
function closing(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}
