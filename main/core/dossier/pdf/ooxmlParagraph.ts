import { documentStyles } from '../../documents/layout/styles';
import type { Align, LineSpacing, Paragraph, Run } from './flow';
import { TWIP, tagOf, kids, attrs, child, num, on, type Xml, type Attrs } from './ooxmlXml';

// Paragraphs and runs of the generated .docx as the typesetter's flow: the forms' styles resolved
// (documents/layout/styles), direct paragraph and run properties, inline images (the QR code).

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
