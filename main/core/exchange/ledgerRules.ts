import type { ExchangedRecord } from '../../contract/exchange/columns';
import { exchangeTableLabels, type ExchangeLine, type RowTable } from '../../contract/exchange/records';
import { caseAllowed } from './caseRules';
import { sentByOwner } from './catalogueRules';
import type { RecordRules } from './merge';
import { rejected } from './packageReader';

// 案卷评查, 两排查一分析 and 不予受理 records in a package (issue 14). A review is sent by the
// office that wrote it (the county reviewing a township's case), and only of a case in the
// township's scope. A screening round, its findings, a monthly analysis and a 不予受理 record
// are sent by the office that recorded them, and only for the township's own committees (the
// organisation whose desk recorded the refusal): a township never sends another's.

const record = (line: ExchangeLine) => line.r as ExchangedRecord;

export const ledgerRules: RecordRules = {
  get: (repos, line) => repos.exchangeRows.get(line.t as RowTable, line.r.id),
  put: (repos, line) => repos.exchangeRows.put(line.t as RowTable, record(line)),
  checkScope(ctx, line, index, local) {
    const r = record(line);
    const who = ctx.sender.officeName;
    const what = `第${index}条记录（${exchangeTableLabels[line.t]}）`;
    if (!sentByOwner(ctx, line, local)) throw rejected(`${what}由其他机构登记，${who}无权发送它`);
    const ownCommittee = (id: unknown) => typeof id === 'string' && ctx.townshipOrganisations.has(id);
    switch (line.t) {
      case 'dossier_reviews':
        if (!caseAllowed(ctx, r.caseId as string))
          throw rejected(`${what}所评查的案件不在${who}的范围内，${who}无权发送它`);
        return;
      case 'screening_findings': {
        // Its round came earlier in this package (checked there), or is here under the township.
        const roundId = r.roundId as string;
        const round = () => ctx.repos.exchangeRows.get('screening_rounds', roundId);
        if (!ctx.seen.rounds.has(roundId) && !ownCommittee(round()?.organisationId))
          throw rejected(`${what}所属的排查不在${who}的范围内，${who}无权发送它`);
        return;
      }
      default:
        if (!ownCommittee(r.organisationId))
          throw rejected(
            `${what}的调解组织不在${ctx.township === ctx.sender.officeId ? who : '本乡镇'}的范围内，${who}无权发送它`,
          );
        if (line.t === 'screening_rounds') ctx.seen.rounds.add(r.id);
    }
  },
  clash(repos, line) {
    const r = record(line);
    if (
      line.t === 'screening_analyses' &&
      repos.exchangeRows.clashes('screening_analyses', r, ['organisationId', 'month'])
    )
      return `（${String(r.month)}的月度分析）与本机已写的同一组织同月分析重复`;
    if (
      line.t === 'screening_findings' &&
      repos.exchangeRows.clashes('screening_findings', r, ['roundId', 'seq'])
    )
      return `（排查发现第${String(r.seq)}项）与本机同一排查的发现序号相同`;
    return undefined;
  },
  casesOf: () => [],
};
