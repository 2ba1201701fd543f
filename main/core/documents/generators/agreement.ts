import type { Document, FileChild } from 'docx';
import type { Agreement, DocumentCase } from '../model';
import { formatDate } from '../layout/dates';
import { amountText, capitalYuan, formatYuan } from '../layout/money';
import { withWhole } from '../layout/unbreakable';
import { formDocument } from '../layout/page';
import { body, heading, numbered, numberLine, title } from '../layout/paragraphs';
import { allPartyParagraphs } from '../layout/parties';
import { paginate } from '../layout/flow';
import { partySignRows, sealAndDate, signatureBlock, signLines, staffSignLines } from '../layout/signatures';
import { sealWithVerification } from '../layout/verificationBlock';
import { text } from '../texts';
import { need, type DocumentContext } from './context';
import { AGREEMENT_TITLE } from '../titles';

// 人民调解协议书 in the order of People's Mediation Law Art. 29 and MoJ rule Art. 35: parties →
// facts, points in dispute, responsibility → agreed terms → manner, place and time of performance
// → copies → signatures of parties, mediators and recorder → committee seal → date.

export function writtenAgreement(c: DocumentCase): Agreement {
  const a = need(c.agreement, '本案尚未记录调解协议，不能生成人民调解协议书');
  if (a.kind !== '书面') throw new Error('口头协议请使用人民调解口头协议登记表');
  return a;
}

/** Copies: one per party plus one kept by the committee (Art. 29). */
export function agreementCopies(c: DocumentCase): number {
  return c.parties.length + 1;
}

export function performanceLines(c: DocumentCase, a: Agreement): string[] {
  const lines = [
    `履行方式：${a.performance.manner}`,
    `履行地点：${a.performance.place}`,
    `履行期限：${formatDate(a.performance.deadline, c.settings.dateStyle)}前履行完毕。`,
  ];
  if (a.amountFen !== undefined) {
    const fen = a.amountFen;
    lines.push(`本协议涉及金额：${withWhole(amountText(fen), [formatYuan(fen), capitalYuan(fen)])}。`);
  }
  return lines;
}

/** Facts, points in dispute and responsibility: three headings, or one when recorded as one text. */
function factsSection(a: Agreement): FileChild[] {
  if (a.disputedPoints === undefined && a.responsibility === undefined) {
    return [heading('纠纷主要事实、争议事项及各方当事人的责任：'), ...paragraphsOf(a.facts)];
  }
  return [
    heading('纠纷主要事实、争议事项：'),
    ...paragraphsOf(a.facts),
    ...(a.disputedPoints ? [body(`争议事项：${a.disputedPoints}`)] : []),
    ...(a.responsibility ? [heading('各方当事人的责任：'), ...paragraphsOf(a.responsibility)] : []),
  ];
}

/** A clerk's multi-line text: one indented paragraph per non-empty line. */
export function paragraphsOf(value: string): FileChild[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => body(line));
}

/** The heading over the parties' signatures; repeated with （续） where the rows break to a new page. */
export const PARTY_SIGN_HEADING = '当事人（签名、盖章或者按指印）：';

/**
 * What travels with the committee's seal, in order of preference: the last party's row and the
 * committee's signatories, or the signatories alone, or only the recorder (when more would leave
 * the page before more than a third empty). A seal page with no one's signature on it invites
 * the question whether it belongs to this agreement.
 */
type SealCompany = 'lastParty' | 'staff' | 'recorder';
const SEAL_COMPANY: readonly SealCompany[] = ['lastParty', 'staff', 'recorder'];

export function agreementDocument(c: DocumentCase, ctx: DocumentContext): Document {
  const a = writtenAgreement(c);
  const document = (children: FileChild[]) =>
    formDocument({ title: AGREEMENT_TITLE, creator: c.committee.name, children });
  const build = (continued: ReadonlySet<number>, company: SealCompany) => {
    const children: FileChild[] = [
      title(AGREEMENT_TITLE),
      numberLine(`编号：${a.number}`),
      ...allPartyParagraphs(c, { style: 'mediation' }),
      ...factsSection(a),
      heading(text(c, 'agreementIntro')),
      ...numbered(a.terms),
      heading('履行方式、地点、期限：'),
      ...performanceLines(c, a).map((line) => body(line)),
      // The closing sentences stay with the last line before them, so the copies sentence never
      // opens a page on its own; the signatures may start on the next page.
      body(text(c, 'agreementEffect'), { keepNext: true }),
      body(text(c, 'agreementCopies', { copies: agreementCopies(c) })),
    ];
    const at = children.length;
    const block = signatureBlock(
      PARTY_SIGN_HEADING,
      partySignRows(c.parties),
      continued,
      company === 'lastParty',
    );
    const staff = staffSignLines(c);
    children.push(
      ...block.paragraphs,
      ...staff.flatMap((line, i) => signLines([line], company !== 'recorder' || i === staff.length - 1)),
      ...(ctx.verification
        ? [
            sealWithVerification(
              c.committee.sealText,
              formatDate(a.signedDate, c.settings.dateStyle),
              ctx.verification,
            ),
          ]
        : sealAndDate(c, a.signedDate)),
    );
    // The copies sentence is not kept with the signatures: what comes before never moves with them.
    return { children, rowStarts: block.rowOffsets.map((offset) => at + offset), fixedBefore: at };
  };
  return paginate(SEAL_COMPANY, build, document);
}
