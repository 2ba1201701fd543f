import type { Document } from 'docx';
import { caseSourceLabels, caseSources } from '../../../contract';
import type { CaseSource, DocumentCase } from '../model';
import { formatDate } from '../layout/dates';
import { formDocument } from '../layout/page';
import { numberLine, title } from '../layout/paragraphs';
import { partiesBetween, partyBrief } from '../layout/parties';
import { partySignCells } from '../layout/signatures';
import { formTable, L, signatureRows, V, type Row } from '../layout/tables';
import { text } from '../texts';
import { joinNames, type DocumentContext } from './context';
import { INTAKE_TITLE } from '../titles';

// 人民调解受理登记表: date; "with the parties' consent this committee mediates the dispute between
// X and Y"; dispute type; source (ticked); summary; party signatures; registrar; seal; date.

/** The printed form's boxes; a local source outside them is printed as an extra ticked box. */
const SOURCES: readonly CaseSource[] = caseSources.filter((s) => s !== 'hotline_12345' && s !== 'other');

/** ☑当事人申请 ☐主动调解 … — the printed form's tick boxes, ticked from the data, in the contract's words. */
export function sourceTicks(source: CaseSource): string {
  const ticks = SOURCES.map((s) => `${s === source ? '☑' : '☐'}${caseSourceLabels[s]}`);
  if (!SOURCES.includes(source)) ticks.push(`☑${caseSourceLabels[source]}`);
  return ticks.join('　');
}

export function intakeRegisterDocument(c: DocumentCase, _ctx: DocumentContext): Document {
  const date = formatDate(c.receivedDate, c.settings.dateStyle);
  const rows: Row[] = [
    { cells: [L('受理日期'), V(date), L('所在乡镇'), V(c.township)] },
    {
      cells: [
        L('受理意见'),
        {
          text: text(c, 'intakeConsent', { parties: partiesBetween(c.parties), disputeType: c.disputeType }),
          span: 3,
          indent: true,
        },
      ],
    },
    { cells: [L('纠纷类型'), V(c.disputeType, 3)] },
    { cells: [L('案件来源'), V(sourceTicks(c.source), 3)] },
    ...(c.referringCourt ? [{ cells: [L('委派（委托）单位'), V(c.referringCourt, 3)] }] : []),
    {
      cells: [
        L('当事人'),
        V(
          c.parties.map((p) => partyBrief(p, c.receivedDate)),
          3,
        ),
      ],
    },
    {
      cells: [L('纠纷简要情况'), { text: c.summary, span: 3, indent: true }],
      minHeight: 1500,
      allowSplit: true,
    },
    ...signatureRows('当事人签名', c.parties.map(partySignCells), 2, 1),
    { cells: [L('指派调解员'), V(joinNames(c.mediators.map((m) => m.name))), L('登记人'), V(c.registrar)] },
    // Blank first line: room for the seal, which is pressed over the committee name and date.
    {
      cells: [{ text: ['', `${c.committee.sealText}（印章）`, date], span: 4, align: 'right' }],
      minHeight: 1100,
    },
  ];
  return formDocument({
    title: INTAKE_TITLE,
    creator: c.committee.name,
    children: [
      title(INTAKE_TITLE),
      numberLine(`编号：${c.caseNumber}`),
      formTable([1820, 2700, 1600, 2725], rows),
    ],
  });
}
