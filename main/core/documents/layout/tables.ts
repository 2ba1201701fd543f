import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  HeightRule,
  ShadingType,
} from 'docx';
import { CONTENT_WIDTH } from './page';
import { styleIds, TABLE_CHAR } from './styles';
import { keepCodesWhole, textRuns } from './unbreakable';

// Register-style forms (登记表, 回访记录, 卷内目录, 封面) are grids. Every row is cantSplit by default
// so a label never sits on one page and its value on the next; only free-text rows that can
// outgrow a page opt out.

export interface Cell {
  /** One string per paragraph. */
  text: string | readonly string[];
  span?: number;
  /** Rows this cell covers; the rows below simply leave that column out. */
  rowSpan?: number;
  /** Label cells are centred, like the printed forms. */
  label?: boolean;
  align?: 'left' | 'center' | 'right';
  /** First-line indent two characters (prose in a big cell). */
  indent?: boolean;
  /** Light grey background, for section rows such as "申请人". */
  shade?: boolean;
  /** Extra trailing paragraphs (e.g. a signature line at the cell's foot). */
  footer?: readonly string[];
}

export interface Row {
  cells: readonly (Cell | string)[];
  /** Minimum height in twips (space for handwriting). */
  minHeight?: number;
  /** Free text that may exceed a page may split; everything else keeps together. */
  allowSplit?: boolean;
  /** Keep this row on the same page as the next (the rows of one party). */
  keepNext?: boolean;
  /** Repeat this row at the top of every page the table spans. */
  header?: boolean;
}

/**
 * One row per party: a label spanning all of them, the party's name, and a signature cell with
 * room for the pen. Shared by the registers (受理登记表, 口头协议登记表).
 */
export function signatureRows(
  label: string,
  entries: readonly { name: string; sign: string }[],
  nameSpan: number,
  signSpan: number,
): Row[] {
  return entries.map((e, i) => ({
    cells: [
      ...(i === 0 ? [RL(label, entries.length)] : []),
      { text: e.name, span: nameSpan },
      { text: e.sign.split('\n'), span: signSpan },
    ],
    minHeight: 700,
  }));
}

export const L = (text: string, span?: number): Cell => ({ text, label: true, ...(span ? { span } : {}) });
/** A label covering several rows (e.g. 申请人 beside that party's rows). */
export const RL = (text: string, rowSpan: number): Cell => ({ text, label: true, rowSpan });
export const V = (text: string | readonly string[], span?: number): Cell => ({
  text,
  ...(span ? { span } : {}),
});

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const OUTER = { style: BorderStyle.SINGLE, size: 12, color: '000000' } as const;

function widthsFor(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((w / sum) * total));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/** @param keepNext the row stays with the next one: Word keeps rows together through their paragraphs. */
function cellParagraphs(cell: Cell, keepNext = false): Paragraph[] {
  const lines = typeof cell.text === 'string' ? [cell.text] : [...cell.text];
  const align = ALIGN[cell.align ?? (cell.label ? 'center' : 'left')];
  const paragraphs = (lines.length ? lines : ['']).map(
    (line) =>
      new Paragraph({
        style: styleIds.cell,
        ...(keepNext ? { keepNext: true } : {}),
        alignment: cell.indent ? AlignmentType.LEFT : align,
        ...(cell.indent ? { indent: { firstLine: 2 * TABLE_CHAR } } : {}),
        // Right-aligned seal lines and dates sit two characters in from the rule, as written.
        ...(cell.align === 'right' ? { indent: { right: 2 * TABLE_CHAR } } : {}),
        children: line ? textRuns(keepCodesWhole(line)) : [],
      }),
  );
  for (const line of cell.footer ?? []) {
    paragraphs.push(
      new Paragraph({
        style: styleIds.cell,
        alignment: AlignmentType.RIGHT,
        spacing: { before: 200 },
        indent: { right: 2 * TABLE_CHAR },
        children: textRuns(line),
      }),
    );
  }
  return paragraphs;
}

export function formTable(weights: readonly number[], rows: readonly Row[]): Table {
  const columns = widthsFor(weights, CONTENT_WIDTH);
  const covered: number[] = columns.map(() => 0);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: columns,
    borders: {
      top: OUTER,
      bottom: OUTER,
      left: OUTER,
      right: OUTER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: rows.map((row) => {
      let col = 0;
      // Columns still covered by a rowSpan cell from a row above: docx inserts the merge cells.
      const skip = () => {
        while (col < columns.length && (covered[col] ?? 0) > 0) {
          covered[col]!--;
          col++;
        }
      };
      const cells = row.cells.map((raw) => {
        skip();
        const cell: Cell = typeof raw === 'string' ? { text: raw } : raw;
        const span = cell.span ?? 1;
        const width = columns.slice(col, col + span).reduce((a, b) => a + b, 0);
        if (cell.rowSpan && cell.rowSpan > 1)
          for (let i = 0; i < span; i++) covered[col + i] = cell.rowSpan - 1;
        col += span;
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          ...(span > 1 ? { columnSpan: span } : {}),
          ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
          // Free text starts at the top of a tall cell; labels and short values sit centred.
          verticalAlign: row.allowSplit && !cell.label ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
          margins: { top: 60, bottom: 60, left: 60, right: 60 },
          ...(cell.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEDED' } } : {}),
          children: cellParagraphs(cell, row.keepNext),
        });
      });
      skip();
      if (col !== columns.length) throw new Error(`表格行的列数 ${col} 与表头 ${columns.length} 不符`);
      return new TableRow({
        cantSplit: !row.allowSplit,
        ...(row.header ? { tableHeader: true } : {}),
        height: { value: row.minHeight ?? 560, rule: HeightRule.ATLEAST },
        children: cells,
      });
    }),
  });
}
