import type { Document } from 'docx';
import { fileNumber, type DocumentCase } from '../model';
import { formatDate } from '../layout/dates';
import { formDocument } from '../layout/page';
import { body, heading, numberLine, plain, title } from '../layout/paragraphs';
import { partiesBetween } from '../layout/parties';
import { partySignLines, sealAndDate, signLines } from '../layout/signatures';
import { text } from '../texts';
import { need, type DocumentContext } from './context';
import { TERMINATION_TITLE } from '../titles';

// 调解终止告知书（告知其他途径）: Law Art. 26 — when mediation fails the mediator ends it and tells
// the parties they may use arbitration, administrative or court routes. The routes told are part
// of the record, so a failed case cannot close without them; a receipt follows for signatures.

export function terminationNoticeDocument(c: DocumentCase, _ctx: DocumentContext): Document {
  const t = need(c.termination, '本案没有终止调解的记录');
  const routes = need(t.routesTold, '终止调解须记录已告知当事人的其他解决途径');
  const style = c.settings.dateStyle;
  const vars = {
    parties: partiesBetween(c.parties),
    disputeType: c.disputeType,
    received: formatDate(c.receivedDate, style),
    reason: t.reason,
    routes: routes.join('，或者'),
  };
  return formDocument({
    title: TERMINATION_TITLE,
    creator: c.committee.name,
    children: [
      title(TERMINATION_TITLE),
      numberLine(`编号：${t.number ?? fileNumber(c)}`),
      plain(`${c.parties.map((p) => p.name).join('、')}：`),
      body(text(c, 'terminationBody', vars)),
      body(text(c, 'terminationRoutes', vars)),
      body('特此告知。', { keepNext: true }),
      ...sealAndDate(c, t.date),
      heading('送达回执：本告知书已收到。当事人（签名或者按指印）：'),
      ...signLines(partySignLines(c.parties), false),
    ],
  });
}
