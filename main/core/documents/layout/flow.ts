import type { Document, FileChild } from 'docx';
import { layoutDocument, type BlockLayout, type DocumentLayout, type PageLayout } from 'docx/layout';
import { A4, margins } from './page';

// Where the pages of a document break, from docx's own layout model (docx/layout lays a
// document's pages out as Word does: fonts' widths, line spacing, keep-with-next, rows that
// cannot split). Two uses: a long signature block that breaks between rows repeats a short
// heading on the next page, and tests measure how empty each page is without a word processor.
//
// Laying a document out is the expensive part of generating one (docx/layout measures every
// word, twice: it lays the pages out again to settle page numbers). paginate lays out up to
// three variants a few times each, and they differ only near the end, so after the first layout
// it reuses the pages before the change (see layOutFrom): the same decisions, a fraction of
// the measuring.

/** What a generator builds for a given set of continued rows. */
export interface BuiltFlow {
  /** The document's body. */
  children: FileChild[];
  /** Body index (paragraph or table, counted from 0) where each breakable row begins. */
  rowStarts: readonly number[];
  /**
   * The children before this index are the same in every variant and for every set of
   * continued rows, and the last of them is not kept with the next (no keepNext): so where they
   * fall never depends on what follows. Each row start is such a boundary too (a row's last
   * line is never kept with the next row).
   */
  fixedBefore: number;
}

const PX_PER_TWIP = 96 / 1440;

