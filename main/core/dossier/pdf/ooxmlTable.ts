import type { Border, CellSpec, RowSpec, Table } from './flow';
import { TWIP, tagOf, kids, attrs, child, num, on, type Xml } from './ooxmlXml';
import { paragraphOf, type Media } from './ooxmlParagraph';

// Tables of the generated .docx (signature blocks, the contents page) as the typesetter's flow.

// ─── Tables ──────────────────────────────────────────────────────────────────────────────────

function borderOf(node: Xml | undefined): Border | null {
  if (!node) return null;
  const a = attrs(node);
  const style = String(a['w:val'] ?? 'none');
  if (style === 'none' || style === 'nil') return null;
  // w:sz is in eighths of a point.
  return { width: Math.max(0.25, num(a['w:sz'], 4) / 8) };
}

export function tableOf(node: Xml, media: Media): Table {
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
