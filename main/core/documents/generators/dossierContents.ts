import type { Document } from 'docx';
import type { DocumentCase } from '../model';
import { archiveDate } from '../layout/dates';
import { formDocument } from '../layout/page';
import { numberLine, title } from '../layout/paragraphs';
import { formTable, L, V, type Row } from '../layout/tables';
import type { DocumentContext } from './context';
import { dossierOf } from './dossierCommon';
import { CONTENTS_TITLE } from '../titles';

// 卷内目录: the file's papers in binding order with dates and page numbers; the header row repeats
// on every page and blank ruled rows follow for papers added by hand.

const CONTENTS_MIN_ROWS = 15;

export function dossierContentsDocument(c: DocumentCase, _ctx: DocumentContext): Document {
  const d = dossierOf(c);
  const rows: Row[] = [
    { cells: [L('序号'), L('文件材料名称'), L('日期'), L('页号'), L('备注')], header: true },
    ...d.contents.map((item, i) => ({
      cells: [
        { text: String(i + 1), align: 'center' as const },
        V(item.title),
        { text: item.date ? archiveDate(item.date) : '', align: 'center' as const },
        { text: item.pages, align: 'center' as const },
        V(item.note ?? ''),
      ],
    })),
  ];
  // Blank ruled rows, as on the printed form, for papers added by hand before binding.
  for (let i = d.contents.length; i < CONTENTS_MIN_ROWS; i++) rows.push({ cells: ['', '', '', '', ''] });
  return formDocument({
    title: CONTENTS_TITLE,
    creator: c.committee.name,
    pageNumbers: false,
    children: [
      title(CONTENTS_TITLE),
      numberLine(`卷号：${d.volumeNumber}`),
      formTable([900, 4145, 1500, 1200, 1100], rows),
    ],
  });
}