/** Rows (after the first) that begin a page in this layout. */
function rowsAtPageTop(pages: readonly PageLayout[], rowStarts: readonly number[]): Set<number> {
  const rows = new Set<number>();
  for (const page of pages.slice(1)) {
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
 * `enabled: false` lays every build out whole, as before the reuse (tests prove the reuse changes
 * nothing); `reused` counts the layouts that reused earlier pages.
 */
export const layoutReuse = { enabled: true, reused: 0 };

/** A body laid out: its pages, as layoutDocument gives them for the whole document. */
interface Laid {
  children: FileChild[];
  pages: readonly PageLayout[];
  /** The document laid out, when it was laid out whole. */
  doc?: Document;
}

function layOutWhole(children: FileChild[], document: (children: FileChild[]) => Document): Laid {
  const doc = document(children);
  return { children, pages: layoutDocument(doc, { guess: true }).pages, doc };
}

const documentOf = (laid: Laid, document: (children: FileChild[]) => Document): Document =>
  laid.doc ?? document(laid.children);

const shifted = (block: BlockLayout, by: number): BlockLayout => ({ ...block, index: block.index + by });

/** Where the blocks before `before` are, page by page from `fromPage` (to the last holding one), to compare. */
function placesBefore(pages: readonly PageLayout[], fromPage: number, before: number, shift = 0): string {
  const places = pages
    .slice(fromPage)
    .map((page) => page.body.filter((b) => b.index + shift < before).map((b) => shifted(b, shift)));
  while (places.length > 0 && places.at(-1)!.length === 0) places.pop();
  return JSON.stringify(places);
}

/**
 * Lays out `children`, whose first `from` children are those of `earlier` and fall where they
 * fell there (`from` is a fixed boundary, see BuiltFlow). The layout model starts every page
 * afresh from the block at its top, so only the pages from the last one holding those unchanged
 * children need laying out again: from the top of that page (a block that starts there, not
 * one continued from the page before), the rest of the body is laid out as a document of its
 * own and put after the earlier pages. That is exact when the unchanged blocks on the reused
 * page(s) land where they landed before; it is checked, and a whole layout is made if not (e.g.
 * a space before the block at the top, which a document's first page keeps and a later one
 * drops).
 */
function layOutFrom(
  earlier: Laid,
  from: number,
  children: FileChild[],
  document: (children: FileChild[]) => Document,
): Laid {
  const pages = earlier.pages;
  let page = pages.findLastIndex((p) => p.body.some((b) => b.index === from - 1));
  // Back to a page that starts with a block of its own (not the rest of one from the page before).
  while (page > 0 && pages[page]!.body[0]?.index === pages[page - 1]!.body.at(-1)?.index) page--;
  const top = pages[page]?.body[0]?.index;
  if (page <= 0 || top === undefined || top >= from) return layOutWhole(children, document);
  const rest = layoutDocument(document(children.slice(top)), { guess: true });
  if (
    rest.stoppedAt !== undefined ||
    placesBefore(pages, page, from) !== placesBefore(rest.pages, 0, from, top)
  ) {
    return layOutWhole(children, document);
  }
  layoutReuse.reused++;
  const moved = rest.pages.map((p) => ({ ...p, body: p.body.map((b) => shifted(b, top)) }));
  return { children, pages: [...pages.slice(0, page), ...moved] };
}

function layOut(
  children: FileChild[],
  document: (children: FileChild[]) => Document,
  earlier?: { laid: Laid; from: number },
): Laid {
  return layoutReuse.enabled && earlier
    ? layOutFrom(earlier.laid, earlier.from, children, document)
    : layOutWhole(children, document);
}

/**
 * Lays the built document out and rebuilds it with a continuation heading before every row that
 * begins a page, until the rows that begin pages no longer change. A heading inserted where a
 * page already broke moves nothing before it; the rows after it move down one line, which may move
 * a later break, hence the loop (at most four layouts; it settles in one or two).
 * @param earlier a layout of another variant, whose children before `fixedBefore` are these.
 */
function settle<V>(
  variant: V,
  build: (continued: ReadonlySet<number>, variant: V) => BuiltFlow,
  document: (children: FileChild[]) => Document,
  earlier: Laid | undefined,
) {
  let continued: ReadonlySet<number> = new Set();
  let built = build(continued, variant);
  let laid = layOut(built.children, document, earlier && { laid: earlier, from: built.fixedBefore });
  for (let pass = 0; pass < 3; pass++) {
    const atTop = rowsAtPageTop(laid.pages, built.rowStarts);
    if (sameRows(atTop, continued)) break;
    // Everything before the first row whose heading comes or goes is as it was.
    const first = Math.min(
      ...[...atTop, ...continued].filter((row) => atTop.has(row) !== continued.has(row)),
    );
    const from = built.rowStarts[first]!;
    continued = atTop;
    built = build(continued, variant);
    laid = layOut(built.children, document, { laid, from });
  }
  return { laid, worst: Math.max(0, ...emptiness(laid.pages).slice(0, -1)) };
}

/**
 * The document in the first variant (in the generator's order of preference) whose pages, but
 * the last, are none of them more than a third empty; failing that, the one whose emptiest page
 * is least empty. Each variant gets its continuation headings (see settle).
 * @param document makes the document of a body (the generator's page setup).
 */
export function paginate<V>(
  variants: readonly V[],
  build: (continued: ReadonlySet<number>, variant: V) => BuiltFlow,
  document: (children: FileChild[]) => Document,
): Document {
  let best: { laid: Laid; worst: number } | undefined;
  let earlier: Laid | undefined;
  for (const variant of variants) {
    const settled = settle(variant, build, document, earlier);
    if (settled.worst <= MAX_EMPTY_SHARE) return documentOf(settled.laid, document);
    if (!best || settled.worst < best.worst) best = settled;
    earlier = settled.laid;
  }
  if (!best) throw new Error('paginate needs at least one variant');
  return documentOf(best.laid, document);
}

/** How much of each page's text area is left empty below its last line, 0–1. */
export function pageEmptiness(doc: Document): number[] {
  return emptiness(layoutDocument(doc, { guess: true }).pages);
}

function emptiness(pages: DocumentLayout['pages']): number[] {
  const top = margins.top * PX_PER_TWIP;
  const bottom = (A4.height - margins.bottom) * PX_PER_TWIP;
  return pages.map((page) => {
    let lowest = top;
    for (const block of page.body) {
      if (block.type === 'paragraph') for (const l of block.lines) lowest = Math.max(lowest, l.y + l.height);
      else for (const r of block.rows) lowest = Math.max(lowest, r.y + r.height);
    }
    return Math.max(0, bottom - lowest) / (bottom - top);
  });
}
