import {
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setLineWidth,
  setTextRenderingMode,
  TextRenderingMode,
  type PDFDocument,
  type PDFFont,
  type PDFImage,
  type PDFPage,
} from 'pdf-lib';
import { textWidth } from './font';
import type { LaidPage } from './paginate';

// Draws laid-out pages with pdf-lib: real text in the embedded serif (so pdftotext and a screen
// reader read it), hairline rules, shaded cells and pictures. Bold (宋体 titles, 黑体 headings) is
// the serif drawn with a thin stroke, so one embedded face serves every run.

const BLACK = rgb(0, 0, 0);

export interface Painter {
  doc: PDFDocument;
  font: PDFFont;
  images: Map<Uint8Array, PDFImage>;
}

function hex(fill: string) {
  const n = Number.parseInt(fill.padStart(6, '0').slice(-6), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

export function drawText(
  page: PDFPage,
  painter: Painter,
  text: string,
  x: number,
  yTop: number,
  size: number,
  bold = false,
): void {
  const y = page.getHeight() - yTop;
  if (bold)
    page.pushOperators(
      pushGraphicsState(),
      setTextRenderingMode(TextRenderingMode.FillAndOutline),
      setLineWidth(size * 0.028),
    );
  page.drawText(text, { x, y, size, font: painter.font, color: BLACK });
  if (bold) page.pushOperators(popGraphicsState());
}

export async function paintPage(painter: Painter, laid: LaidPage): Promise<PDFPage> {
  const page = painter.doc.addPage([laid.width, laid.height]);
  const h = laid.height;
  // Fills first, so rules and text sit on top of shaded cells.
  for (const item of laid.items) {
    if (item.kind === 'rect')
      page.drawRectangle({
        x: item.x,
        y: h - item.y - item.h,
        width: item.w,
        height: item.h,
        color: hex(item.fill),
      });
  }
  for (const item of laid.items) {
    switch (item.kind) {
      case 'line':
        page.drawLine({
          start: { x: item.x1, y: h - item.y1 },
          end: { x: item.x2, y: h - item.y2 },
          thickness: item.width,
          color: BLACK,
        });
        break;
      case 'text':
        drawText(page, painter, item.text, item.x, item.y, item.size, item.bold);
        break;
      case 'image': {
        let image = painter.images.get(item.data);
        if (!image) {
          image =
            item.type === 'png'
              ? await painter.doc.embedPng(new Uint8Array(item.data))
              : await painter.doc.embedJpg(new Uint8Array(item.data));
          painter.images.set(item.data, image);
        }
        page.drawImage(image, { x: item.x, y: h - item.y - item.h, width: item.w, height: item.h });
        break;
      }
      case 'rect':
        break;
    }
  }
  return page;
}

/** The form's own page number, "— n —", centred in the footer as the .docx prints it. */
export function drawFormPageNumber(page: PDFPage, painter: Painter, n: number, footerDistance: number): void {
  const text = `— ${n} —`;
  const size = 14;
  const width = textWidth(text, size);
  drawText(
    page,
    painter,
    text,
    (page.getWidth() - width) / 2,
    page.getHeight() - footerDistance + size,
    size,
  );
}

/** The dossier's page number (页号), top right of every page as archivists write it. */
export function drawDossierPageNumber(page: PDFPage, painter: Painter, n: number): void {
  const text = String(n);
  const size = 12;
  const width = textWidth(text, size);
  const x = page.getWidth() - 42 - width;
  const yTop = 40;
  // A white patch keeps the number legible on a dark scan.
  page.drawRectangle({
    x: x - 3,
    y: page.getHeight() - yTop - 4,
    width: width + 6,
    height: size + 4,
    color: rgb(1, 1, 1),
  });
  drawText(page, painter, text, x, yTop, size);
}
