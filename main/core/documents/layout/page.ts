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

export function formDocument(options: FormDocumentOptions): Document {
  return new Document({
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
}

export function packDocument(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}
