import type { Document } from 'docx';
import type { DocumentCase } from '../model';
import { formatDate } from '../layout/dates';
import { formDocument } from '../layout/page';
import { numberLine, title } from '../layout/paragraphs';
import { formTable, L, V } from '../layout/tables';
import type { DocumentContext } from './context';
import { dossierOf, totalPages } from './dossierCommon';
import { NOTE_TITLE } from '../titles';

// 备考表 (back cover): how many papers and pages the file holds, notes on its state, who filed and
// checked it, and when.

export function dossierNoteDocument(c: DocumentCase, _ctx: DocumentContext): Document {
  const d = dossierOf(c);
  // Page numbers are written by hand when the file is bound; until then leave the count to fill in.
  const pages = totalPages(d);
  const summary = `本卷共有文件材料${d.contents.length}件，共${pages > 0 ? pages : '\u3000\u3000'}页。`;
  return formDocument({
    title: NOTE_TITLE,
    creator: c.committee.name,
    pageNumbers: false,
    children: [
      title(NOTE_TITLE),
      numberLine(`卷号：${d.volumeNumber}`),
      formTable(
        [1800, 2622, 1800, 2623],
        [
          { cells: [L('本卷情况说明', 4)], minHeight: 600 },
          {
            cells: [{ text: [summary, ...d.notes.split('\n')], span: 4, indent: true }],
            minHeight: 7000,
            allowSplit: true,
          },
          { cells: [L('立卷人'), V(d.filedBy), L('检查人'), V(d.checkedBy ?? '')], minHeight: 800 },
          { cells: [L('立卷时间'), V(formatDate(d.filedDate, c.settings.dateStyle), 3)], minHeight: 800 },
        ],
      ),
    ],
  });
}
