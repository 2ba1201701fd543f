import { BODY_CHAR } from './styles';

// The committee's name above the date where the seal is pressed. The name ends 2 characters in
// from the right margin (GB/T 9704 落款) when it fits; a long sector committee's name moves out
// to the margin, and one too long even for that puts "（印章）" on its own line instead of
// breaking the name mid-word.

export interface SealLine {
  text: string;
  /** Right indent in body characters. */
  indentChars: number;
}

const width = (text: string): number =>
  [...text].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

export function sealLines(sealText: string, columnTwips: number): SealLine[] {
  const capacity = Math.floor(columnTwips / BODY_CHAR);
  const full = `${sealText}（印章）`;
  if (width(full) <= capacity - 2) return [{ text: full, indentChars: 2 }];
  if (width(full) <= capacity) return [{ text: full, indentChars: 0 }];
  return [
    { text: sealText, indentChars: width(sealText) <= capacity - 2 ? 2 : 0 },
    { text: '（印章）', indentChars: 2 },
  ];
}
