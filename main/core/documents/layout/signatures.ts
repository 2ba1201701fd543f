import { AlignmentType, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { DocumentCase, Party } from '../model';
import { formatDate } from './dates';
import { CONTENT_WIDTH } from './page';
import { heading } from './paragraphs';
import { sealLines } from './seal';
import { BODY_CHAR, styleIds } from './styles';
import { readable, textRuns } from './unbreakable';

// Signature areas: one line per signer with room above it for a hand signature, the committee
// seal text and the date. Short blocks (receipts, records) are chained with keepNext; the
// agreement's and the application's may break between signers (signatureBlock), each signer's
// row kept whole, with a short continuation heading on the next page.

const RIGHT_COLUMN = 5000; // twips from the left margin where "签名：" starts
const LEFT_ROOM = RIGHT_COLUMN / BODY_CHAR - 1; // characters that fit before it
const SIGN_SPACE = 280; // extra space above a signature line for the pen

export interface SignLine {
  left: string;
  right?: string;
  /** Indent in characters (agents sign under their party). */
  indent?: number;
}

/** Approximate printed width in body characters (CJK = 1, Latin = ½). */
function visualWidth(text: string): number {
  let width = 0;
  for (const ch of readable(text)) width += /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
  return width;
}

function line(children: TextRun[], keepNext: boolean, spaceBefore: number, indent = 0): Paragraph {
  return new Paragraph({
    style: styleIds.plain,
    keepLines: true,
    keepNext,
    spacing: { before: spaceBefore },
    ...(indent ? { indent: { left: indent * BODY_CHAR } } : {}),
    tabStops: [{ type: TabStopType.LEFT, position: RIGHT_COLUMN }],
    children,
  });
}

/**
 * @param keepLast keep the last line with whatever follows (the seal and date usually do).
 */
export function signLines(lines: readonly SignLine[], keepLast = true): Paragraph[] {
  const out: Paragraph[] = [];
  lines.forEach((spec, i) => {
    const last = i === lines.length - 1;
    const indent = spec.indent ?? 0;
    if (!spec.right) {
      out.push(line(textRuns(spec.left), !last || keepLast, SIGN_SPACE, indent));
    } else if (visualWidth(spec.left) + indent <= LEFT_ROOM) {
      const runs = [...textRuns(spec.left), new TextRun({ children: [new Tab(), spec.right] })];
      out.push(line(runs, !last || keepLast, SIGN_SPACE, indent));
    } else {
      // A long organisation name: name on its own line, signature on the next.
      out.push(line(textRuns(spec.left), true, SIGN_SPACE, indent));
      out.push(line([new TextRun({ children: [new Tab(), spec.right] })], !last || keepLast, 0, indent));
    }
  });
  return out;
}

export function partySignLines(
  parties: readonly Party[],
  roleOf: (p: Party) => string = (p) => p.role,
): SignLine[] {
  const out: SignLine[] = [];
  for (const party of parties) {
    if (party.kind === 'person') {
      out.push({ left: `${roleOf(party)}：${party.name}`, right: '签名（指印）：' });
    } else {
      out.push({
        left: `${roleOf(party)}：${party.name}（单位盖章）`,
        right: `${party.representative.kind}签名：`,
      });
    }
    for (const agent of party.agents)
      out.push({ left: `${agent.kind}：${agent.name}`, right: '签名：', indent: 2 });
  }
  return out;
}

/** One row per party: its line and its agents' lines, which never part. */
export function partySignRows(parties: readonly Party[], roleOf?: (p: Party) => string): SignLine[][] {
  return parties.map((p) => partySignLines([p], roleOf));
}

export interface SignatureBlock {
  paragraphs: Paragraph[];
  /** For each row, the index of its first paragraph (or its continuation heading) in `paragraphs`. */
  rowOffsets: number[];
}

/**
 * A signature block that may break between rows, never inside one. The heading stays with the
 * first row; a row listed in `continued` (it begins a page, see layout/flow) gets the heading
 * again with （续）, kept with it.
 * @param keepLastWithNext keep the last row with what follows (the date of the application).
 */
export function signatureBlock(
  title: string,
  rows: readonly SignLine[][],
  continued: ReadonlySet<number>,
  keepLastWithNext = false,
): SignatureBlock {
  const paragraphs: Paragraph[] = [heading(title)];
  const rowOffsets: number[] = [];
  rows.forEach((row, i) => {
    if (i > 0 && continued.has(i)) {
      rowOffsets.push(paragraphs.length);
      paragraphs.push(heading(`${title}（续）`));
    } else {
      rowOffsets.push(i === 0 ? 0 : paragraphs.length);
    }
    paragraphs.push(...signLines(row, keepLastWithNext && i === rows.length - 1));
  });
  return { paragraphs, rowOffsets };
}

/** Where a party signs on a grid form: its name, and what goes in the signature cell. */
export function partySignCells(p: Party): { name: string; sign: string } {
  return p.kind === 'person'
    ? { name: `${p.role}：${p.name}`, sign: '签名（指印）：' }
    : { name: `${p.role}：${p.name}`, sign: `（单位盖章）\n${p.representative.kind}签名：` };
}

export function staffSignLines(c: DocumentCase, includeRecorder = true): SignLine[] {
  const out: SignLine[] = c.mediators.map((m) => ({ left: `${m.role}：${m.name}`, right: '签名：' }));
  if (includeRecorder) out.push({ left: `记录人：${c.recorder}`, right: '签名：' });
  return out;
}

/**
 * Committee seal text and the date, right aligned (GB/T 9704 落款). Without a date the blank
 * "年 月 日" is printed for the hand to fill.
 * @param keepNext keep the date with what follows.
 */
export function sealAndDate(
  c: Pick<DocumentCase, 'committee' | 'settings'>,
  dateIso: string | undefined,
  { withSeal = true, keepNext = false }: { withSeal?: boolean; keepNext?: boolean } = {},
): Paragraph[] {
  const right = (text: string, keepNext: boolean, before: number, indentChars = 2): Paragraph =>
    new Paragraph({
      style: styleIds.plain,
      alignment: AlignmentType.RIGHT,
      indent: { right: indentChars * BODY_CHAR },
      keepLines: true,
      keepNext,
      spacing: { before },
      children: [new TextRun(text)],
    });
  const date = dateIso ? formatDate(dateIso, c.settings.dateStyle) : '年　　月　　日';
  return withSeal
    ? [
        ...sealLines(c.committee.sealText, CONTENT_WIDTH).map((l, i) =>
          right(l.text, true, i === 0 ? 560 : 0, l.indentChars),
        ),
        right(date, keepNext, 0),
      ]
    : [right(date, keepNext, 280)];
}
