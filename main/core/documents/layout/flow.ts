import type { Document } from 'docx';
import { layoutDocument, type DocumentLayout } from 'docx/layout';
import { A4, margins } from './page';

// Where the pages of a document break, from docx's own layout model (docx/layout lays a
// document's pages out as Word does: fonts' widths, line spacing, keep-with-next, rows that
// cannot split). Two uses: a long signature block that breaks between rows repeats a short
// heading on the next page, and tests measure how empty each page is without a word processor.

/** What a generator builds for a given set of continued rows. */
export interface BuiltFlow {
  doc: Document;
  /** Body index (paragraph or table, counted from 0) where each breakable row begins. */
  rowStarts: readonly number[];
}

const PX_PER_TWIP = 96 / 1440;

/** Rows (after the first) that begin a page in this layout. */
function rowsAtPageTop(layout: DocumentLayout, rowStarts: readonly number[]): Set<number> {
  const rows = new Set<number>();
  for (const page of layout.pages.slice(1)) {
    const first = page.body[0];
    const row = first ? rowStarts.indexOf(first.index) : -1;
    if (row > 0) rows.add(row);
  }
  return rows;
}

const sameRows = (a: ReadonlySet<number>, b: ReadonlySet<number>): boolean =>
  a.size === b.size && [...a].every((row) => b.has(row));

/** A third: no page but the last may be emptier than this. */
export const MAX_EMPTY_SHARE = 1 / 3;

/**
 * Lays the built document out and rebuilds it with a continuation heading before every row that
 * begins a page, until the rows that begin pages no longer change. A heading inserted where a
 * page already broke moves nothing before it; the rows after it move down one line, which may move
 * a later break, hence the loop (at most four layouts; it settles in one or two).
 */
function settle<V>(variant: V, build: (continued: ReadonlySet<number>, variant: V) => BuiltFlow) {
  let continued: ReadonlySet<number> = new Set();
  let built = build(continued, variant);
  let layout = layoutDocument(built.doc, { guess: true });
  for (let pass = 0; pass < 3; pass++) {
    const atTop = rowsAtPageTop(layout, built.rowStarts);
    if (sameRows(atTop, continued)) break;
    continued = atTop;
    built = build(continued, variant);
    layout = layoutDocument(built.doc, { guess: true });
  }
  return { doc: built.doc, worst: Math.max(0, ...emptiness(layout).slice(0, -1)) };
}

/**
 * The document in the first variant (in the generator's order of preference) whose pages, but
 * the last, are none of them more than a third empty; failing that, the one whose emptiest page
 * is least empty. Each variant gets its continuation headings (see settle).
 */
export function paginate<V>(
  variants: readonly V[],
  build: (continued: ReadonlySet<number>, variant: V) => BuiltFlow,
): Document {
  let best: { doc: Document; worst: number } | undefined;
  for (const variant of variants) {
    const laid = settle(variant, build);
    if (laid.worst <= MAX_EMPTY_SHARE) return laid.doc;
    if (!best || laid.worst < best.worst) best = laid;
  }
  if (!best) throw new Error('paginate needs at least one variant');
  return best.doc;
}

/** How much of each page's text area is left empty below its last line, 0–1. */
export function pageEmptiness(doc: Document): number[] {
  return emptiness(layoutDocument(doc, { guess: true }));
}

function emptiness(layout: DocumentLayout): number[] {
  const top = margins.top * PX_PER_TWIP;
  const bottom = (A4.height - margins.bottom) * PX_PER_TWIP;
  return layout.pages.map((page) => {
    let lowest = top;
    for (const block of page.body) {
      if (block.type === 'paragraph') for (const l of block.lines) lowest = Math.max(lowest, l.y + l.height);
      else for (const r of block.rows) lowest = Math.max(lowest, r.y + r.height);
    }
    return Math.max(0, bottom - lowest) / (bottom - top);
  });
}
