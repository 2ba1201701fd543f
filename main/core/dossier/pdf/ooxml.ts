import type { Document } from 'docx';
import { documentStyles } from '../../documents/layout/styles';
import type {
  Align,
  Block,
  Border,
  CellSpec,
  FlowDocument,
  LineSpacing,
  Paragraph,
  RowSpec,
  Run,
  Table,
} from './flow';

// Reads the very Word document the .docx generator builds (docx's own XML object tree, before it
// is zipped) and turns it into the flow the PDF typesetter lays out. So the PDF prints what the
// .docx prints — same paragraphs, styles, tables, signature blocks, QR code — and a layout fix in
// a generator shows in both. Only the WordprocessingML our forms use is read; anything else is
// ignored rather than guessed.

type Xml = Record<string, unknown>;
type Attrs = Record<string, string | number | undefined>;

const TWIP = 1 / 20;

function tagOf(node: unknown): string | null {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return null;
  const keys = Object.keys(node);
  return keys.length === 1 ? keys[0]! : null;
}

/** The children of an element (its array), without the attribute entry. */
function kids(node: Xml): Xml[] {
  const value = Object.values(node)[0];
  if (!Array.isArray(value)) return [];
  return value.filter((c): c is Xml => typeof c === 'object' && c !== null && !('_attr' in c));
}

function attrs(node: Xml | undefined): Attrs {
  if (!node) return {};
  const value = Object.values(node)[0];
  if (Array.isArray(value)) {
    const a = value.find((c) => typeof c === 'object' && c !== null && '_attr' in c) as
      { _attr: Attrs } | undefined;
    return a?._attr ?? {};
  }
  if (value && typeof value === 'object' && '_attr' in value) return (value as { _attr: Attrs })._attr;
  return {};
}

function child(node: Xml, tag: string): Xml | undefined {
  return kids(node).find((c) => tagOf(c) === tag);
}

const num = (v: string | number | undefined, fallback = 0): number =>
  v === undefined || v === '' ? fallback : Number(v);

/** A toggle property (<w:b/>, <w:keepNext/>) is on unless it says val="false"/"0". */
function on(node: Xml | undefined): boolean | undefined {
  if (!node) return undefined;
  const v = attrs(node)['w:val'];
  return !(v === 'false' || v === 0 || v === '0');
}

// ─── Styles ──────────────────────────────────────────────────────────────────────────────────

interface ParaProps {
  align?: Align;
  indentLeft?: number;
  indentRight?: number;
  firstLine?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  line?: LineSpacing;
  keepNext?: boolean;
  keepLines?: boolean;
}

interface RunProps {
  size?: number;
  bold?: boolean;
}

interface StyleOptions {
  run?: { size?: number; bold?: boolean; font?: { eastAsia?: string } | string };
  paragraph?: {
    alignment?: string;
    indent?: { firstLine?: number; left?: number; right?: number; hanging?: number };
    spacing?: { line?: number; lineRule?: string; before?: number; after?: number };
    keepNext?: boolean;
    keepLines?: boolean;
  };
}

function lineOf(line: number | undefined, rule: string | undefined): LineSpacing | undefined {
  if (line === undefined) return undefined;
  if (rule === 'exact') return { value: line * TWIP, rule: 'exact' };
  if (rule === 'atLeast') return { value: line * TWIP, rule: 'atLeast' };
  return { value: line / 240, rule: 'auto' };
}

const headingFaces = new Set(['黑体', 'SimHei']);

function fromStyle(s: StyleOptions | undefined): { p: ParaProps; r: RunProps } {
  const p: ParaProps = {};
  const r: RunProps = {};
  const para = s?.paragraph;
  if (para?.alignment) p.align = para.alignment as Align;
  if (para?.indent) {
    if (para.indent.left !== undefined) p.indentLeft = para.indent.left * TWIP;
    if (para.indent.right !== undefined) p.indentRight = para.indent.right * TWIP;
    if (para.indent.firstLine !== undefined) p.firstLine = para.indent.firstLine * TWIP;
    if (para.indent.hanging !== undefined) p.firstLine = -para.indent.hanging * TWIP;
  }
  if (para?.spacing) {
    if (para.spacing.before !== undefined) p.spaceBefore = para.spacing.before * TWIP;
    if (para.spacing.after !== undefined) p.spaceAfter = para.spacing.after * TWIP;
    const line = lineOf(para.spacing.line, para.spacing.lineRule);
    if (line) p.line = line;
  }
  if (para?.keepNext !== undefined) p.keepNext = para.keepNext;
  if (para?.keepLines !== undefined) p.keepLines = para.keepLines;
  if (s?.run?.size !== undefined) r.size = s.run.size / 2;
  if (s?.run?.bold !== undefined) r.bold = s.run.bold;
  const font = s?.run?.font;
  if (font && typeof font === 'object' && font.eastAsia && headingFaces.has(font.eastAsia)) r.bold = true;
  return { p, r };
}

