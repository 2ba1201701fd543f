// Shows a .docx as its pages (docx-preview turns the document into HTML), and prints it.
// docx-preview is loaded on first use so the rest of the app does not carry it.
//
// docx-preview does not lay text out into pages: a section is one long sheet. On screen that
// reads like Word's web layout; for printing, the sheet's own padding (the page margins) is
// dropped and the browser paginates with the margins of GB/T 9704 and "— n —" page numbers,
// so every printed page has the document's margins, not only the first.
//
// docx-preview also drops the document's keep-together rules (keep with next, keep lines
// together, rows that cannot split), so the browser would break a signature row or a company's
// block across two printed pages where Word never does. keepTogether carries them onto the HTML
// as CSS fragmentation rules, so the preview and the printout keep together what the .docx does.
// Codes stay whole the same way (wholeRuns).

const PRINT_CSS = `
@page {
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: "Times New Roman", serif; font-size: 14pt; }
}
@media print {
  body.desk-printing > *:not(.desk-print-root) { display: none !important; }
  body.desk-printing { background: #fff !important; }
  .desk-print-root section.docx {
    box-shadow: none !important;
    margin: 0 !important;
    padding: 0 !important;
    width: auto !important;
    min-height: 0 !important;
    background: #fff !important;
  }
  .desk-print-root section.docx + section.docx { break-before: page; }
}
@media screen { .desk-print-root { position: fixed; left: -10000px; top: 0; width: 800px; } }
`;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The parts of docx-preview's document model this file reads (its types declare it `any`). */
interface Element {
  type: string;
  text?: string;
  children?: Element[];
  styleName?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  cssStyle?: Record<string, string>;
}
interface ParsedDocx {
  documentPart: { body: Element; _xmlDocument?: XMLDocument };
  stylesPart?: { styles: { id: string; paragraphProps?: { keepNext?: boolean; keepLines?: boolean } }[] };
}

const WORD_JOINER = '\u2060';

/**
 * Codes (IDs, phones, case numbers, amounts, the 核验码) are joined by word joiners in the .docx
 * so no line breaks inside them. On screen they would make the text unsearchable and copy with
 * invisible characters; a run that holds them is drawn without the joiners and without wrapping.
 */
function wholeRuns(element: Element): void {
  for (const child of element.children ?? []) {
    if (
      child.type === 'run' &&
      child.children?.some((t) => t.type === 'text' && t.text?.includes(WORD_JOINER))
    ) {
      for (const t of child.children)
        if (t.type === 'text' && t.text) t.text = t.text.replaceAll(WORD_JOINER, '');
      child.cssStyle = { ...child.cssStyle, 'white-space': 'nowrap' };
    } else {
      wholeRuns(child);
    }
  }
}

/** Paragraphs and rows in document order, descending into tables and cells. */
function* blocks(element: Element): Generator<Element> {
  for (const child of element.children ?? []) {
    if (child.type === 'paragraph' || child.type === 'row') yield child;
    if (child.type === 'table' || child.type === 'row' || child.type === 'cell') yield* blocks(child);
  }
}

function keepTogether(doc: ParsedDocx): void {
  const styles = new Map((doc.stylesPart?.styles ?? []).map((s) => [s.id, s.paragraphProps ?? {}]));
  const avoid = (e: Element, where: 'inside' | 'after') => {
    e.cssStyle = { ...e.cssStyle, [`break-${where}`]: 'avoid', [`page-break-${where}`]: 'avoid' };
  };
  const keeps = (p: Element) => {
    const style = p.styleName ? styles.get(p.styleName) : undefined;
    return { next: p.keepNext ?? style?.keepNext ?? false, lines: p.keepLines ?? style?.keepLines ?? false };
  };
  // Row properties are not in docx-preview's model: read w:cantSplit from the XML it kept, in
  // the same document order as the model's rows.
  const xmlRows = [...(doc.documentPart._xmlDocument?.getElementsByTagNameNS(W, 'tr') ?? [])];
  let row = 0;
  for (const block of blocks(doc.documentPart.body)) {
    if (block.type === 'row') {
      const xml = xmlRows[row++];
      if (xml && xml.getElementsByTagNameNS(W, 'cantSplit').length > 0) avoid(block, 'inside');
      // A row whose paragraphs keep with next stays with the next row (how Word keeps rows).
      const inner = [...blocks(block)].filter((b) => b.type === 'paragraph');
      if (inner.length > 0 && inner.every((p) => keeps(p).next)) avoid(block, 'after');
      continue;
    }
    const { next, lines } = keeps(block);
    if (lines) avoid(block, 'inside');
    if (next) avoid(block, 'after');
  }
}

export async function renderDocx(blob: Blob, container: HTMLElement, forPrint = false): Promise<void> {
  const { parseAsync, renderDocument } = await import('docx-preview');
  const options = {
    className: 'docx',
    inWrapper: !forPrint,
    breakPages: true,
    ignoreLastRenderedPageBreak: true,
    // One long sheet has no page numbers to show (printing numbers its pages through @page),
    // and the document's "— n —" footer would appear once, empty, at the end.
    renderHeaders: false,
    renderFooters: false,
    useBase64URL: true,
    experimental: true,
    // Keeps each part's XML beside the model: the row properties docx-preview does not read.
    keepOrigin: true,
  };
  const doc = (await parseAsync(blob, options)) as ParsedDocx;
  keepTogether(doc);
  wholeRuns(doc.documentPart.body);
  const nodes = await renderDocument(doc, options);
  container.replaceChildren(...nodes);
}

let cleanup: (() => void) | null = null;

/** Renders the pages into a print-only layer and opens the print dialog (Electron and browsers alike). */
export async function printDocx(blob: Blob): Promise<void> {
  cleanup?.();
  const style = document.createElement('style');
  style.textContent = PRINT_CSS;
  const root = document.createElement('div');
  root.className = 'desk-print-root';
  document.head.appendChild(style);
  document.body.appendChild(root);
  const done = () => {
    document.body.classList.remove('desk-printing');
    root.remove();
    style.remove();
    window.removeEventListener('afterprint', done);
    cleanup = null;
  };
  cleanup = done;
  try {
    await renderDocx(blob, root, true);
  } catch (error) {
    done();
    throw error;
  }
  document.body.classList.add('desk-printing');
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  // The layer stays until the dialog is closed (afterprint), or until the next print.
  window.addEventListener('afterprint', done);
  window.print();
}
