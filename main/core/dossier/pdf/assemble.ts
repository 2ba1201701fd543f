import { PDFDocument, type PDFPage } from 'pdf-lib';
import type { FlowDocument } from './flow';
import { fontkitAdapter, serifFont } from './font';
import { addOutline, setMetadata, type Bookmark, type PdfMeta } from './outline';
import { drawDossierPageNumber, drawFormPageNumber, paintPage, type Painter } from './paint';
import { paginate, type LaidPage } from './paginate';
import { addScanPages, loadScanPdf, type ScanSource } from './scans';

// One PDF per dossier. The papers are laid out first (nothing drawn yet) so that every page's
// place in the file is known; then the cover, contents list and back cover are made with the real
// page ranges and the total, laid out again in case the contents list grew a page, and finally
// everything is drawn once, each page stamped with its number in the dossier's own sequence.

export type PdfPart =
  | { kind: 'form'; key: string; title: string; flow: FlowDocument }
  | { kind: 'scans'; key: string; title: string; scans: ScanSource[] };

/** Page ranges of the papers, "3" or "3-5", by part key. */
export type PageRanges = Map<string, string>;

export interface DossierPdfInput {
  /** The papers between the contents list and the back cover, in binding order. */
  parts: PdfPart[];
  /** Builds the cover, the contents list and the back cover for the given page ranges and total. */
  frame(
    ranges: PageRanges,
    totalPages: number,
  ): { cover: FlowDocument; contents: FlowDocument; note: FlowDocument };
  meta: PdfMeta;
}

export interface DossierPdf {
  bytes: Uint8Array;
  pageCount: number;
  ranges: PageRanges;
  /** Titles of the bookmarks in order, with their first page (1-based). */
  bookmarks: { title: string; page: number }[];
}

interface Measured {
  part: PdfPart;
  pages: number;
  laid?: LaidPage[];
}

const rangeOf = (start: number, count: number): string =>
  count <= 1 ? String(start) : `${start}-${start + count - 1}`;

async function measure(part: PdfPart): Promise<Measured> {
  if (part.kind === 'form') {
    const laid = paginate(part.flow);
    return { part, pages: laid.length, laid };
  }
  let pages = 0;
  for (const scan of part.scans)
    pages += scan.mimeType === 'application/pdf' ? (await loadScanPdf(scan)).getPageCount() : 1;
  return { part, pages };
}

export const COVER_KEY = 'cover';
export const CONTENTS_KEY = 'contents';
export const NOTE_KEY = 'note';

interface Plan {
  measured: Measured[];
  ranges: PageRanges;
  frame: {
    cover: LaidPage[];
    contents: LaidPage[];
    note: LaidPage[];
    flows: ReturnType<DossierPdfInput['frame']>;
  };
}

/** Lays everything out (nothing drawn) until the page ranges the frame prints are the real ones. */
export async function planDossier(input: Pick<DossierPdfInput, 'parts' | 'frame'>): Promise<Plan> {
  const measured: Measured[] = [];
  for (const part of input.parts) measured.push(await measure(part));
  // Front matter and back cover depend on the page numbers, which depend on their length.
  let coverPages = 1;
  let contentsPages = 1;
  let notePages = 1;
  let frame!: Plan['frame'];
  let ranges: PageRanges = new Map();
  for (let attempt = 0; attempt < 4; attempt++) {
    ranges = new Map();
    let next = 1;
    ranges.set(COVER_KEY, rangeOf(next, coverPages));
    next += coverPages;
    ranges.set(CONTENTS_KEY, rangeOf(next, contentsPages));
    next += contentsPages;
    for (const m of measured) {
      ranges.set(m.part.key, rangeOf(next, m.pages));
      next += m.pages;
    }
    ranges.set(NOTE_KEY, rangeOf(next, notePages));
    const total = next + notePages - 1;
    const flows = input.frame(ranges, total);
    frame = {
      cover: paginate(flows.cover),
      contents: paginate(flows.contents),
      note: paginate(flows.note),
      flows,
    };
    if (
      frame.cover.length === coverPages &&
      frame.contents.length === contentsPages &&
      frame.note.length === notePages
    )
      break;
    coverPages = frame.cover.length;
    contentsPages = frame.contents.length;
    notePages = frame.note.length;
  }
  return { measured, ranges, frame };
}

export async function buildDossierPdf(input: DossierPdfInput): Promise<DossierPdf> {
  const { measured, ranges, frame } = await planDossier(input);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkitAdapter() as never);
  const painter: Painter = {
    doc, // A subset tag (six capitals + '+') marks the embedded font as a subset, as PDF/A expects.
    font: await doc.embedFont(serifFont().bytes, {
      subset: true,
      customName: 'DOSSIE+NotoSerifCJKsc-Regular',
    }),
    images: new Map(),
  };
  const bookmarks: Bookmark[] = [];
  const numbered: PDFPage[] = [];

  const paintForm = async (title: string, laid: LaidPage[], flow: FlowDocument) => {
    bookmarks.push({ title, pageIndex: numbered.length });
    for (let i = 0; i < laid.length; i++) {
      const page = await paintPage(painter, laid[i]!);
      if (flow.pageNumbers) drawFormPageNumber(page, painter, i + 1, flow.page.footer);
      numbered.push(page);
    }
  };

  await paintForm(frame.flows.cover.title, frame.cover, frame.flows.cover);
  await paintForm(frame.flows.contents.title, frame.contents, frame.flows.contents);
  for (const m of measured) {
    if (m.part.kind === 'form') {
      await paintForm(m.part.title, m.laid!, m.part.flow);
    } else {
      bookmarks.push({ title: m.part.title, pageIndex: numbered.length });
      for (const scan of m.part.scans) numbered.push(...(await addScanPages(doc, scan)));
    }
  }
  await paintForm(frame.flows.note.title, frame.note, frame.flows.note);

  numbered.forEach((page, i) => drawDossierPageNumber(page, painter, i + 1));
  addOutline(doc, bookmarks);
  setMetadata(doc, input.meta);
  const bytes = await doc.save({ useObjectStreams: false });
  return {
    bytes,
    pageCount: numbered.length,
    ranges,
    bookmarks: bookmarks.map((b) => ({ title: b.title, page: b.pageIndex + 1 })),
  };
}
