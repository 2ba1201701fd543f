import type { Document, FileChild } from 'docx';
import { fileNumber, type DocumentCase, type MediationRecord } from '../model';
import { formatDateTime, formatTime, sameDay, smallChinese } from '../layout/dates';
import { formDocument } from '../layout/page';
import { numberLine, title } from '../layout/paragraphs';
import { formTable, L, V, type Row } from '../layout/tables';
import { text } from '../texts';
import { joinNames, need, type DocumentContext } from './context';
import { MEDIATION_RECORD_TITLE } from '../titles';

// 人民调解记录, one form per session: time, place, matter, invitees (参加人 — never mediators,
// parties or the recorder), parties present, rights notice, what was said, the result or why it
// failed, routes the parties were told about, then everyone signs after reading it.

export function sessionTime(c: DocumentCase, r: MediationRecord): string {
  const start = formatDateTime(r.startTime, c.settings.dateStyle);
  if (!r.endTime) return start;
  const end = sameDay(r.startTime, r.endTime)
    ? formatTime(r.endTime)
    : formatDateTime(r.endTime, c.settings.dateStyle);
  return `${start}至${end}`;
}

function sessionRows(c: DocumentCase, r: MediationRecord): Row[] {
  const invitees = r.invitees.length
    ? r.invitees.map((i) => (i.relation ? `${i.name}（${i.relation}）` : i.name)).join('、')
    : '无';
  const notice = r.rightsNoticeGiven
    ? '已告知当事人在人民调解活动中享有的权利和承担的义务。'
    : '未告知（须在调解前告知）。';
  // Blank lines between the signature labels leave room for the pen.
  const signatures = [
    text(c, 'recordAcknowledge'),
    '当事人（签名或者按指印）：',
    '',
    `人民调解员（签名）：${'　'.repeat(8)}记录人（签名）：`,
    '',
  ];
  return [
    { cells: [L('时间'), V(sessionTime(c, r), 3)] },
    { cells: [L('地点'), V(r.place, 3)] },
    { cells: [L('调解事项'), V(r.matter, 3)] },
    { cells: [L('人民调解员'), V(joinNames(c.mediators.map((m) => m.name))), L('记录人'), V(c.recorder)] },
    { cells: [L('参加人'), V(invitees, 3)] },
    { cells: [L('到场当事人'), V(`${joinNames(r.partiesPresent)}到场。`, 3)] },
    { cells: [L('权利义务告知'), V(notice, 3)] },
    {
      cells: [
        L('调解情况'),
        V(
          r.statements.map((s) => (s.speaker ? `${s.speaker}：${s.text}` : s.text)),
          3,
        ),
      ],
      allowSplit: true,
      minHeight: 3000,
    },
    { cells: [L('调解结果'), V(r.result, 3)], minHeight: 900, keepNext: true },
    ...(r.routesTold ? [{ cells: [L('告知其他途径'), V(r.routesTold, 3)], keepNext: true }] : []),
    { cells: [{ text: signatures, span: 4 }], minHeight: 1600 },
  ];
}

function sessionChildren(c: DocumentCase, r: MediationRecord, index: number, total: number): FileChild[] {
  const ordinal = total > 1 ? `（第${smallChinese(index + 1)}次）` : '';
  return [
    title(`${MEDIATION_RECORD_TITLE}${ordinal}`, { pageBreakBefore: index > 0 }),
    numberLine(`编号：${fileNumber(c)}`),
    formTable([2000, 2800, 1300, 2745], sessionRows(c, r)),
  ];
}

export function mediationRecordDocument(c: DocumentCase, _ctx: DocumentContext): Document {
  const sessions = need(c.mediations, '本案没有调解记录');
  return formDocument({
    title: MEDIATION_RECORD_TITLE,
    creator: c.committee.name,
    children: sessions.flatMap((r, i) => sessionChildren(c, r, i, sessions.length)),
  });
}
