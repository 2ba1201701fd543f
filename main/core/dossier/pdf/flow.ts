// The flow model the PDF typesetter lays out: what a Word document says, reduced to the features
// our forms use (styled paragraphs with tabs and images, fixed-width ruled tables). Lengths are
// PDF points (1 pt = 20 twips); every value is already resolved from styles.

export interface Run {
  text: string;
  /** Font size in points. */
  size: number;
  /** 宋体 bold titles and 黑体 headings are drawn with a heavier stroke of the one serif face. */
  bold: boolean;
  /** A tab character: jumps to the paragraph's next tab stop. */
  tab?: true;
  /** An inline picture (the agreement's verification QR code). */
  image?: { data: Uint8Array; width: number; height: number; type: 'png' | 'jpg' };
}

export type Align = 'left' | 'center' | 'right' | 'both';

export interface LineSpacing {
  value: number;
  rule: 'exact' | 'auto' | 'atLeast';
}

export interface Paragraph {
  kind: 'p';
  runs: Run[];
  align: Align;
  indentLeft: number;
  indentRight: number;
  /** Positive: first-line indent; negative: hanging. */
  firstLine: number;
  spaceBefore: number;
  spaceAfter: number;
  line: LineSpacing;
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
  /** Left tab stops, measured from the text block's left edge. */
  tabs: number[];
}

export interface Border {
  width: number;
}

export interface CellSpec {
  /** First grid column this cell covers. */
  column: number;
  span: number;
  /** 'continue': covered by the cell above (vertical merge). */
  merge: 'none' | 'restart' | 'continue';
  vAlign: 'top' | 'center' | 'bottom';
  margin: { top: number; right: number; bottom: number; left: number };
  shade: string | null;
  paragraphs: Paragraph[];
}

export interface RowSpec {
  cells: CellSpec[];
  minHeight: number;
  exactHeight: boolean;
  cantSplit: boolean;
  header: boolean;
}

export interface Table {
  kind: 'tbl';
  columns: number[];
  rows: RowSpec[];
  borders: {
    top: Border | null;
    bottom: Border | null;
    left: Border | null;
    right: Border | null;
    insideH: Border | null;
    insideV: Border | null;
  };
}

export type Block = Paragraph | Table;

export interface PageSetup {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** Distance of the footer's baseline area from the bottom edge. */
  footer: number;
}

export interface FlowDocument {
  title: string;
  page: PageSetup;
  blocks: Block[];
  /** The form prints "— n —" at the foot of its pages. */
  pageNumbers: boolean;
}
