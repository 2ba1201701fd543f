import { describe, expect, it } from 'vitest';
import type { ExchangedRecord } from '../../../main/contract/exchange/columns';
import type { RowTable } from '../../../main/contract/exchange/records';
import { CHENGGUAN_ID, COUNTY_ID, HUANGQUQIAO_ID } from '../../helpers/exchange';
import { exchange, offices, type Desk } from '../../helpers/exchangeCases';
import { fresh, refusal, signedPackage } from '../../helpers/exchangeCraft';
import { reviewedDossier } from './catalogueWorld';

// The hostile reader on the catalogue and the ledgers (issue 14): a township never sends the
// county's catalogue rows (dispute types, shared settings, the county's organisations), nor
// another township's organisations or screening logs, nor a review it did not write. Any of
// these refuses the whole package, with the county's database unchanged.

function stored(d: Desk, table: RowTable, id: string): ExchangedRecord {
  return d.app.session.repos().exchangeRows.get(table, id)!;
}

function round(organisationId: string): ExchangedRecord {
  return {
    ...fresh(CHENGGUAN_ID),
    organisationId,
    heldOn: '2026-11-30',
    conductedBy: '李青',
    method: 'general',
    area: '各村',
    findingCount: 0,
    recordedBy: 'u1',
    recordedByName: '李青',
  };
}

const later = (r: ExchangedRecord, changes: Record<string, unknown>) => ({
  ...r,
  ...changes,
  version: r.version + 1,
  updatedAt: new Date().toISOString(),
});

describe('a township package with catalogue rows or ledgers it may not send is refused, nothing changed', () => {
  it('accepts the township’s own screening round (the baseline)', async () => {
    const { pair } = await offices();
    const path = await signedPackage(pair, [{ t: 'screening_rounds', r: round(CHENGGUAN_ID) }]);
    const imported = await pair.county.ok('exchange:import', { path });
    expect(imported.counts.screening_rounds.new).toBe(1);
  });

  it('a county dispute type, renamed by the township', async () => {
    const { town, pair } = await offices();
    const type = stored(town, 'dispute_types', 'neighbour');
    const path = await signedPackage(pair, [
      { t: 'dispute_types', r: later(type, { name: '邻里纠纷（乡镇改）' }) },
    ]);
    expect(await refusal(pair.county, path)).toBe(
      '数据包不能导入：第1条记录（纠纷类型“邻里纠纷（乡镇改）”）属于县级统一目录，只能由县调解中心修改，城关镇人民调解委员会无权发送它',
    );
  });

  it('a shared deadline rule, even claiming to be the township’s own', async () => {
    const { pair } = await offices();
    const rule = { ...fresh(CHENGGUAN_ID), id: 'mediationLimitDays', value: '90' };
    const path = await signedPackage(pair, [{ t: 'settings', r: rule }]);
    expect(await refusal(pair.county, path)).toBe(
      '数据包不能导入：第1条记录（设置“调解期限（天）”）属于县级统一目录，只能由县调解中心修改，城关镇人民调解委员会无权发送它',
    );
  });

  it('a setting that is not shared at all (the county’s own office record)', async () => {
    const { pair } = await offices();
    const office = { ...fresh(COUNTY_ID), id: 'office', value: '{}' };
    const path = await signedPackage(pair, [{ t: 'settings', r: office }]);
    expect(await refusal(pair.county, path)).toMatch(/^数据包不能导入：第1条记录.*不是县级统一的设置项/);
  });

  it('the county center’s own organisation row, renamed by the township', async () => {
    const { town, pair } = await offices();
    const center = stored(town, 'organisations', COUNTY_ID);
    const path = await signedPackage(pair, [
      { t: 'organisations', r: later(center, { name: '城关镇改的中心' }) },
    ]);
    expect(await refusal(pair.county, path)).toBe(
      '数据包不能导入：第1条记录（调解组织“城关镇改的中心”）属于县级统一目录或其他机构，城关镇人民调解委员会无权发送它',
    );
  });

  it('a village committee of the township placed under another township', async () => {
    const { pair } = await offices();
    const committee = {
      ...fresh(CHENGGUAN_ID),
      name: '黄渠桥镇某村人民调解委员会',
      kind: 'village',
      parentId: HUANGQUQIAO_ID,
      abbreviation: '平某村',
      caseNumberPattern: '（{year}）{abbr}调字第{seq:4}号',
      township: '黄渠桥镇',
      address: null,
      activeFrom: null,
      activeTo: null,
      sort: 99,
      specialties: '[]',
      sealText: null,
    };
    const path = await signedPackage(pair, [{ t: 'organisations', r: committee }]);
    expect(await refusal(pair.county, path)).toBe(
      '数据包不能导入：第1条记录（调解组织“黄渠桥镇某村人民调解委员会”）不在城关镇人民调解委员会之下，城关镇人民调解委员会无权发送它',
    );
  });

  it('another township’s screening round', async () => {
    const { pair } = await offices();
    const path = await signedPackage(pair, [{ t: 'screening_rounds', r: round(HUANGQUQIAO_ID) }]);
    expect(await refusal(pair.county, path)).toBe(
      '数据包不能导入：第1条记录（矛盾纠纷排查）的调解组织不在城关镇人民调解委员会的范围内，城关镇人民调解委员会无权发送它',
    );
  });

  it('a change to a review the county wrote', async () => {
    const { county, town, pair } = await offices();
    // The county's review reaches the township; the township sends it back changed.
    const review = await countyReview(county, town);
    const path = await signedPackage(pair, [{ t: 'dossier_reviews', r: later(review, { total: 100 }) }], {
      sequence: 2, // the township's first package carried the dossier up
    });
    await county.admin();
    expect(await refusal(pair.county, path)).toBe(
      '数据包不能导入：第1条记录（案卷评查）由其他机构登记，城关镇人民调解委员会无权发送它',
    );
  });
});

/** A county review of a township dossier, as the township holds it after the exchange. */
async function countyReview(county: Desk, town: Desk): Promise<ExchangedRecord> {
  const id = await reviewedDossier(county, town);
  await exchange(county, town);
  return stored(town, 'dossier_reviews', id);
}
