import { AlignmentType, LineRuleType, Paragraph, TextRun, type Document } from 'docx';
import type { DocumentCase } from '../model';
import { formatDate } from '../layout/dates';
import { formDocument } from '../layout/page';
import { fonts } from '../layout/styles';
import { formTable, L, V, type Row } from '../layout/tables';
import { joinNames, type DocumentContext } from './context';
import { dossierOf, dossierTitle } from './dossierCommon';
import { whole } from '../layout/unbreakable';
import { COVER_TITLE } from '../titles';

// 卷宗封面: "<committee> 调解卷宗", then 卷名, 卷号, 人民调解员, mediation dates, 立卷人, 立卷日期,
// 保管期限, 备注 in a ruled grid.

function bigLine(text: string, halfPoints: number, before: number, after: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before, after, line: halfPoints * 12, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: fonts.title, size: halfPoints, bold: true })],
  });
}

export function dossierCoverDocument(c: DocumentCase, _ctx: DocumentContext): Document {
  const d = dossierOf(c);
  const style = c.settings.dateStyle;
  const field = (label: string, value: string): Row => ({ cells: [L(label), V(value)], minHeight: 900 });
  return formDocument({
    title: COVER_TITLE,
    creator: c.committee.name,
    pageNumbers: false,
    children: [
      bigLine(c.committee.name, 52, 600, 360),
      bigLine('调 解 卷 宗', 84, 0, 1000),
      formTable(
        [2200, 6645],
        [
          field('卷　　名', dossierTitle(c, d)),
          field('卷　　号', whole(d.volumeNumber)),
          field('人民调解员', joinNames(c.mediators.map((m) => m.name))),
          field('调解日期', `${formatDate(d.mediationFrom, style)}至${formatDate(d.mediationTo, style)}`),
          field('立 卷 人', d.filedBy),
          field('立卷日期', formatDate(d.filedDate, style)),
          field('保管期限', d.retention),
          field('备　　注', d.remarks ?? '无'),
        ],
      ),
    ],
  });
}