interface ResolvedStyle {
  p: Required<ParaProps>;
  r: Required<RunProps>;
}

const BASE: ResolvedStyle = {
  p: {
    align: 'left',
    indentLeft: 0,
    indentRight: 0,
    firstLine: 0,
    spaceBefore: 0,
    spaceAfter: 0,
    line: { value: 1, rule: 'auto' },
    keepNext: false,
    keepLines: false,
  },
  r: { size: 10.5, bold: false },
};

function buildStyles(): Map<string, ResolvedStyle> {
  const defaults = documentStyles.default as
    { document?: { run?: StyleOptions['run']; paragraph?: StyleOptions['paragraph'] } } | undefined;
  const d = fromStyle(defaults?.document);
  const normal: ResolvedStyle = { p: { ...BASE.p, ...d.p }, r: { ...BASE.r, ...d.r } };
  const map = new Map<string, ResolvedStyle>([['Normal', normal]]);
  const list = (documentStyles.paragraphStyles ?? []) as (StyleOptions & { id: string; basedOn?: string })[];
  // Styles are declared after the style they are based on.
  for (const style of list) {
    const base = map.get(style.basedOn ?? 'Normal') ?? normal;
    const own = fromStyle(style);
    map.set(style.id, { p: { ...base.p, ...own.p }, r: { ...base.r, ...own.r } });
  }
  return map;
}

const styles = buildStyles();

// ─── Paragraphs ──────────────────────────────────────────────────────────────────────────────

function directParaProps(pPr: Xml | undefined): ParaProps & { style?: string } {
  const out: ParaProps & { style?: string } = {};
  if (!pPr) return out;
  for (const c of kids(pPr)) {
    const tag = tagOf(c);
    const a = attrs(c);
    switch (tag) {
      case 'w:pStyle':
        out.style = String(a['w:val']);
        break;
      case 'w:jc': {
        const v = String(a['w:val']);
        out.align = v === 'both' || v === 'distribute' ? 'both' : (v as Align);
        break;
      }
      case 'w:ind':
        if (a['w:left'] !== undefined || a['w:start'] !== undefined)
          out.indentLeft = num(a['w:left'] ?? a['w:start']) * TWIP;
        if (a['w:right'] !== undefined || a['w:end'] !== undefined)
          out.indentRight = num(a['w:right'] ?? a['w:end']) * TWIP;
        if (a['w:firstLine'] !== undefined) out.firstLine = num(a['w:firstLine']) * TWIP;
        if (a['w:hanging'] !== undefined) out.firstLine = -num(a['w:hanging']) * TWIP;
        break;
      case 'w:spacing': {
        if (a['w:before'] !== undefined) out.spaceBefore = num(a['w:before']) * TWIP;
        if (a['w:after'] !== undefined) out.spaceAfter = num(a['w:after']) * TWIP;
        const line = lineOf(
          a['w:line'] === undefined ? undefined : num(a['w:line']),
          a['w:lineRule'] as string | undefined,
        );
        if (line) out.line = line;
        break;
      }
      case 'w:keepNext':
        out.keepNext = on(c);
        break;
      case 'w:keepLines':
        out.keepLines = on(c);
        break;
    }
  }
  return out;
}

function runProps(rPr: Xml | undefined, base: Required<RunProps>): Required<RunProps> {
  const out = { ...base };
  if (!rPr) return out;
  for (const c of kids(rPr)) {
    const tag = tagOf(c);
    const a = attrs(c);
    if (tag === 'w:sz') out.size = num(a['w:val']) / 2;
    else if (tag === 'w:b') out.bold = on(c) ?? true;
    else if (tag === 'w:rFonts' && headingFaces.has(String(a['w:eastAsia']))) out.bold = true;
  }
  return out;
}

