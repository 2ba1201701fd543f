import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../main/contract/exchange/caseRecords';
import { HUANGQUQIAO_ID } from '../../helpers/exchange';
import { escalatedToCounty, exchange, offices, registerCase, type Desk } from '../../helpers/exchangeCases';
import { refusal, signedPackage } from '../../helpers/exchangeCraft';

// The hostile reader works the same way down as up (issue 14): a package the county really
// signed is still refused at the township, with the township's database unchanged, when it
// carries what the county may not send it, or comes twice, or was signed by someone else.

function stored(d: Desk, id: string): CaseRecord {
  return d.app.session.repos().exchangeRows.get('cases', id)!;
}

describe('at the township, a county package is refused with nothing changed', () => {
  it.each([
    ['a case the county holds and never sent down', {}],
    ['another township’s case', { committeeId: HUANGQUQIAO_ID, handlingCommitteeId: HUANGQUQIAO_ID }],
  ])('when it carries %s', async (_what, change) => {
    const { county, town, pair } = await offices();
    const own = await registerCase(county);
    const path = await signedPackage(
      pair,
      [{ t: 'cases', r: { ...stored(county, own.id), ...change } }],
      {},
      'down',
    );
    await town.admin();
    expect(await refusal(pair.town, path)).toBe(
      `数据包不能导入：第1条记录（案件“${own.caseNumber}”）不在平罗县人民调解中心的范围内，平罗县人民调解中心无权发送它`,
    );
  });

  it('when it comes a second time, or was signed with another key than the county’s', async () => {
    const { county, town, pair } = await offices();
    await escalatedToCounty(town, county);
    const { sent } = await exchange(county, town);
    expect(await refusal(pair.town, sent.path)).toBe(
      '数据包不能导入：平罗县人民调解中心的第1号数据包已经导入过，不能重复导入',
    );
    // Made out as the county's, signed with a key that is not the county's.
    const forged = await signedPackage(pair, [], { sequence: 5 }, 'down', pair.town);
    expect(await refusal(pair.town, forged)).toBe(
      '数据包不能导入：清单签名无效：清单被改动过，或不是平罗县人民调解中心签发的',
    );
  });
});
