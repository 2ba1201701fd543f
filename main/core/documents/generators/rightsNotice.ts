import type { Document } from 'docx';
import { fileNumber, type DocumentCase } from '../model';
import { formDocument } from '../layout/page';
import { body, heading, numberLine, plain, title } from '../layout/paragraphs';
import { partySignLines, sealAndDate, signLines } from '../layout/signatures';
import { text, textLines } from '../texts';
import type { DocumentContext } from './context';
import { RIGHTS_TITLE } from '../titles';

// 当事人权利义务告知书: addressees, the nature of people's mediation, the rights (Law Art. 23) and
// duties (Art. 24), that mediation is not compulsory, acknowledgement signatures, seal, date.

export function rightsNoticeDocument(c: DocumentCase, _ctx: DocumentContext): Document {
  const rights = textLines(c, 'rights');
  const duties = textLines(c, 'duties');
  return formDocument({
    title: RIGHTS_TITLE,
    creator: c.committee.name,
    children: [
      title(RIGHTS_TITLE),
      numberLine(`编号：${fileNumber(c)}`),
      plain(`${c.parties.map((p) => p.name).join('、')}：`),
      body(text(c, 'rightsIntro')),
      heading('一、当事人在人民调解活动中享有下列权利：'),
      ...rights.map((r, i) => body(`（${i + 1}）${r}`)),
      heading('二、当事人在人民调解活动中履行下列义务：'),
      ...duties.map((d, i) => body(`（${i + 1}）${d}`)),
      body(text(c, 'rightsOutro'), { keepNext: true }),
      ...sealAndDate(c, c.receivedDate),
      heading(`${text(c, 'rightsAcknowledge')}当事人（签名、盖章或者按指印）：`),
      ...signLines(partySignLines(c.parties), false),
    ],
  });
}
