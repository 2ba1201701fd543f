import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { tempDir } from '../../helpers/tempDir';

// Reading a dossier PDF back the way an archivist's tools would: poppler's text per page, its
// font list and info, and the outline (bookmarks) with the page each opens at.

const run = promisify(execFile);

export interface ReadPdf {
  path: string;
  /** pdftotext -layout text of each page (index 0 = page 1). */
  pages: string[];
  info: string;
  fonts: string;
  bookmarks: { title: string; page: number }[];
}

export async function readDossierPdf(bytes: Uint8Array | Buffer): Promise<ReadPdf> {
  const dir = tempDir('dossier-pdf-');
  const path = join(dir, 'dossier.pdf');
  writeFileSync(path, bytes);
  const [{ stdout: text }, { stdout: info }, { stdout: fonts }] = await Promise.all([
    run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { maxBuffer: 64 * 1024 * 1024 }),
    run('pdfinfo', [path]),
    run('pdffonts', [path]),
  ]);
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return { path, pages, info, fonts, bookmarks: await outline(bytes) };
}

async function outline(bytes: Uint8Array | Buffer): Promise<{ title: string; page: number }[]> {
  const doc = await PDFDocument.load(bytes);
  const pageRefs = doc.getPages().map((p) => p.ref.toString());
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const out: { title: string; page: number }[] = [];
  let ref = root?.get(PDFName.of('First'));
  while (ref instanceof PDFRef) {
    const item = doc.context.lookup(ref, PDFDict);
    const title = item.get(PDFName.of('Title'));
    const dest = item.lookup(PDFName.of('Dest'), PDFArray);
    const target = dest.get(0) as PDFRef;
    out.push({
      title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
      page: pageRefs.indexOf(target.toString()) + 1,
    });
    ref = item.get(PDFName.of('Next'));
  }
  return out;
}

/** Renders pages to PNG for a person to look at (test-results/dossier). */
export async function pageImages(path: string, outPrefix: string, first = 1, last = 99): Promise<void> {
  await run('pdftoppm', ['-r', '60', '-png', '-f', String(first), '-l', String(last), path, outPrefix]);
}