export interface Media {
  get(key: string): { data: Uint8Array | Buffer; type?: string } | undefined;
}

function imageOf(drawing: Xml, media: Media): Run['image'] | undefined {
  let extent: Attrs | undefined;
  let embed: string | undefined;
  const walk = (node: Xml) => {
    const tag = tagOf(node);
    if (tag === 'wp:extent') extent = attrs(node);
    if (tag === 'a:blip') embed = String(attrs(node)['r:embed'] ?? '');
    for (const c of kids(node)) walk(c);
  };
  walk(drawing);
  const key = embed?.replace(/^rId\{?/, '').replace(/\}$/, '');
  const item = key ? media.get(key) : undefined;
  if (!item || !extent) return undefined;
  const EMU = 1 / 12700;
  return {
    data: new Uint8Array(item.data),
    width: num(extent.cx) * EMU,
    height: num(extent.cy) * EMU,
    type: key!.toLowerCase().endsWith('.png') ? 'png' : 'jpg',
  };
}

function runsOf(runNode: Xml, base: Required<RunProps>, media: Media, out: Run[]): void {
  const props = runProps(child(runNode, 'w:rPr'), base);
  for (const c of kids(runNode)) {
    const tag = tagOf(c);
    if (tag === 'w:t') {
      const value = Object.values(c)[0];
      const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join('') : '';
      if (text) out.push({ text, size: props.size, bold: props.bold });
    } else if (tag === 'w:tab') {
      out.push({ text: '', size: props.size, bold: props.bold, tab: true });
    } else if (tag === 'w:drawing') {
      const image = imageOf(c, media);
      if (image) out.push({ text: '', size: props.size, bold: false, image });
    }
  }
}

export function paragraphOf(node: Xml, media: Media): Paragraph {
  const pPr = child(node, 'w:pPr');
  const direct = directParaProps(pPr);
  const style = styles.get(direct.style ?? 'Normal') ?? styles.get('Normal')!;
  const { style: _unused, ...props } = direct;
  const p = { ...style.p, ...props };
  const tabs: number[] = [];
  const tabsNode = pPr ? child(pPr, 'w:tabs') : undefined;
  if (tabsNode) for (const t of kids(tabsNode)) tabs.push(num(attrs(t)['w:pos']) * TWIP);
  let pageBreakBefore = false;
  if (pPr && on(child(pPr, 'w:pageBreakBefore'))) pageBreakBefore = true;
  const runs: Run[] = [];
  for (const c of kids(node)) if (tagOf(c) === 'w:r') runsOf(c, style.r, media, runs);
  return {
    kind: 'p',
    runs,
    align: p.align,
    indentLeft: p.indentLeft,
    indentRight: p.indentRight,
    firstLine: p.firstLine,
    spaceBefore: p.spaceBefore,
    spaceAfter: p.spaceAfter,
    line: p.line,
    keepNext: p.keepNext,
    keepLines: p.keepLines,
    pageBreakBefore,
    tabs: tabs.sort((a, b) => a - b),
  };
}

// ─── Tables ──────────────────────────────────────────────────────────────────────────────────

function borderOf(node: Xml | undefined): Border | null {
  if (!node) return null;
  const a = attrs(node);
  const style = String(a['w:val'] ?? 'none');
  if (style === 'none' || style === 'nil') return null;
  // w:sz is in eighths of a point.
  return { width: Math.max(0.25, num(a['w:sz'], 4) / 8) };
}

