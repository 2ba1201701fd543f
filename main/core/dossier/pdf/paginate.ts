import type { Block, CellSpec, FlowDocument, Table } from './flow';
import { layoutParagraph, paragraphHeight, type LaidParagraph, type Line } from './lines';

// Pagination with Word's rules as our forms use them: keep-with-next chains move to the next page
// together, kept lines never split, widows and orphans are avoided, table rows that may not split
// move whole, header rows repeat on every page, and tall free-text rows split between lines.

export type DrawItem =
  | { kind: 'text'; x: number; y: number; text: string; size: number; bold: boolean }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { kind: 'image'; x: number; y: number; w: number; h: number; data: Uint8Array; type: 'png' | 'jpg' };

/** One laid-out page; y grows downwards from the page's top edge. */
export interface LaidPage {
  width: number;
  height: number;
  items: DrawItem[];
}

interface LaidCell {
  spec: CellSpec;
  x: number;
  width: number;
  content: LaidParagraph[];
  /** Content height including the cell's top and bottom margins. */
  need: number;
}

interface LaidRow {
  cells: LaidCell[];
  height: number;
  cantSplit: boolean;
  header: boolean;
}

class Pager {
  readonly pages: LaidPage[] = [];
  y = 0;
  private page!: LaidPage;

  constructor(private readonly doc: FlowDocument) {
    this.newPage();
  }

  get top(): number {
    return this.doc.page.margin.top;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margin.bottom;
  }

  get left(): number {
    return this.doc.page.margin.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margin.left - this.doc.page.margin.right;
  }

  get atTop(): boolean {
    return this.y <= this.top + 0.01;
  }

  get room(): number {
    return this.bottom - this.y;
  }

  newPage(): void {
    this.page = { width: this.doc.page.width, height: this.doc.page.height, items: [] };
    this.pages.push(this.page);
    this.y = this.top;
  }

  draw(item: DrawItem): void {
    this.page.items.push(item);
  }

  drawLine(line: Line, left: number, top: number): void {
    for (const piece of line.pieces) {
      if (piece.image) {
        this.draw({
          kind: 'image',
          x: left + piece.x,
          y: top + line.height - piece.image.height,
          w: piece.image.width,
          h: piece.image.height,
          data: piece.image.data,
          type: piece.image.type,
        });
      } else if (piece.text) {
        this.draw({
          kind: 'text',
          x: left + piece.x,
          y: top + line.baseline,
          text: piece.text,
          size: piece.size,
          bold: piece.bold,
        });
      }
    }
  }
}

/** Height a block needs on the page it starts on: all of it if it cannot split, else its first line or row. */
function leadHeight(block: Laid): number {
  if (block.kind === 'p') {
    const p = block.laid;
    if (p.keepLines) return paragraphHeight(p);
    return p.spaceBefore + (p.lines[0]?.height ?? 0) + (p.lines.length === 1 ? p.spaceAfter : 0);
  }
  const header = block.rows.filter((r) => r.header).reduce((h, r) => h + r.height, 0);
  const first = block.rows.find((r) => !r.header);
  return header + (first ? (first.cantSplit ? first.height : Math.min(first.height, 60)) : 0);
}

function fullHeight(block: Laid): number {
  return block.kind === 'p' ? paragraphHeight(block.laid) : block.rows.reduce((h, r) => h + r.height, 0);
}

type Laid =
  | { kind: 'p'; laid: LaidParagraph; keepNext: boolean }
  | { kind: 'tbl'; table: Table; rows: LaidRow[]; x: number; keepNext: boolean };

function layoutTable(table: Table, left: number): Laid {
  const xs: number[] = [left];
  for (const w of table.columns) xs.push(xs.at(-1)! + w);
  const rows: LaidRow[] = table.rows.map((row) => {
    const cells = row.cells.map((spec): LaidCell => {
      const x = xs[spec.column] ?? left;
      const width = (xs[spec.column + spec.span] ?? xs.at(-1)!) - x;
      const inner = Math.max(10, width - spec.margin.left - spec.margin.right);
      const content = spec.merge === 'continue' ? [] : spec.paragraphs.map((p) => layoutParagraph(p, inner));
      const need = spec.margin.top + spec.margin.bottom + content.reduce((h, p) => h + paragraphHeight(p), 0);
      return { spec, x, width, content, need };
    });
    const own = cells.filter((c) => c.spec.merge === 'none').reduce((h, c) => Math.max(h, c.need), 0);
    const height = row.exactHeight ? row.minHeight : Math.max(row.minHeight, own, 12);
    return { cells, height, cantSplit: row.cantSplit, header: row.header };
  });
  // A vertically merged cell grows the last row it covers when its text needs more room.
  rows.forEach((row, r) => {
    for (const cell of row.cells) {
      if (cell.spec.merge !== 'restart') continue;
      let end = r;
      while (
        rows[end + 1]?.cells.some((c) => c.spec.column === cell.spec.column && c.spec.merge === 'continue')
      )
        end++;
      const total = rows.slice(r, end + 1).reduce((h, x) => h + x.height, 0);
      if (cell.need > total) rows[end]!.height += cell.need - total;
    }
  });
  const keepNext = false;
  return { kind: 'tbl', table, rows, x: left, keepNext };
}

