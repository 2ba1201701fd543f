// Characters no typed text legitimately contains, and that break or falsify what the app prints:
// - C0 controls (U+0000–U+001F; newline and tab are allowed in long text only), DEL and the C1
//   controls (U+007F–U+009F): invalid in XML 1.0 (a .docx holding one cannot be opened) or
//   invisible;
// - noncharacters (U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every plane): U+FFFE/U+FFFF are not XML
//   characters at all;
// - lone surrogates: not characters; the database would silently store U+FFFD instead;
// - bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): they reorder
//   what is displayed, so “invoice‮fdp.exe” shows as “invoiceexe.pdf”.
// The contract refuses them in every free-text field (schemas/freeText.ts); the document writer
// and the file-name cleaner strip them as a last line of defence. One list, here.

export type HiddenCharacterKind = 'control' | 'line-break' | 'noncharacter' | 'surrogate' | 'bidi';

export interface HiddenCharacter {
  kind: HiddenCharacterKind;
  /** The code point (for a lone surrogate, the surrogate code unit). */
  codePoint: number;
  /** Index in UTF-16 code units. */
  index: number;
}

export interface HiddenCharacterOptions {
  /** Long text (summaries, statements, terms…): newline and tab are allowed. */
  multiline: boolean;
}

const BIDI = new Set([
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);

function classify(cp: number, multiline: boolean): HiddenCharacterKind | null {
  if (cp < 0x20) {
    if (cp === 0x0a || cp === 0x0d) return multiline ? null : 'line-break';
    if (cp === 0x09) return multiline ? null : 'control';
    return 'control';
  }
  if (cp >= 0x7f && cp <= 0x9f) return 'control';
  if (BIDI.has(cp)) return 'bidi';
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return 'noncharacter';
  return null;
}

/** Walks the string once; calls `found` for each hidden character (stop early by returning true). */
function scan(s: string, multiline: boolean, found: (h: HiddenCharacter) => boolean | void): void {
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
        const kind = classify(cp, multiline);
        if (kind && found({ kind, codePoint: cp, index: i })) return;
        i++;
        continue;
      }
      if (found({ kind: 'surrogate', codePoint: unit, index: i })) return;
      continue;
    }
    const kind = classify(unit, multiline);
    if (kind && found({ kind, codePoint: unit, index: i })) return;
  }
}

/** The first hidden character in `s`, or null when there is none. */
export function findHiddenCharacter(s: string, options: HiddenCharacterOptions): HiddenCharacter | null {
  let first: HiddenCharacter | null = null;
  scan(s, options.multiline, (h) => {
    first = h;
    return true;
  });
  return first;
}

/** 'U+202E' */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What the clerk reads: the field, the problem and the code point, e.g. 姓名含有不可见的控制字符（U+0007），请删除后重新输入. */
export function hiddenCharacterMessage(label: string, h: HiddenCharacter): string {
  const at = codePointLabel(h.codePoint);
  switch (h.kind) {
    case 'line-break':
      return `${label}不能换行，请写在一行内`;
    case 'control':
      return `${label}含有不可见的控制字符（${at}），请删除后重新输入`;
    case 'bidi':
      return `${label}含有不可见的文字方向控制字符（${at}），会使显示的内容与实际不符，请删除后重新输入`;
    case 'noncharacter':
      return `${label}含有无效字符（${at}），请删除后重新输入`;
    case 'surrogate':
      return `${label}含有残缺的字符（${at}），请删除后重新输入`;
  }
}

/**
 * `s` without its hidden characters: the last line of defence where text that bypassed the
 * contract (old rows, raw imports) is written out. Carriage returns become newlines in long text.
 */
export function stripHiddenCharacters(
  s: string,
  options: HiddenCharacterOptions = { multiline: true },
): string {
  const text = options.multiline ? s.replace(/\r\n?/g, '\n') : s;
  let out = '';
  let from = 0;
  scan(text, options.multiline, (h) => {
    out += text.slice(from, h.index);
    from = h.index + (h.codePoint > 0xffff ? 2 : 1);
  });
  return from === 0 ? text : out + text.slice(from);
}
