import type { Document } from 'docx';
import type { Block, FlowDocument } from './flow';
import { TWIP, tagOf, kids, attrs, child, num, type Xml } from './ooxmlXml';
import { paragraphOf, type Media } from './ooxmlParagraph';
import { tableOf } from './ooxmlTable';

// Reads the very Word document the .docx generator builds (docx's own XML object tree, before it
// is zipped) and turns it into the flow the PDF typesetter lays out. So the PDF prints what the
// .docx prints — same paragraphs, styles, tables, signature blocks, QR code — and a layout fix in
// a generator shows in both. Only the WordprocessingML our forms use is read; anything else is
// ignored rather than guessed.

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