function drawCellContent(pager: Pager, cell: LaidCell, top: number, height: number): void {
  const s = cell.spec;
  const contentHeight = cell.need - s.margin.top - s.margin.bottom;
  const free = height - s.margin.top - s.margin.bottom - contentHeight;
  let y = top + s.margin.top + (s.vAlign === 'center' ? free / 2 : s.vAlign === 'bottom' ? free : 0);
  for (const p of cell.content) {
    y += p.spaceBefore;
    for (const line of p.lines) {
      pager.drawLine(line, cell.x + s.margin.left, y);
      y += line.height;
    }
    y += p.spaceAfter;
  }
}

/** Draws rows [from, to) of a table as one segment on the current page. */
function drawRows(pager: Pager, t: Extract<Laid, { kind: 'tbl' }>, rows: LaidRow[], heights: number[]): void {
  const b = t.table.borders;
  const top = pager.y;
  const tableLeft = t.x;
  const tableRight = t.x + t.table.columns.reduce((a, w) => a + w, 0);
  let y = top;
  rows.forEach((row, i) => {
    const h = heights[i]!;
    for (const cell of row.cells) {
      const continued = cell.spec.merge === 'continue';
      // A merged cell spans the following rows of this segment that continue it.
      let span = h;
      if (cell.spec.merge === 'restart') {
        for (let k = i + 1; k < rows.length; k++) {
          if (!rows[k]!.cells.some((c) => c.spec.column === cell.spec.column && c.spec.merge === 'continue'))
            break;
          span += heights[k]!;
        }
      }
      if (cell.spec.shade && !continued)
        pager.draw({ kind: 'rect', x: cell.x, y, w: cell.width, h: span, fill: cell.spec.shade });
      if (!continued) drawCellContent(pager, cell, y, span);
      const leftBorder = Math.abs(cell.x - tableLeft) < 0.5 ? b.left : b.insideV;
      if (leftBorder)
        pager.draw({ kind: 'line', x1: cell.x, y1: y, x2: cell.x, y2: y + h, width: leftBorder.width });
      const right = cell.x + cell.width;
      const rightBorder = Math.abs(right - tableRight) < 0.5 ? b.right : b.insideV;
      if (rightBorder)
        pager.draw({ kind: 'line', x1: right, y1: y, x2: right, y2: y + h, width: rightBorder.width });
      const topBorder = i === 0 ? b.top : continued ? null : b.insideH;
      if (topBorder)
        pager.draw({ kind: 'line', x1: cell.x, y1: y, x2: right, y2: y, width: topBorder.width });
    }
    y += h;
  });
  if (b.bottom)
    pager.draw({ kind: 'line', x1: tableLeft, y1: y, x2: tableRight, y2: y, width: b.bottom.width });
  pager.y = y;
}

/** Splits a row's cells between lines so that the first part is at most `room` tall. */
function splitRow(row: LaidRow, room: number): [LaidRow, LaidRow] | null {
  const firstCells: LaidCell[] = [];
  const restCells: LaidCell[] = [];
  let moved = false;
  for (const cell of row.cells) {
    const s = cell.spec;
    const limit = room - s.margin.top - s.margin.bottom;
    const head: LaidParagraph[] = [];
    const tail: LaidParagraph[] = [];
    let used = 0;
    for (const p of cell.content) {
      if (tail.length) {
        tail.push(p);
        continue;
      }
      const lines: Line[] = [];
      let h = used + p.spaceBefore;
      let k = 0;
      for (; k < p.lines.length; k++) {
        if (h + p.lines[k]!.height > limit) break;
        h += p.lines[k]!.height;
        lines.push(p.lines[k]!);
      }
      if (k === p.lines.length) {
        head.push(p);
        used = h + p.spaceAfter;
      } else {
        if (lines.length) head.push({ ...p, lines, spaceAfter: 0 });
        tail.push({ ...p, lines: p.lines.slice(k), spaceBefore: 0 });
      }
    }
    if (tail.length) moved = true;
    const needOf = (c: LaidParagraph[]) =>
      s.margin.top + s.margin.bottom + c.reduce((a, p) => a + paragraphHeight(p), 0);
    firstCells.push({ ...cell, content: head, need: needOf(head) });
    restCells.push({ ...cell, content: tail, need: needOf(tail) });
  }
  if (!moved) return null;
  const restHeight = Math.max(12, ...restCells.map((c) => c.need));
  return [
    { ...row, cells: firstCells, height: room },
    { ...row, cells: restCells, height: restHeight },
  ];
}

