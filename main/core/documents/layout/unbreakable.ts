import { TextRun, type IRunOptions } from 'docx';

// A code never breaks across lines, whatever font the printing machine substitutes: a
// verification code, an ID or credit code, a phone, a case number, an amount. A value that would
// split is carried whole to the next line instead.
//
// The construct, checked in LibreOffice 7.4 with the wide fallback Latin face (DejaVu Serif):
// - U+2060 WORD JOINER between every two characters. Word treats it as glue (no break on either
//   side, like a no-break space of zero width), and so do ICU-based line breakers (LibreOffice,
//   Chromium, WPS). It prints nothing and pdftotext does not extract it.
// - The run is tagged en-US for its East Asian text too: LibreOffice's Chinese line breaker
//   ignores joiners between ideographs (（2026）平渠人调字 / 第37号 split with zh-CN), its
//   western one honours them, and the language changes nothing else on paper.
// - A plain hyphen, not U+2011: LibreOffice turns U+2011 into its own hard-hyphen portion and then
//   breaks the digits after it wherever the line ends (0952‑601234 / 5).

export const WORD_JOINER = '\u2060';

/** The value with a word joiner between every two characters. */
export function whole(value: string): string {
  return [...value.replaceAll(WORD_JOINER, '')].join(WORD_JOINER);
}

/** The text with each of the given values in it kept whole. */
export function withWhole(text: string, values: readonly string[]): string {
  return values.reduce((out, value) => out.replaceAll(value, whole(value)), text);
}

/** The text as read: without the joiners (for widths, comparisons, file names). */
export function readable(text: string): string {
  return text.replaceAll(WORD_JOINER, '');
}

/** Hyphenated codes typed into free text (a phone 0952-6012345, a code 70NH-ER3W-Q3W9). */
const TYPED_CODE = /[0-9A-Za-z]+(?:-[0-9A-Za-z]+)+/g;

/**
 * Free text as typed by a clerk, with the codes in it kept whole. Plain digit runs and amounts
 * such as 58,300 already hold together in every line breaker; a hyphen is where they split.
 */
export function keepCodesWhole(text: string): string {
  return text.replace(TYPED_CODE, (code) => whole(code));
}

/** A span of characters joined by word joiners (at least two characters). */
const JOINED = new RegExp(`[^${WORD_JOINER}](?:${WORD_JOINER}[^${WORD_JOINER}])+`, 'gu');

const WHOLE_LANGUAGE = { value: 'en-US', eastAsia: 'en-US' } as const;

/**
 * The runs for a line of text: joined spans in runs of their own tagged en-US (see above), the
 * rest as plain runs with the given formatting.
 */
export function textRuns(text: string, options: Omit<IRunOptions, 'text' | 'children'> = {}): TextRun[] {
  const runs: TextRun[] = [];
  let from = 0;
  for (const match of text.matchAll(JOINED)) {
    if (match.index > from) runs.push(new TextRun({ ...options, text: text.slice(from, match.index) }));
    runs.push(new TextRun({ ...options, text: match[0], language: WHOLE_LANGUAGE }));
    from = match.index + match[0].length;
  }
  if (from < text.length || runs.length === 0) runs.push(new TextRun({ ...options, text: text.slice(from) }));
  return runs;
}
