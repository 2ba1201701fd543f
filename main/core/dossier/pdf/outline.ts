import { PDFHexString, PDFName, PDFNumber, type PDFDocument, type PDFRef } from 'pdf-lib';

// The PDF's bookmarks (one per dossier item, opening at its first page) and its archival habits:
// title shown in the viewer's title bar, author, subject, language, dates from the app's clock.
// pdf-lib writes no JavaScript, and pages copied from scans lose their annotations.

export interface Bookmark {
  title: string;
  /** 0-based index of the item's first page. */
  pageIndex: number;
}

export function addOutline(doc: PDFDocument, bookmarks: readonly Bookmark[]): void {
  if (bookmarks.length === 0) return;
  const context = doc.context;
  const pages = doc.getPages();
  const outlineRef = context.nextRef();
  const refs: PDFRef[] = bookmarks.map(() => context.nextRef());
  bookmarks.forEach((b, i) => {
    const page = pages[Math.min(b.pageIndex, pages.length - 1)]!;
    const item = context.obj({
      Title: PDFHexString.fromText(b.title),
      Parent: outlineRef,
      Dest: [page.ref, PDFName.of('Fit')],
    });
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1]!);
    context.assign(refs[i]!, item);
  });
  context.assign(
    outlineRef,
    context.obj({ Type: 'Outlines', First: refs[0]!, Last: refs.at(-1)!, Count: PDFNumber.of(refs.length) }),
  );
  doc.catalog.set(PDFName.of('Outlines'), outlineRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** The app clock's now. */
  at: Date;
}

export function setMetadata(doc: PDFDocument, meta: PdfMeta): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('平罗县人民调解工作台');
  doc.setProducer('平罗县人民调解工作台（pdf-lib）');
  doc.setLanguage('zh-CN');
  doc.setCreationDate(meta.at);
  doc.setModificationDate(meta.at);
}
