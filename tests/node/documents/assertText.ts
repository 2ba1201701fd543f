import { expect } from 'vitest';

// pdftotext -layout spreads text over columns and adds spaces between Chinese and digits
// ("2026 年"); comparing without whitespace (and without the — 1 — page numbers) makes checks
// independent of line and page breaks.

export const compact = (text: string): string => text.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');

/** pdftotext separates pages with form feeds. */
export const pagesOf = (text: string): string[] => text.split('\f').map(compact);

/** Index of the last page whose text contains the needle (signatures repeat names), -1 if none. */
export const lastPageOf = (text: string, needle: string): number =>
  pagesOf(text).findLastIndex((p) => p.includes(compact(needle)));

/** Every needle occurs, each after the previous one (the legal order of the sections). */
export function expectInOrder(text: string, needles: readonly string[]): void {
  const haystack = compact(text);
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(compact(needle), from);
    expect(at, `“${needle}” missing or out of order (searching from ${from})`).toBeGreaterThanOrEqual(0);
    from = at + compact(needle).length;
  }
}

/** No placeholder leaked and no label is followed straight by punctuation (an empty value). */
export function expectNoBlankFields(text: string): void {
  for (const bad of ['undefined', 'null', 'NaN', '[object', 'Invalid']) {
    expect(text, `document contains “${bad}”`).not.toContain(bad);
  }
  const empty = /[：:][，。；、）,;]/.exec(compact(text));
  expect(
    empty?.[0],
    `empty value after a label near “${empty ? compact(text).slice(Math.max(0, empty.index - 12), empty.index + 4) : ''}”`,
  ).toBeUndefined();
}
