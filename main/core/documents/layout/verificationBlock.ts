import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { VerificationAssets } from '../verification';
import { CONTENT_WIDTH } from './page';
import { sealLines } from './seal';
import { BODY_CHAR, fonts, size, styleIds } from './styles';
import { textRuns, whole } from './unbreakable';

// The agreement's last row: the 核验码 block (QR code + short code) at the bottom left, the
// committee seal text and date at the right, where the seal is pressed. Sharing one row keeps
// the verification on the signature page and costs no extra lines.

const QR_PX = 76; // ≈ 20 mm at 96 px/in: scannable from a phone, small next to the seal
const LEFT_COLUMN = 2700;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

function note(text: string, bold = false): Paragraph {
  return new Paragraph({
    style: styleIds.small,
    keepLines: true,
    children: textRuns(text, { size: size.footnote, font: bold ? fonts.heading : fonts.body }),
  });
}

function sealLine(text: string, spaceBefore = 0, indentChars = 2): Paragraph {
  return new Paragraph({
    style: styleIds.plain,
    alignment: AlignmentType.RIGHT,
    indent: { right: indentChars * BODY_CHAR },
    spacing: { before: spaceBefore },
    keepLines: true,
    children: textRuns(text),
  });
}

export function sealWithVerification(sealText: string, date: string, v: VerificationAssets): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_COLUMN, CONTENT_WIDTH - LEFT_COLUMN],
    borders: {
      top: NONE,
      bottom: NONE,
      left: NONE,
      right: NONE,
      insideHorizontal: NONE,
      insideVertical: NONE,
    },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: LEFT_COLUMN, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.BOTTOM,
            margins: { top: 560, bottom: 0, left: 0, right: 0 },
            children: [
              new Paragraph({
                style: styleIds.small,
                spacing: { line: 240, lineRule: LineRuleType.AUTO },
                children: [
                  new ImageRun({
                    type: 'png',
                    data: v.qrPng,
                    transformation: { width: QR_PX, height: QR_PX },
                    // A fixed drawing id: docx's default is a process-wide counter, which would make two packs
                    // of the same agreement differ.
                    altText: { id: '1', name: '核验二维码', description: v.payload, title: '核验二维码' },
                  }),
                ],
              }),
              note(`核验码：${whole(v.shortCode)}`, true),
              note('扫码或输入核验码核对协议'),
            ],
          }),
          new TableCell({
            width: { size: CONTENT_WIDTH - LEFT_COLUMN, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            // Room above the committee name for the round seal, which overlaps name and date.
            margins: { top: 560, bottom: 0, left: 0, right: 0 },
            children: [
              ...sealLines(sealText, CONTENT_WIDTH - LEFT_COLUMN).map((l) =>
                sealLine(l.text, 0, l.indentChars),
              ),
              sealLine(date),
            ],
          }),
        ],
      }),
    ],
  });
}
