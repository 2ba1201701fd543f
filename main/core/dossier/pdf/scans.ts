import { EncryptedPDFError, PDFDocument, PDFName, type PDFPage } from 'pdf-lib';
import { ConflictError } from '../../errors';

// Paper that was scanned (signed agreements, ID copies, receipts, evidence) becomes pages of the
// dossier: a JPEG or PNG is placed on an A4 page; a PDF's pages are copied as they are. Whatever
// cannot be placed is refused with a message naming the file and what to do — never a crash,
// never a dossier with half its pages.

export interface ScanSource {
  /** What the message calls it, e.g. "人民调解协议书 签署扫描件 协议.pdf". */
  label: string;
  mimeType: string;
  data: Uint8Array;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 28;
/** A scan of more pages than this is surely the wrong file (a whole book, a bank statement). */
export const MAX_SCAN_PAGES = 300;

/**
 * pdf-lib reads images through a DataView of the whole underlying ArrayBuffer, ignoring a
 * Buffer's offset into Node's shared pool: hand it a copy that starts at 0.
 */
const own = (data: Uint8Array): Uint8Array => new Uint8Array(data);

function refuse(scan: ScanSource, why: string): never {
  throw new ConflictError(`${scan.label}：${why}`);
}

/** Parsed once per dossier build: counting its pages and copying them read the same parse. */
const parsed = new WeakMap<ScanSource, Promise<PDFDocument>>();

/** Loads a PDF scan, refusing encrypted, unreadable or empty ones with a clear reason. */
export function loadScanPdf(scan: ScanSource): Promise<PDFDocument> {
  let pending = parsed.get(scan);
  if (!pending) {
    pending = parseScanPdf(scan);
    parsed.set(scan, pending);
  }
  return pending;
}

async function parseScanPdf(scan: ScanSource): Promise<PDFDocument> {
  if (scan.data.length === 0) refuse(scan, '文件是空的（0字节），请重新扫描上传');
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(own(scan.data), { updateMetadata: false, throwOnInvalidObject: false });
  } catch (error) {
    // pdf-lib is compiled to ES5, where `instanceof` a custom Error subclass fails: read the message.
    if (
      error instanceof EncryptedPDFError ||
      /is encrypted/.test(String((error as Error | undefined)?.message))
    )
      refuse(scan, 'PDF已加密（设有密码或权限限制），请用扫描软件另存为不加密的PDF后重新上传');
    refuse(scan, 'PDF文件已损坏，无法读取，请重新扫描上传');
  }
  if (pdf.isEncrypted)
    refuse(scan, 'PDF已加密（设有密码或权限限制），请用扫描软件另存为不加密的PDF后重新上传');
  let count: number;
  try {
    // A garbage body still "loads" (the parser is forgiving); its page tree then does not exist.
    count = pdf.getPageCount();
  } catch {
    refuse(scan, 'PDF文件已损坏，无法读取，请重新扫描上传');
  }
  if (count === 0) refuse(scan, 'PDF中没有任何页面，请重新扫描上传');
  if (count > MAX_SCAN_PAGES) refuse(scan, `PDF共${count}页，超过${MAX_SCAN_PAGES}页，请确认是否选错文件`);
  return pdf;
}

/** Checks a scan can be placed, without building anything: for upload time. */
export async function checkScan(scan: ScanSource): Promise<number> {
  if (scan.data.length === 0) refuse(scan, '文件是空的（0字节），请重新扫描上传');
  if (scan.mimeType === 'application/pdf') return (await loadScanPdf(scan)).getPageCount();
  const probe = await PDFDocument.create();
  await embedImage(probe, scan);
  return 1;
}

async function embedImage(doc: PDFDocument, scan: ScanSource) {
  try {
    if (scan.mimeType === 'image/png') return await doc.embedPng(own(scan.data));
    if (scan.mimeType === 'image/jpeg') return await doc.embedJpg(own(scan.data));
  } catch {
    refuse(scan, '图片文件已损坏或格式不受支持，请重新扫描为 JPG 或 PNG 后上传');
  }
  return refuse(scan, '只能放入 PDF、JPG 或 PNG 扫描件');
}

/** Adds the scan's pages to the dossier and returns them. */
export async function addScanPages(doc: PDFDocument, scan: ScanSource): Promise<PDFPage[]> {
  if (scan.data.length === 0) refuse(scan, '文件是空的（0字节），请重新扫描上传');
  if (scan.mimeType === 'application/pdf') {
    const source = await loadScanPdf(scan);
    let pages: PDFPage[];
    try {
      pages = await doc.copyPages(source, source.getPageIndices());
    } catch {
      refuse(scan, 'PDF文件结构已损坏，无法复制其中的页面，请重新扫描上传');
    }
    for (const page of pages) {
      // Links, form fields and their scripts do not belong in an archived file.
      page.node.delete(PDFName.of('Annots'));
      page.node.delete(PDFName.of('AA'));
      doc.addPage(page);
    }
    return pages;
  }
  const image = await embedImage(doc, scan);
  const landscape = image.width > image.height;
  const size: [number, number] = landscape ? [A4.height, A4.width] : [A4.width, A4.height];
  const page = doc.addPage(size);
  const scale = Math.min((size[0] - 2 * MARGIN) / image.width, (size[1] - 2 * MARGIN) / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  page.drawImage(image, { x: (size[0] - w) / 2, y: (size[1] - h) / 2, width: w, height: h });
  return [page];
}