function placeTable(pager: Pager, t: Extract<Laid, { kind: 'tbl' }>): void {
  const headers = t.rows.filter((r) => r.header);
  const body = t.rows.filter((r) => !r.header);
  const headerHeight = headers.reduce((h, r) => h + r.height, 0);
  let segment: LaidRow[] = [...headers];
  const flush = () => {
    if (segment.length)
      drawRows(
        pager,
        t,
        segment,
        segment.map((r) => r.height),
      );
    segment = [];
  };
  let used = headerHeight;
  const queue = [...body];
  while (queue.length) {
    const row = queue.shift()!;
    const room = pager.room - used;
    if (row.height <= room + 0.01) {
      segment.push(row);
      used += row.height;
      continue;
    }
    const fresh = pager.bottom - pager.top - headerHeight;
    if (!row.cantSplit && room > 40) {
      const parts = splitRow(row, room);
      if (parts) {
        segment.push(parts[0]);
        queue.unshift(parts[1]);
        flush();
        pager.newPage();
        segment = [...headers];
        used = headerHeight;
        continue;
      }
    }
    if (segment.length > headers.length || !pager.atTop) {
      if (segment.length > headers.length) flush();
      pager.newPage();
      segment = [...headers];
      used = headerHeight;
      if (row.height > fresh && !row.cantSplit) {
        queue.unshift(row);
        continue;
      }
    }
    // Taller than a page and may not split: it overflows rather than looping forever.
    segment.push(row);
    used += row.height;
  }
  flush();
}

function placeParagraph(pager: Pager, p: LaidParagraph): void {
  let lines = p.lines;
  let before = p.spaceBefore;
  while (lines.length) {
    const room = pager.room - (pager.atTop ? 0 : before);
    let fit = 0;
    let h = 0;
    for (; fit < lines.length; fit++) {
      if (h + lines[fit]!.height > room + 0.01) break;
      h += lines[fit]!.height;
    }
    if (fit < lines.length) {
      if (p.keepLines && !pager.atTop) fit = 0;
      // Widow and orphan control: never one line alone at either end of a page break.
      else if (lines.length > 1 && fit === 1 && !pager.atTop) fit = 0;
      else if (fit >= 2 && lines.length - fit === 1) fit -= 1;
    }
    if (fit === 0 && !pager.atTop) {
      pager.newPage();
      continue;
    }
    if (fit === 0) fit = 1; // a line taller than the page: print it anyway
    if (!pager.atTop) pager.y += before;
    for (const line of lines.slice(0, fit)) {
      pager.drawLine(line, pager.left, pager.y);
      pager.y += line.height;
    }
    lines = lines.slice(fit);
    before = 0;
    if (lines.length) pager.newPage();
  }
  pager.y += p.spaceAfter;
}

/** The document's pages with every line, cell and picture positioned. */
export function paginate(doc: FlowDocument): LaidPage[] {
  const pager = new Pager(doc);
  const laid: Laid[] = doc.blocks.map((b: Block) =>
    b.kind === 'p'
      ? { kind: 'p', laid: layoutParagraph(b, pager.width), keepNext: b.keepNext }
      : layoutTable(b, pager.left),
  );
  laid.forEach((block, i) => {
    if (block.kind === 'p' && block.laid.pageBreakBefore && !(pager.atTop && pager.pages.length === 1))
      if (!pager.atTop) pager.newPage();
    // A keep-with-next chain starts on a new page when it does not fit where it is.
    if (block.keepNext && !pager.atTop) {
      let need = 0;
      let j = i;
      while (j < laid.length && laid[j]!.keepNext) need += fullHeight(laid[j++]!);
      if (j < laid.length) need += leadHeight(laid[j]!);
      if (need > pager.room && need <= pager.bottom - pager.top) pager.newPage();
    } else if (!pager.atTop && leadHeight(block) > pager.room) {
      pager.newPage();
    }
    if (block.kind === 'p') placeParagraph(pager, block.laid);
    else placeTable(pager, block);
  });
  return pager.pages;
}
