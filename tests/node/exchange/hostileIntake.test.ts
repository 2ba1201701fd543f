import { describe, expect, it } from 'vitest';
import type { ExchangedRecord } from '../../../main/contract/exchange/columns';
import type { RowTable } from '../../../main/contract/exchange/records';
import { CHENGGUAN_ID, COUNTY_ID, HUANGQUQIAO_ID } from '../../helpers/exchange';
import { exchange, offices, registerCase, type Desk } from '../../helpers/exchangeCases';
import { fresh, refusal, signedPackage } from '../../helpers/exchangeCraft';

// The hostile reader on what the intake desk records beside the cases (issue 14): a township
// sends only the 不予受理 records its own committees' desks made, and case links between cases
// in its scope; and never a second record of a person it already sent under another UUID. Any
// of these refuses the whole package, with the county's database unchanged.

function stored(d: Desk, table: RowTable, id: string): ExchangedRecord {
  return d.app.session.repos().exchangeRows.get(table, id)!;
}

function refusalRecord(organisationId: string, origin = CHENGGUAN_ID): ExchangedRecord {
  return {
    ...fresh(origin),
    receivedOn: '2026-11-30',
    applicantName: '赵四',
    applicantPhone: null,
    otherPartyName: null,
    township: '城关镇',
    disputeType: 'neighbour',
    summary: '与邻居因院墙发生纠纷，邻居表示拒绝调解。',
    reason: 'party_refused',
    reasonDetail: null,
    told: '已告知可向人民法院起诉。',
    routes: '["litigation"]',
    recordedBy: 'u1',
    recordedByName: '城关镇某人',
    organisationId,
  };
}

function link(caseId: string, relatedCaseId: string): ExchangedRecord {
  return { ...fresh(CHENGGUAN_ID), caseId, relatedCaseId, note: '登记时关联的疑似重复纠纷' };
}

const WHO = '城关镇人民调解委员会';

describe('a township package with intake records it may not send is refused, nothing changed', () => {
  it('accepts the township’s own 不予受理 and a link between its own cases (the baseline)', async () => {
    const { town, pair } = await offices();
    const a = await registerCase(town);
    const b = await registerCase(town);
    const path = await signedPackage(pair, [
      { t: 'cases', r: stored(town, 'cases', a.id) },
      { t: 'cases', r: stored(town, 'cases', b.id) },
      { t: 'intake_refusals', r: refusalRecord(CHENGGUAN_ID) },
      { t: 'case_links', r: link(b.id, a.id) },
    ]);
    const imported = await pair.county.ok('exchange:import', { path });
    expect(imported.counts.intake_refusals.new).toBe(1);
    expect(imported.counts.case_links.new).toBe(1);
  });

  it('a 不予受理 recorded for another township’s committee', async () => {
    const { pair } = await offices();
    const path = await signedPackage(pair, [{ t: 'intake_refusals', r: refusalRecord(HUANGQUQIAO_ID) }]);
    expect(await refusal(pair.county, path)).toBe(
      `数据包不能导入：第1条记录（不予受理登记）的调解组织不在${WHO}的范围内，${WHO}无权发送它`,
    );
  });

  it('a 不予受理 the county recorded, sent back changed by the township', async () => {
    const { pair } = await offices();
    const path = await signedPackage(pair, [
      { t: 'intake_refusals', r: refusalRecord(CHENGGUAN_ID, COUNTY_ID) },
    ]);
    expect(await refusal(pair.county, path)).toBe(
      `数据包不能导入：第1条记录（不予受理登记）由其他机构登记，${WHO}无权发送它`,
    );
  });

  it('a 不予受理 with a reason or a route the register does not know', async () => {
    const { pair } = await offices();
    const reason = await signedPackage(pair, [
      { t: 'intake_refusals', r: { ...refusalRecord(CHENGGUAN_ID), reason: 'bribe' } },
    ]);
    expect(await refusal(pair.county, reason)).toBe(
      '数据包不能导入：第1条记录不符合格式：r.reason 不予受理理由不正确',
    );
    const routes = await signedPackage(pair, [
      { t: 'intake_refusals', r: { ...refusalRecord(CHENGGUAN_ID), routes: '["litigation","litigation"]' } },
    ]);
    expect(await refusal(pair.county, routes)).toBe(
      '数据包不能导入：第1条记录不符合格式：r.routes 可以选择的其他途径格式不正确',
    );
  });

  it('a link from its case to a case the county holds', async () => {
    const { county, town, pair } = await offices();
    const own = await registerCase(county);
    const c = await registerCase(town);
    const path = await signedPackage(pair, [
      { t: 'cases', r: stored(town, 'cases', c.id) },
      { t: 'case_links', r: link(c.id, own.id) },
    ]);
    await county.admin();
    expect(await refusal(pair.county, path)).toBe(
      `数据包不能导入：第2条记录（关联案件）所关联的案件不在${WHO}的范围内，${WHO}无权发送它`,
    );
  });

  it('a link on a case the county holds', async () => {
    const { county, town, pair } = await offices();
    const own = await registerCase(county);
    const c = await registerCase(town);
    const path = await signedPackage(pair, [
      { t: 'cases', r: stored(town, 'cases', c.id) },
      { t: 'case_links', r: link(own.id, c.id) },
    ]);
    await county.admin();
    expect(await refusal(pair.county, path)).toBe(
      `数据包不能导入：第2条记录（关联案件）所属的案件不在${WHO}的范围内，${WHO}无权发送它`,
    );
  });

  it('a second record of a person it already sent, under another UUID', async () => {
    const { county, town, pair } = await offices();
    const c = await registerCase(town);
    await exchange(town, county);
    const [first] = town.app.session.repos().cases.parties(c.id);
    const party = stored(town, 'parties', first!.partyId);
    const twin = { ...party, ...fresh(CHENGGUAN_ID) };
    const path = await signedPackage(
      pair,
      [
        { t: 'cases', r: stored(town, 'cases', c.id) },
        { t: 'parties', r: twin },
        {
          t: 'case_parties',
          r: {
            ...stored(town, 'case_parties', first!.id),
            ...fresh(CHENGGUAN_ID),
            partyId: twin.id,
            position: 5,
          },
        },
      ],
      { sequence: 2, receipt: { throughSequence: 0 } },
    );
    await county.admin();
    expect(await refusal(pair.county, path)).toBe(
      `数据包不能导入：第2条记录（当事人“${String(party.name)}”）的证件号码或信用代码与本机已有的当事人“${String(party.name)}”相同，请联系对方核对`,
    );
  });
});
