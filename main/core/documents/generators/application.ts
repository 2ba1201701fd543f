import type { Document } from 'docx';
import type { DocumentCase } from '../model';
import { formatDate } from '../layout/dates';
import { formDocument } from '../layout/page';
import { numberLine, title } from '../layout/paragraphs';
import { numberedRoles, PARTY_GRID, partyGridRows } from '../layout/partyTable';
import { formTable, L, type Row } from '../layout/tables';
import { text } from '../texts';
import { need, type DocumentContext } from './context';
import { APPLICATION_TITLE } from '../titles';

// 人民调解申请书 (MoJ 2010 grid form): each party's details, 纠纷简要情况, numbered 申请事项, the
// declaration that the rules were explained and the application is voluntary, signature, date.

export function applicationDocument(c: DocumentCase, _ctx: DocumentContext): Document {
  need(
    c.parties.find((p) => p.role === '申请人'),
    '没有申请人，不能生成人民调解申请书',
  );
  const requests = need(c.requests, '请先填写申请事项');
  const roles = numberedRoles(c.parties);
  const rows: Row[] = c.parties.flatMap((p) => partyGridRows(c, p, roles.get(p)!));
  rows.push(
    {
      cells: [L('纠纷简要情况'), { text: c.summary, span: 5, indent: true }],
      minHeight: 2200,
      allowSplit: true,
    },
    {
      cells: [L('申请事项'), { text: requests.map((r, i) => `${i + 1}. ${r}`), span: 5 }],
      minHeight: 1200,
    },
    {
      cells: [
        {
          text: text(c, 'applicationDeclaration'),
          span: 6,
          indent: true,
          footer: [
            '申请人（签名、盖章或者按指印）：　　　　　　　　',
            formatDate(c.receivedDate, c.settings.dateStyle),
          ],
        },
      ],
      minHeight: 2000,
    },
  );
  return formDocument({
    title: APPLICATION_TITLE,
    creator: c.committee.name,
    children: [
      title(APPLICATION_TITLE),
      numberLine(`受理编号：${c.caseNumber}`),
      formTable(PARTY_GRID, rows),
    ],
  });
}
