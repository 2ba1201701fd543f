import {
  AlignmentType,
  Document,
  Footer,
  PageNumber,
  Packer,
  Paragraph,
  TextRun,
  type FileChild,
} from 'docx';
import { documentStyles, fonts } from './styles';

// Page setup after GB/T 9704-2012: A4, 版心 156 × 225 mm, top 37 mm, bottom 35 mm, left 28 mm,
// right 26 mm; page number in 四号 半角 between em dashes ("— 1 —") about 7 mm below the text.

const MM = 1440 / 25.4;
const twips = (mm: number): number => Math.round(mm * MM);

/** A4 in twips, literal: docx's PageSize helper has swapped values in some releases. */
export const A4 = { width: 11906, height: 16838 } as const;

export const margins = {
  top: twips(37),
  bottom: twips(35),
  left: twips(28),
  right: twips(26),
  header: twips(15),
  footer: twips(24),
} as const;

/** Width of the text block; tables are sized to it exactly. */
export const CONTENT_WIDTH = A4.width - margins.left - margins.right;

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fonts.title, size: 28 })],
      }),
    ],
  });
}

export interface FormDocumentOptions {
  /** Document title (metadata). */
  title: string;
  /** Author shown in file properties: the committee. */
  creator: string;
  children: FileChild[];
  /** Archive covers and lists carry no page number. */
  pageNumbers?: boolean;
}

/** Title and author of each document formDocument built, for its date-free core.xml. */
const packMeta = new WeakMap<Document, { title: string; creator: string }>();

export function formDocument(options: FormDocumentOptions): Document {
  const doc = new Document({
    title: options.title,
    creator: options.creator,
    lastModifiedBy: options.creator,
    styles: documentStyles,
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: margins,
          },
        },
        ...(options.pageNumbers === false ? {} : { footers: { default: pageNumberFooter() } }),
        children: options.children,
      },
    ],
  });
  packMeta.set(doc, { title: options.title, creator: options.creator });
  return doc;
}

/**
 * core.xml without the creation and modification times docx stamps from the wall clock: the
 * stored version's SHA-256 must change only when the printed content does, so that
 * regenerating an unchanged document gives the same bytes (and the same hash).
 */
function coreProperties(title: string, creator: string): string {
  const escape = (value: string) =>
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escape(title)}</dc:title><dc:creator>${escape(creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${escape(creator)}</cp:lastModifiedBy><cp:revision>1</cp:revision></cp:coreProperties>`
  );
}

/** DOS date 1980-01-01 00:00, the zip format's epoch: entry times carry no wall-clock time. */
const DOS_EPOCH_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * fflate (inside docx) stamps every zip entry with the current time; pin the local and central
 * headers' time and date fields so identical content packs to identical bytes.
 */
export function pinZipTimes(zip: Buffer): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt zip central directory');
    zip.writeUInt16LE(0, at + 12);
    zip.writeUInt16LE(DOS_EPOCH_DATE, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('corrupt zip local header');
    zip.writeUInt16LE(0, local + 10);
    zip.writeUInt16LE(DOS_EPOCH_DATE, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

/** Packs to .docx bytes that depend on the document's content only (see coreProperties). */
export async function packDocument(doc: Document): Promise<Buffer> {
  const meta = packMeta.get(doc);
  const overrides = meta
    ? [{ path: 'docProps/core.xml', data: coreProperties(meta.title, meta.creator) }]
    : [];
  return pinZipTimes(await Packer.toBuffer(doc, false, overrides));
}
