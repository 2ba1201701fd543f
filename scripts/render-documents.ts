// Dev script: renders every document of the rich test fixture to .docx, converts them to PDF with
// LibreOffice and page images with pdftoppm, for eyeballing layout changes.
//   npx tsx scripts/render-documents.ts [outDir]   (default test-results/documents/dev)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { documentKinds, renderDocument } from '../main/core/documents';
import { caseFor, manyPartiesCase, RICH_TODAY } from '../tests/fixtures/documentCase';
import { LibreOffice, renderPage } from '../tests/helpers/libreoffice';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'test-results/documents/dev');
  mkdirSync(out, { recursive: true });
  const files: Record<string, Buffer> = {};
  for (const kind of documentKinds) {
    const c = caseFor(kind.id);
    const started = performance.now();
    files[kind.id] = await renderDocument(kind.id, c, { today: RICH_TODAY });
    console.log(`${kind.title.padEnd(16, '　')} ${(performance.now() - started).toFixed(1)} ms`);
  }
  files['agreement-10-parties'] = await renderDocument('agreement', manyPartiesCase(10), {
    today: RICH_TODAY,
  });
  for (const [name, buffer] of Object.entries(files)) writeFileSync(join(out, `${name}.docx`), buffer);
  const lo = new LibreOffice();
  try {
    const pdfs = await lo.convert(files);
    for (const [name, pdf] of Object.entries(pdfs)) {
      for (let page = 1; page <= pdf.pages; page++)
        await renderPage(pdf.pdfPath, join(out, `${name}-${page}`), page, 60);
      writeFileSync(join(out, `${name}.txt`), pdf.text);
      console.log(`${name}: ${pdf.pages} page(s), ${pdf.pageSize.width} x ${pdf.pageSize.height} pt`);
    }
  } finally {
    lo.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
