import type { ExchangedRecord } from '../../contract/exchange/columns';
import { sharedSettings, type SharedSettingKey } from '../../contract/exchange/catalogueRecords';
import type { ExchangeLine, RowTable } from '../../contract/exchange/records';
import { ownRecordBack, type MergeContext, type RecordRules, type Row } from './merge';
import { rejected } from './packageReader';

// The shared catalogue in a package (issue 14). Every row is sent by the office that owns it:
// dispute types and the shared settings are the county's (no township may send them, even
// unchanged in content); an organisation is its owner office's — the county's own rows go to
// every township, a township's own row and the village committees it added go to the county,
// and only within its own tree.

const record = (line: ExchangeLine) => line.r as ExchangedRecord;

/** Whether the sender is the record's owner office, here and in the record it sent. */
export function sentByOwner(ctx: MergeContext, line: ExchangeLine, local: Row | undefined): boolean {
  const sender = ctx.sender.officeId;
  return line.r.originOfficeId === sender && (!local || local.originOfficeId === sender);
}

/** “纠纷类型“土地流转””: what a person recognises the row by. */
export function catalogueTitle(table: RowTable, r: Record<string, unknown>): string {
  if (table === 'settings') return sharedSettings[r.id as SharedSettingKey]?.label ?? String(r.id);
  return String(r.name);
}

const label: Record<string, string> = {
  dispute_types: '纠纷类型',
  organisations: '调解组织',
  settings: '设置',
};

export const catalogueRules: RecordRules = {
  get: (repos, line) => repos.exchangeRows.get(line.t as RowTable, line.r.id),
  put(repos, line) {
    const r = record(line);
    const before = line.t === 'organisations' ? repos.exchangeRows.get('organisations', r.id) : undefined;
    repos.exchangeRows.put(line.t as RowTable, r);
    // Moved in the tree: whoever is above it now sees its cases, whoever was above no longer does.
    if (before && before.parentId !== r.parentId) repos.caseScope.rebuildAround(r.id);
  },
  checkScope(ctx, line, index, local) {
    if (ownRecordBack(ctx, line, local)) return;
    const r = record(line);
    const who = ctx.sender.officeName;
    const what = `第${index}条记录（${label[line.t]}“${catalogueTitle(line.t as RowTable, r)}”）`;
    if (line.t !== 'organisations') {
      if (ctx.sender.officeKind !== 'county_center' || !sentByOwner(ctx, line, local))
        throw rejected(`${what}属于县级统一目录，只能由县调解中心修改，${who}无权发送它`);
      return;
    }
    if (!sentByOwner(ctx, line, local)) throw rejected(`${what}属于县级统一目录或其他机构，${who}无权发送它`);
    if (ctx.sender.officeKind === 'township') {
      const parent = r.parentId as string | null;
      if (r.id !== ctx.township && !(parent && ctx.townshipOrganisations.has(parent)))
        throw rejected(`${what}不在${who}之下，${who}无权发送它`);
      // Its cases, screening logs and members later in this package are the township's.
      ctx.townshipOrganisations.add(r.id);
    }
  },
  clash: () => undefined,
  casesOf: () => [],
};
