import type { Document, FileChild } from 'docx';
import { missingCourt } from '../confirmation';
import { fileNumber, type DocumentCase } from '../model';
import { formatDate } from '../layout/dates';
import { formDocument } from '../layout/page';
import { arabicNumbered, body, heading, numbered, numberLine, plain, title } from '../layout/paragraphs';
import { partiesBetween } from '../layout/parties';
import { sealAndDate } from '../layout/signatures';
import { whole } from '../layout/unbreakable';
import { joinNames, need, type DocumentContext } from './context';
import { COURT_REPORT_TITLE } from '../titles';

// 调解情况说明（协议送交函）: a court-entrusted case (法院委托, already filed in court) goes back to
// the court that entrusted it. The court reviews the agreement itself and makes a 民事调解书 or
// allows the suit to be withdrawn (《最高人民法院关于人民法院特邀调解的规定》, 法释〔2016〕14号), so
// the committee reports how the mediation went and sends the agreement with it; no judicial
// confirmation. A mediation that failed is reported too, so the court can go on with the case.

export function courtReportDocument(c: DocumentCase, ctx: DocumentContext): Document {
  const court = need(c.referringCourt, missingCourt(c));
  const style = c.settings.dateStyle;
  const mediators = joinNames(c.mediators.map((m) => m.name));
  const a = c.agreement;
  const records = c.mediations.length;
  const children: FileChild[] = [
    title(COURT_REPORT_TITLE),
    title('（协议送交函）'),
    numberLine(`编号：${fileNumber(c)}`),
    plain(`${court}：`),
    body(
      `贵院委托本委员会调解的${partiesBetween(c.parties)}之间的${c.disputeType}纠纷，本委员会于${formatDate(c.receivedDate, style)}受理，指派人民调解员${mediators}主持调解。`,
    ),
  ];
  if (a) {
    children.push(
      body(
        `经调解，各方当事人于${formatDate(a.reachedDate, style)}自愿达成${a.kind === '书面' ? '' : '口头'}调解协议（编号：${whole(a.number)}），主要内容如下：`,
      ),
      ...numbered(a.terms),
      body(
        '现将调解协议及调解材料一并送交贵院。本案系贵院立案后委托调解，调解协议由贵院依法审查，出具民事调解书或者准许当事人撤诉，不另行申请司法确认。',
      ),
    );
  } else {
    const t = need(c.termination, '本案尚未达成调解协议，也没有终止调解的记录');
    children.push(
      body(`因${t.reason}，调解未能达成协议，本委员会已于${formatDate(t.date, style)}终止调解。`),
      body('现将调解情况函告贵院，请依法继续审理。'),
    );
  }
  const attachments = [
    ...(a ? [a.kind === '书面' ? '人民调解协议书（原件）1份' : '人民调解口头协议登记表1份'] : []),
    ...(records > 0 ? [`人民调解记录${records}份`] : []),
  ];
  children.push(
    body('特此说明。', { keepNext: true }),
    ...sealAndDate(c, ctx.today, { keepNext: attachments.length > 0 }),
  );
  if (attachments.length > 0) {
    children.push(
      heading('附件：'),
      ...arabicNumbered(attachments, (i) => ({ keepNext: i < attachments.length - 1 })),
    );
  }
  return formDocument({ title: COURT_REPORT_TITLE, creator: c.committee.name, children });
}
