// What an uploaded file really is. Evidence attachments and signed scans are stored inside the
// database and later opened by whatever the clerk's machine opens such files with, so the bytes
// must be what the declared type says: more than a magic number, which a file that starts with
// `%PDF-` and goes on as an HTML page passes. One table for every upload (attachments in
// workflow/mediation.ts, scans in documentStore/versions.ts). The name a file is shown under is the
// contract's (validation/fileName.ts).

export type UploadType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/tiff';

const latin1 = (b: Buffer, from = 0, to = b.length) => b.subarray(from, to).toString('latin1');

/** Markup a browser or viewer would run as a page: never inside a real PDF's text layer. */
const HTML = /<\s*(?:!doctype\s+html|html|head|body|script|iframe|object|embed|svg|meta\s+http-equiv)\b/i;

function isPdf(b: Buffer): boolean {
  if (!/^%PDF-[12]\.\d/.test(latin1(b, 0, 8))) return false;
  // A complete file ends with %%EOF (and maybe a line end); trailing garbage is tolerated a little.
  if (!latin1(b, Math.max(0, b.length - 1024)).includes('%%EOF')) return false;
  return !HTML.test(latin1(b));
}

/** JPEG markers that may follow SOI: APPn, DQT, DHT, SOFn, DRI, COM (not RSTn, SOI, EOI or fill). */
function isJpegMarker(m: number): boolean {
  return m >= 0xc0 && m <= 0xfe && !(m >= 0xd0 && m <= 0xd9);
}

function isJpeg(b: Buffer): boolean {
  if (b.length < 8 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff || !isJpegMarker(b[3]!)) return false;
  // EOI (FF D9) ends the image; some cameras append a trailer after it, so look from the end.
  const eoi = b.lastIndexOf(Buffer.from([0xff, 0xd9]));
  return eoi > 3;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function isPng(b: Buffer): boolean {
  if (b.length < 33 || !b.subarray(0, 8).equals(PNG_SIGNATURE)) return false;
  // The first chunk is IHDR, 13 bytes, with a non-zero width and height.
  if (b.readUInt32BE(8) !== 13 || latin1(b, 12, 16) !== 'IHDR') return false;
  if (b.readUInt32BE(16) === 0 || b.readUInt32BE(20) === 0) return false;
  return latin1(b, Math.max(0, b.length - 64)).includes('IEND');
}

function isTiff(b: Buffer): boolean {
  if (b.length < 16) return false;
  const head = latin1(b, 0, 4);
  if (head !== 'II*\u0000' && head !== 'MM\u0000*') return false;
  // The first image directory must lie inside the file.
  const ifd = head === 'II*\u0000' ? b.readUInt32LE(4) : b.readUInt32BE(4);
  return ifd >= 8 && ifd < b.length - 2;
}

const checks: Record<UploadType, (b: Buffer) => boolean> = {
  'application/pdf': isPdf,
  'image/jpeg': isJpeg,
  'image/png': isPng,
  'image/tiff': isTiff,
};

/** Whether `data` is really a file of the declared type (not merely starting like one). */
export function contentMatches(mimeType: UploadType, data: Buffer): boolean {
  return checks[mimeType](data);
}
