import type { Document, FileChild } from 'docx';
import { fileNumber, type DocumentCase, type InvestigationRecord } from '../model';
import { formatDateTime } from '../layout/dates';
import { formDocument } from '../layout/page';
import { body, labelled, numberLine, title } from '../layout/paragraphs';
import { signLines } from '../layout/signatures';
import { text } from '../texts';
import { joinNames, need, type DocumentContext } from './context';
import { whole } from '../layout/unbreakable';
import { INVESTIGATION_TITLE } from '../titles';

// 人民调解调查记录, one per investigation, each on its own page: time, place, investigators,
// recorder, the person questioned, others present, the matter, questions and answers, then the
// questioned person's confirmation and the signatures.

function subjectLine(r: InvestigationRecord): string {
  const s = r.subject;
  const parts = [s.name, s.sex, s.age !== undefined ? `${s.age}岁` : undefined, s.relation, s.address];
  const phone = s.phone ? `，联系电话：${whole(s.phone)}` : '';
  return `${parts.filter(Boolean).join('，')}${phone}`;
}

function recordChildren(c: DocumentCase, r: InvestigationRecord, index: number): FileChild[] {
  const style = c.settings.dateStyle;
  return [
    title(INVESTIGATION_TITLE, { pageBreakBefore: index > 0 }),
    numberLine(`编号：${fileNumber(c)}`),
    labelled('时间', formatDateTime(r.time, style)),
    labelled('地点', r.place),
    labelled('调查人', joinNames(r.investigators)),
    labelled('记录人', r.recorder),
    labelled('被调查人', subjectLine(r)),
    labelled('在场人', r.othersPresent?.length ? joinNames(r.othersPresent) : '无'),
    labelled('调查事项', r.matter),
    labelled('调查内容', ''),
    ...r.statements.map((s) => body(s.speaker ? `${s.speaker}：${s.text}` : s.text)),
    body(text(c, 'investigationAcknowledge'), { keepNext: true }),
    ...signLines(
      [
        { left: `被调查人：${r.subject.name}`, right: '签名（指印）：' },
        ...r.investigators.map((name) => ({ left: `调查人：${name}`, right: '签名：' })),
        { left: `记录人：${r.recorder}`, right: '签名：' },
      ],
      false,
    ),
  ];
}

export function investigationRecordDocument(c: DocumentCase, _ctx: DocumentContext): Document {
  const records = need(c.investigations, '本案没有调查记录');
  return formDocument({
    title: INVESTIGATION_TITLE,
    creator: c.committee.name,
    children: records.flatMap((r, i) => recordChildren(c, r, i)),
  });
}