function tableOf(node: Xml, media: Media): Table {
  const tblPr = child(node, 'w:tblPr');
  const borders = tblPr ? child(tblPr, 'w:tblBorders') : undefined;
  const b = (tag: string) => (borders ? borderOf(child(borders, tag)) : null);
  const grid = child(node, 'w:tblGrid');
  const columns = grid ? kids(grid).map((g) => num(attrs(g)['w:w']) * TWIP) : [];
  const rows: RowSpec[] = [];
  for (const tr of kids(node).filter((c) => tagOf(c) === 'w:tr')) {
    const trPr = child(tr, 'w:trPr');
    const height = trPr ? child(trPr, 'w:trHeight') : undefined;
    const cells: CellSpec[] = [];
    let column = 0;
    for (const tc of kids(tr).filter((c) => tagOf(c) === 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr');
      const span = tcPr ? num(attrs(child(tcPr, 'w:gridSpan'))['w:val'], 1) : 1;
      const vMerge = tcPr ? child(tcPr, 'w:vMerge') : undefined;
      const mergeVal = vMerge ? attrs(vMerge)['w:val'] : undefined;
      const mar = tcPr ? child(tcPr, 'w:tcMar') : undefined;
      const side = (tag: string) => (mar ? num(attrs(child(mar, tag))['w:w'], 108) * TWIP : 108 * TWIP);
      const shd = tcPr ? attrs(child(tcPr, 'w:shd'))['w:fill'] : undefined;
      const vAlign = tcPr ? String(attrs(child(tcPr, 'w:vAlign'))['w:val'] ?? 'top') : 'top';
      cells.push({
        column,
        span,
        merge: vMerge ? (mergeVal === 'restart' ? 'restart' : 'continue') : 'none',
        vAlign: vAlign === 'center' ? 'center' : vAlign === 'bottom' ? 'bottom' : 'top',
        margin: {
          top: side('w:top'),
          right: side('w:right'),
          bottom: side('w:bottom'),
          left: side('w:left'),
        },
        shade: shd && shd !== 'auto' ? String(shd) : null,
        paragraphs: kids(tc)
          .filter((c) => tagOf(c) === 'w:p')
          .map((p) => paragraphOf(p, media)),
      });
      column += span;
    }
    rows.push({
      cells,
      minHeight: height ? num(attrs(height)['w:val']) * TWIP : 0,
      exactHeight: height ? attrs(height)['w:hRule'] === 'exact' : false,
      cantSplit: Boolean(trPr && on(child(trPr, 'w:cantSplit'))),
      header: Boolean(trPr && on(child(trPr, 'w:tblHeader'))),
    });
  }
  return {
    kind: 'tbl',
    columns,
    rows,
    borders: {
      top: b('w:top'),
      bottom: b('w:bottom'),
      left: b('w:left'),
      right: b('w:right'),
      insideH: b('w:insideH'),
      insideV: b('w:insideV'),
    },
  };
}

// ─── The document ────────────────────────────────────────────────────────────────────────────

interface DocxInternals {
  documentWrapper: { View: { prepForXml(context: unknown): Xml } };
  media: { map?: Map<string, { data: Uint8Array | Buffer }> } & Record<string, unknown>;
  footers: unknown[];
  coreProperties?: unknown;
}

/** The docx Document as the typesetter's flow. */
export function flowOf(doc: Document, title: string): FlowDocument {
  const internals = doc as unknown as DocxInternals;
  const xml = internals.documentWrapper.View.prepForXml({
    viewWrapper: internals.documentWrapper,
    file: doc,
    stack: [],
  });
  const body = kids(xml).find((c) => tagOf(c) === 'w:body');
  if (!body) throw new Error('文书结构不完整：缺少正文');
  const mediaMap = internals.media.map;
  const media: Media = { get: (key) => mediaMap?.get(key) };
  const blocks: Block[] = [];
  let page: FlowDocument['page'] = {
    width: 595.3,
    height: 841.9,
    margin: { top: 72, right: 72, bottom: 72, left: 72 },
    footer: 36,
  };
  for (const c of kids(body)) {
    const tag = tagOf(c);
    if (tag === 'w:p') blocks.push(paragraphOf(c, media));
    else if (tag === 'w:tbl') blocks.push(tableOf(c, media));
    else if (tag === 'w:sectPr') {
      const size = attrs(child(c, 'w:pgSz'));
      const mar = attrs(child(c, 'w:pgMar'));
      page = {
        width: num(size['w:w'], 11906) * TWIP,
        height: num(size['w:h'], 16838) * TWIP,
        margin: {
          top: num(mar['w:top'], 1440) * TWIP,
          right: num(mar['w:right'], 1440) * TWIP,
          bottom: num(mar['w:bottom'], 1440) * TWIP,
          left: num(mar['w:left'], 1440) * TWIP,
        },
        footer: num(mar['w:footer'], 720) * TWIP,
      };
    }
  }
  return { title, page, blocks, pageNumbers: internals.footers.length > 0 };
}
