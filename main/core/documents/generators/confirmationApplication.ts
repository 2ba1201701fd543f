import type { Document } from 'docx';
import { chooseCourt, missingCourt } from '../confirmation';
import type { DocumentCase } from '../model';
import { formatDate } from '../layout/dates';
import { formDocument } from '../layout/page';
import { arabicNumbered, body, heading, numbered, plain, title } from '../layout/paragraphs';
import { allPartyParagraphs } from '../layout/parties';
import { partySignLines, sealAndDate, signLines } from '../layout/signatures';
import { text, textLines } from '../texts';
import { writtenAgreement } from './agreement';
import { need, type DocumentContext } from './context';
import { whole } from '../layout/unbreakable';

// 司法确认申请书 after the SPC civil-procedure form: every party is a joint 申请人 (there is no
// respondent), 请求事项, 事实和理由 with the agreed terms, the no-collusion commitment, 此致 the
// court, every applicant signs, date, attachments. Whether it may be filed at all is
// checkConfirmation's job; this only prints.

export const CONFIRMATION_TITLE = '司法确认申请书';

export function confirmationApplicationDocument(c: DocumentCase, ctx: DocumentContext): Document {
  const a = writtenAgreement(c);
  const style = c.settings.dateStyle;
  const reached = formatDate(a.reachedDate, style);
  const vars = {
    date: reached,
    committee: c.committee.name,
    number: whole(a.number),
    disputeType: c.disputeType,
  };
  const applicantRole = () => '申请人';
  return formDocument({
    title: CONFIRMATION_TITLE,
    creator: c.committee.name,
    children: [
      title(CONFIRMATION_TITLE),
      ...allPartyParagraphs(c, { style: 'court', roleLabel: applicantRole }),
      heading('请求事项：'),
      body(text(c, 'confirmationRequest', vars)),
      heading('事实和理由：'),
      body(text(c, 'confirmationFacts', vars)),
      ...numbered(a.terms),
      body(text(c, 'confirmationCommitment')),
      body('此致', { keepNext: true }),
      plain(need(chooseCourt(c), missingCourt(c)), { keepNext: true }),
      heading('申请人（签名或者盖章）：'),
      ...signLines(partySignLines(c.parties, applicantRole)),
      ...sealAndDate(c, c.confirmation?.applicationDate ?? ctx.today, { withSeal: false }),
      heading('附件：'),
      ...arabicNumbered(textLines(c, 'confirmationAttachments')),
    ],
  });
}
