import type { Document, FileChild } from 'docx';
import { fileNumber, type DocumentCase, type ReturnVisit } from '../model';
import { formatDate } from '../layout/dates';
import { formDocument } from '../layout/page';
import { numberLine, title } from '../layout/paragraphs';
import { formTable, L, V, type Row } from '../layout/tables';
import { joinNames, need, type DocumentContext } from './context';
import { whole } from '../layout/unbreakable';
import { RETURN_VISIT_TITLE } from '../titles';

// 人民调解回访记录, one form per visit: 当事人, 调解协议编号 (same as the agreement's number), 回访
// 事由, 回访情况 (performance, satisfaction, court action, signs of escalation, measures taken),
// 回访人 signature, date.

function visitRows(c: DocumentCase, v: ReturnVisit): Row[] {
  const date = formatDate(v.date, c.settings.dateStyle);
  const situation = [
    `履行情况：${v.performance}`,
    `当事人满意程度：${v.satisfaction}`,
    `是否起诉或者申请执行：${v.litigation ?? '无。'}`,
    `有无矛盾激化迹象：${v.escalationSigns}`,
    `采取的措施：${v.measures}`,
  ];
  return [
    { cells: [L('当事人'), V(joinNames(c.parties.map((p) => `${p.role} ${p.name}`)), 3)] },
    { cells: [L('调解协议编号'), V(whole(c.agreement?.number ?? fileNumber(c)), 3)] },
    { cells: [L('回访事由'), V(`${c.disputeType}纠纷调解协议履行情况回访`, 3)] },
    { cells: [L('回访时间'), V(date), L('回访方式'), V(v.method ?? '上门回访')] },
    { cells: [L('被回访人'), V(joinNames(v.visited), 3)] },
    { cells: [L('回访情况'), V(situation, 3)], minHeight: 4200, allowSplit: true },
    {
      cells: [L('回访人签名'), { text: joinNames(v.visitors), span: 3, footer: [date] }],
      minHeight: 1200,
    },
  ];
}

function visitChildren(c: DocumentCase, v: ReturnVisit, index: number): FileChild[] {
  return [
    title(RETURN_VISIT_TITLE, { pageBreakBefore: index > 0 }),
    numberLine(`编号：${fileNumber(c)}`),
    formTable([1900, 2900, 1400, 2645], visitRows(c, v)),
  ];
}

export function returnVisitDocument(c: DocumentCase, _ctx: DocumentContext): Document {
  const visits = need(c.returnVisits, '本案没有回访记录');
  return formDocument({
    title: RETURN_VISIT_TITLE,
    creator: c.committee.name,
    children: visits.flatMap((v, i) => visitChildren(c, v, i)),
  });
}
