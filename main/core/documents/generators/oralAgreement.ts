import type { Document } from 'docx';
import type { DocumentCase } from '../model';
import { formatDate } from '../layout/dates';
import { formDocument } from '../layout/page';
import { numberLine, title } from '../layout/paragraphs';
import { partyLines } from '../layout/parties';
import { partySignCells } from '../layout/signatures';
import { formTable, L, signatureRows, V, type Row } from '../layout/tables';
import { text } from '../texts';
import { performanceLines } from './agreement';
import { joinNames, need, type DocumentContext } from './context';
import { ORAL_TITLE } from '../titles';

// 人民调解口头协议登记表 (Law Art. 28, 30): when the parties want no written agreement the
// mediator records its content; filled like the agreement book, effective the day it is reached.

export function oralAgreementDocument(c: DocumentCase, _ctx: DocumentContext): Document {
  const a = need(c.agreement, '本案尚未记录调解协议');
  if (a.kind !== '口头') throw new Error('书面协议请使用人民调解协议书');
  const style = c.settings.dateStyle;
  const parties = c.parties.flatMap((p) => partyLines(c, p, { style: 'mediation' }));
  const rows: Row[] = [
    { cells: [L('当事人'), V(parties, 3)], allowSplit: true },
    {
      cells: [
        L('纠纷主要事实、争议事项'),
        V(
          [
            a.facts,
            ...(a.disputedPoints ? [`争议事项：${a.disputedPoints}`] : []),
            ...(a.responsibility ? [`各方责任：${a.responsibility}`] : []),
          ],
          3,
        ),
      ],
      allowSplit: true,
      minHeight: 1800,
    },
    {
      cells: [
        L('协议内容'),
        V(
          a.terms.map((t, i) => `${i + 1}. ${t}`),
          3,
        ),
      ],
      allowSplit: true,
      minHeight: 1800,
    },
    { cells: [L('履行方式、地点、期限'), V(performanceLines(c, a), 3)] },
    {
      cells: [
        L('协议达成日期'),
        V(formatDate(a.reachedDate, style)),
        L('生效日期'),
        V(formatDate(a.effectiveDate ?? a.reachedDate, style)),
      ],
    },
    { cells: [L('说明'), V(text(c, 'oralAgreementNote'), 3)] },
    ...signatureRows('当事人签名', c.parties.map(partySignCells), 2, 1),
    { cells: [L('人民调解员'), V(joinNames(c.mediators.map((m) => m.name))), L('记录人'), V(c.recorder)] },
    {
      cells: [
        { text: '', span: 4, footer: [`${c.committee.sealText}（印章）`, formatDate(a.reachedDate, style)] },
      ],
      minHeight: 1500,
    },
  ];
  return formDocument({
    title: ORAL_TITLE,
    creator: c.committee.name,
    children: [title(ORAL_TITLE), numberLine(`编号：${a.number}`), formTable([1800, 3100, 1400, 2545], rows)],
  });
}
