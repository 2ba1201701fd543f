// Shows a .docx as its pages (docx-preview turns the document into HTML), and prints it.
// docx-preview is loaded on first use so the rest of the app does not carry it.
//
// docx-preview does not lay text out into pages: a section is one long sheet. On screen that
// reads like Word's web layout; for printing, the sheet's own padding (the page margins) is
// dropped and the browser paginates with the margins of GB/T 9704 and "— n —" page numbers,
// so every printed page has the document's margins, not only the first.

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

export async function renderDocx(blob: Blob, container: HTMLElement, forPrint = false): Promise<void> {
  const { renderAsync } = await import('docx-preview');
  container.replaceChildren();
  await renderAsync(blob, container, undefined, {
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
  });
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
