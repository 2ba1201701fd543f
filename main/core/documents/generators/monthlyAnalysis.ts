import type { Document } from 'docx';
import type { AnalysisDto } from '../../../contract';
import { withoutHiddenCharacters } from '../cleanText';
import { formDocument } from '../layout/page';
import { body, heading, numberLine, plain, title } from '../layout/paragraphs';
import { formTable, L, V } from '../layout/tables';
import { ANALYSIS_TITLE } from '../titles';

// 一分析: the monthly analysis note of a township (or the county). The figures of the month, with
// last month beside them, come from the app; the 形势研判 and 工作措施 are what people wrote.

const change = (now: number, before: number) =>
  now === before ? '持平' : now > before ? `增加${now - before}` : `减少${before - now}`;

export function monthlyAnalysisDocument(input: AnalysisDto, writtenOn: string): Document {
  const a = withoutHiddenCharacters(input);
  const [year, month] = a.month.split('-').map(Number) as [number, number];
  const f = a.figures;
  const p = a.previous;
  const row = (label: string, now: number, before: number) => ({
    cells: [L(label), V(String(now)), V(String(before)), V(change(now, before))],
  });
  const types = f.topTypes.length
    ? f.topTypes.map((t) => `${t.name}${t.count}件`).join('、')
    : '本月无新受理纠纷';
  return formDocument({
    title: `${a.organisationName}${year}年${month}月${ANALYSIS_TITLE}`,
    creator: a.organisationName,
    children: [
      title(`${year}年${month}月${ANALYSIS_TITLE}`),
      numberLine(`单位：${a.organisationName}`),
      heading('一、本月排查化解情况'),
      body(
        `本月开展矛盾纠纷排查${f.rounds}次（其中零报告${f.zeroReports}次），排查发现矛盾纠纷${f.disputes}件、风险隐患${f.risks}件；` +
          `登记为案件${f.becameCases}件，关联已有案件${f.linked}件，当场化解${f.resolved}件，持续关注${f.watched}件。` +
          `本月受理纠纷${f.casesReceived}件，其中主动调解${f.casesProactive}件；主要类型：${types}。`,
      ),
      formTable(
        [2600, 2100, 2100, 2245],
        [
          { cells: [L('项目'), L('本月'), L('上月'), L('环比')], header: true },
          row('排查次数', f.rounds, p.rounds),
          row('零报告', f.zeroReports, p.zeroReports),
          row('排查发现', f.findings, p.findings),
          row('登记为案件', f.becameCases, p.becameCases),
          row('当场化解', f.resolved, p.resolved),
          row('持续关注', f.watched, p.watched),
          row('受理纠纷', f.casesReceived, p.casesReceived),
        ],
      ),
      heading('二、形势研判'),
      ...(a.judgement ?? '').split('\n').map((line) => body(line)),
      heading('三、工作措施'),
      ...(a.measures ?? '').split('\n').map((line) => body(line)),
      plain(`撰写人：${a.writtenByName ?? ''}\u3000\u3000日期：${writtenOn}`),
    ],
  });
}
