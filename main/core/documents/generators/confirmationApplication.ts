import type { Document, FileChild, Paragraph } from 'docx';
import { chooseCourt, missingCourt } from '../confirmation';
import type { DocumentCase, Party } from '../model';
import { asJointApplicants } from '../layout/applicantTerms';
import { formatDate } from '../layout/dates';
import { paginate } from '../layout/flow';
import { formDocument } from '../layout/page';
import { arabicNumbered, body, heading, labelled, numbered, plain, title } from '../layout/paragraphs';
import { allPartyParagraphs } from '../layout/parties';
import { partySignRows, sealAndDate, signatureBlock } from '../layout/signatures';
import { whole } from '../layout/unbreakable';
import { text } from '../texts';
import { writtenAgreement } from './agreement';
import { need, type DocumentContext } from './context';
import { CONFIRMATION_TITLE } from '../titles';

// 司法确认申请书 after the SPC civil-procedure form: every party is a joint 申请人 (there is no
// respondent), 请求事项, 事实和理由 with the agreed terms (each party named as 申请人), the
// no-collusion commitment, 此致 the court, every applicant signs, date, and the attachments the
// case calls for. Whether it may be filed at all is checkConfirmation's job; this only prints.

export const APPLICANT_SIGN_HEADING = '申请人（签名或者盖章）：';

/**
 * What goes with the application (法释〔2011〕5号 Art. 3, 民诉解释): the agreement, each
 * applicant's identity papers, a power of attorney for each party acting through an agent, the
 * committee's proof that it presided, the property-rights proof only where the agreement concerns
 * property rights, and each applicant's address-for-service confirmation; with copies.
 */
export function confirmationAttachments(c: DocumentCase): string[] {
  const n = c.parties.length;
  const attorneys = c.parties.flatMap((p: Party) =>
    p.agents.filter((a) => a.kind === '委托代理人').map((a) => `授权委托书（${p.name}委托${a.name}）1份`),
  );
  return [
    '人民调解协议书1份',
    `申请人身份证明、资格证明${n}份`,
    ...attorneys,
    '调解组织主持调解的证明1份',
    ...(c.confirmation?.propertyRights ? ['与调解协议相关的财产权利证明1份'] : []),
    `送达地址确认书${n}份`,
  ];
}

/**
 * How the attachments are set: a numbered list, or, when the list would leave the page before it
 * more than a third empty, one run-in paragraph that fits where the list did not.
 */
type AttachmentStyle = 'list' | 'runIn';

function attachmentParagraphs(c: DocumentCase, style: AttachmentStyle): Paragraph[] {
  const items = confirmationAttachments(c);
  if (style === 'runIn') {
    return [labelled('附件', `${items.map((item, i) => `${i + 1}. ${item}`).join('；')}。`)];
  }
  // The list holds together, so it never has a page to itself.
  return [heading('附件：'), ...arabicNumbered(items, (i) => ({ keepNext: i < items.length - 1 }))];
}

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
  const court = need(chooseCourt(c), missingCourt(c));
  const styles: AttachmentStyle[] = ['list', 'runIn'];
  const document = (children: FileChild[]) =>
    formDocument({ title: CONFIRMATION_TITLE, creator: c.committee.name, children });
  const build = (continued: ReadonlySet<number>, attachments: AttachmentStyle) => {
    const children: FileChild[] = [
      title(CONFIRMATION_TITLE),
      ...allPartyParagraphs(c, { style: 'court', roleLabel: applicantRole }),
      heading('请求事项：'),
      body(text(c, 'confirmationRequest', vars)),
      heading('事实和理由：'),
      body(text(c, 'confirmationFacts', vars)),
      ...numbered(asJointApplicants(a.terms, c.parties)),
      body(text(c, 'confirmationCommitment')),
    ];
    // The commitment is not kept with what follows; 此致 and the court go with the signatures.
    const fixedBefore = children.length;
    children.push(body('此致', { keepNext: true }), plain(court, { keepNext: true }));
    const at = children.length;
    const block = signatureBlock(
      APPLICANT_SIGN_HEADING,
      partySignRows(c.parties, applicantRole),
      continued,
      true,
    );
    children.push(
      ...block.paragraphs,
      // The last signer and the date travel with the attachments: the list is carried with the
      // signatures, never left alone on a page.
      ...sealAndDate(c, c.confirmation?.applicationDate ?? ctx.today, { withSeal: false, keepNext: true }),
      ...attachmentParagraphs(c, attachments),
    );
    return { children, rowStarts: block.rowOffsets.map((offset) => at + offset), fixedBefore };
  };
  return paginate(styles, build, document);
}
