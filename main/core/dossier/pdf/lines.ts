import { textWidth } from './font';
import type { Paragraph, Run } from './flow';

// Breaking a paragraph into lines the way Chinese typesetting does: any two Han characters may
// part, Latin words and numbers stay whole (a phone, ID or amount never breaks mid-number),
// closing punctuation never starts a line and opening punctuation never ends one (禁则).

/** One drawable piece on a line, x relative to the text block's left edge. */
export interface Piece {
  x: number;
  text: string;
  size: number;
  bold: boolean;
  width: number;
  image?: Run['image'];
}

export interface Line {
  pieces: Piece[];
  height: number;
  /** Baseline offset from the line's top. */
  baseline: number;
}

export interface LaidParagraph {
  lines: Line[];
  spaceBefore: number;
  spaceAfter: number;
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
}

const NO_START = new Set([...'，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}％～–']);
const NO_END = new Set([...'（《「『【〔〈“‘([{￥$']);
const WORD_JOINER = '\u2060';
const DEFAULT_TAB = 21; // Word's default tab stop for Chinese documents: two characters of 10.5 pt

interface Token {
  text: string;
  size: number;
  bold: boolean;
  width: number;
  space: boolean;
  tab?: true;
  image?: Run['image'];
  /** No line break may fall between this token and the one before. */
  glueBefore: boolean;
}

const isWordChar = (ch: string): boolean => /[A-Za-z0-9@#&_+\-=/\\.,:%'"*<>|~^`]/.test(ch);

function tokenize(runs: readonly Run[]): Token[] {
  const out: Token[] = [];
  let glueNext = false;
  const push = (t: Omit<Token, 'glueBefore' | 'width'> & { width?: number }) => {
    const first = t.text[0] ?? '';
    const glueBefore = glueNext || NO_START.has(first);
    const last = t.text.at(-1) ?? '';
    glueNext = NO_END.has(last);
    out.push({ ...t, width: t.width ?? textWidth(t.text, t.size), glueBefore });
  };
  for (const run of runs) {
    if (run.tab) {
      push({ text: '', size: run.size, bold: run.bold, space: false, tab: true, width: 0 });
      continue;
    }
    if (run.image) {
      push({ text: '', size: run.size, bold: false, space: false, image: run.image, width: run.image.width });
      continue;
    }
    const chars = Array.from(run.text);
    for (let i = 0; i < chars.length;) {
      const ch = chars[i]!;
      if (ch === WORD_JOINER) {
        // The document model joins a code's characters (a 卷号, page range, ID, amount) with word
        // joiners: no break on either side, and nothing drawn.
        glueNext = true;
        i++;
      } else if (ch === ' ' || ch === '\u00a0') {
        push({ text: ch, size: run.size, bold: run.bold, space: ch === ' ' });
        i++;
      } else if (isWordChar(ch)) {
        let j = i + 1;
        while (j < chars.length && isWordChar(chars[j]!)) j++;
        push({ text: chars.slice(i, j).join(''), size: run.size, bold: run.bold, space: false });
        i = j;
      } else {
        push({ text: ch, size: run.size, bold: run.bold, space: false });
        i++;
      }
    }
  }
  return out;
}

function naturalHeight(size: number): number {
  return size * 1.32;
}

function lineHeightOf(p: Paragraph, tokens: readonly Token[], fallbackSize: number): [number, number] {
  let size = 0;
  let image = 0;
  for (const t of tokens) {
    size = Math.max(size, t.size);
    if (t.image) image = Math.max(image, t.image.height);
  }
  if (size === 0) size = fallbackSize;
  const natural = Math.max(naturalHeight(size), image);
  const height =
    p.line.rule === 'exact'
      ? p.line.value
      : p.line.rule === 'atLeast'
        ? Math.max(p.line.value, natural)
        : Math.max(naturalHeight(size) * p.line.value, image);
  // The em box is centred in the line; the baseline sits 0.88 em below the box's top (Noto CJK).
  const boxTop = image > 0 ? height - image : (height - size) / 2;
  const baseline = image > 0 ? height : boxTop + size * 0.88;
  return [height, baseline];
}

/** Lays out a paragraph in a text block `width` points wide. */
export function layoutParagraph(p: Paragraph, width: number): LaidParagraph {
  const tokens = tokenize(p.runs);
  const fallbackSize = p.runs[0]?.size ?? 16;
  const lines: Line[] = [];
  const left = p.indentLeft;
  const right = width - p.indentRight;
  let start = 0;
  let first = true;
  const finish = (from: number, to: number) => {
    // Trailing spaces hang in the margin.
    let end = to;
    while (end > from && tokens[end - 1]!.space) end--;
    const slice = tokens.slice(from, end);
    const origin = left + (first ? p.firstLine : 0);
    const pieces: Piece[] = [];
    let x = origin;
    for (const t of slice) {
      if (t.tab) {
        x = nextTab(p, x);
        continue;
      }
      const last = pieces.at(-1);
      if (
        last &&
        !t.image &&
        !last.image &&
        last.size === t.size &&
        last.bold === t.bold &&
        x === last.x + last.width
      ) {
        last.text += t.text;
        last.width += t.width;
      } else {
        pieces.push({
          x,
          text: t.text,
          size: t.size,
          bold: t.bold,
          width: t.width,
          ...(t.image ? { image: t.image } : {}),
        });
      }
      x += t.width;
    }
    const used = x - origin;
    const room = right - origin;
    const shift = p.align === 'center' ? (room - used) / 2 : p.align === 'right' ? room - used : 0;
    if (shift > 0) for (const piece of pieces) piece.x += shift;
    const [height, baseline] = lineHeightOf(p, slice, fallbackSize);
    lines.push({ pieces, height, baseline });
    first = false;
  };
  while (start < tokens.length) {
    const origin = left + (first ? p.firstLine : 0);
    let x = origin;
    let i = start;
    let lastBreak = -1;
    for (; i < tokens.length; i++) {
      const t = tokens[i]!;
      const w = t.tab ? nextTab(p, x) - x : t.width;
      if (i > start && !t.glueBefore) lastBreak = i;
      if (x + w > right + 0.01 && !t.space && i > start) break;
      x += w;
    }
    if (i >= tokens.length) {
      finish(start, tokens.length);
      break;
    }
    let end = lastBreak > start ? lastBreak : i;
    if (end === start) end = start + 1;
    finish(start, end);
    start = end;
    while (start < tokens.length && tokens[start]!.space) start++;
  }
  if (lines.length === 0) {
    const [height, baseline] = lineHeightOf(p, [], fallbackSize);
    lines.push({ pieces: [], height, baseline });
  }
  return {
    lines,
    spaceBefore: p.spaceBefore,
    spaceAfter: p.spaceAfter,
    keepNext: p.keepNext,
    keepLines: p.keepLines,
    pageBreakBefore: p.pageBreakBefore,
  };
}

function nextTab(p: Paragraph, x: number): number {
  for (const stop of p.tabs) if (stop > x + 0.01) return stop;
  return (Math.floor(x / DEFAULT_TAB) + 1) * DEFAULT_TAB;
}

export function paragraphHeight(p: LaidParagraph): number {
  return p.spaceBefore + p.lines.reduce((h, l) => h + l.height, 0) + p.spaceAfter;
}
