import { describe, expect, it } from 'vitest';
import type { OrganisationDto, Result } from '../../../main/contract';
import type { TestApp } from '../../helpers/app';
import { CHENGGUAN_ID, COUNTY_ID, HUANGQUQIAO_ID, setUpOffice } from '../../helpers/exchange';
import { exchange, offices, registerCase } from '../../helpers/exchangeCases';
import { GRASSLAND_TYPE, XINFENG_COMMITTEE } from './catalogueWorld';

// What a township's installation may add to and change of the shared catalogue
// (main/contract/rules/catalogueOwner.ts): only what it can send to the county. Before this, a
// 管理员 at 城关镇 could add a dispute type and register cases of it, and the county then refused
// every package 城关镇 sent ("引用了本机没有的数据") with no way out on either side.

async function org(app: TestApp, id: string): Promise<OrganisationDto> {
  return (await app.ok('orgs:tree', {})).organisations.find((o) => o.id === id)!;
}

/** The refusal's code and message (the call must have been refused). */
function refusal(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error('expected the call to be refused');
  return { code: result.error.code, message: result.error.message };
}

const renamed = (o: OrganisationDto, name: string) => ({
  id: o.id,
  version: o.version,
  name,
  kind: o.kind,
  parentId: o.parentId,
  abbreviation: o.abbreviation,
  caseNumberPattern: o.caseNumberPattern,
  ...(o.township ? { township: o.township } : {}),
});

describe('the shared catalogue at a township’s installation', () => {
  it('adds no dispute type, and changes no organisation or village outside its own', async () => {
    const town = await setUpOffice(CHENGGUAN_ID);

    const type = await town.call('catalog:saveDisputeType', {
      code: 'local_x',
      name: '本地类型',
      officialCode: 'land_forest',
      active: true,
    });
    expect(refusal(type).code).toBe('FORBIDDEN');
    expect(refusal(type).message).toContain('新增类型须由县调解中心设置');
    expect((await town.ok('catalog:get', {})).disputeTypes.map((t) => t.code)).not.toContain('local_x');

    // The county centre's row and another township's: not its own.
    for (const [id, keeper] of [
      [COUNTY_ID, '平罗县人民调解中心'],
      [HUANGQUQIAO_ID, '黄渠桥镇人民调解委员会'],
    ] as const) {
      const before = await org(town, id);
      const refused = await town.call('orgs:save', renamed(before, `${before.name}（改）`));
      expect(refusal(refused)).toEqual({
        code: 'FORBIDDEN',
        message: `“${before.name}”由${keeper}维护，本机（城关镇人民调解委员会）只能修改本调委会及其下级组织；数据交换后，对方的修改会同步到本机`,
      });
      expect((await org(town, id)).name).toBe(before.name);
    }

    // A new committee anywhere but under its own.
    const sector = await town.call('orgs:save', {
      name: '城关镇设的行业调委会',
      kind: 'sector',
      parentId: COUNTY_ID,
      abbreviation: '城行',
      caseNumberPattern: XINFENG_COMMITTEE.caseNumberPattern,
    });
    expect(refusal(sector).code).toBe('VALIDATION');
    expect(refusal(sector).message).toContain('本机只能在“城关镇人民调解委员会”及其下级组织之下');

    // Its own committee (but not its place in the tree) and a village committee under it: fine.
    const own = await org(town, CHENGGUAN_ID);
    const moved = await town.call('orgs:save', { ...renamed(own, own.name), parentId: COUNTY_ID });
    expect(refusal(moved).message).toContain('本调委会的上级组织由县调解中心维护');
    await town.ok('orgs:save', { ...renamed(own, own.name), address: '平罗县城关镇鼓楼街1号' });
    const village = await town.ok('orgs:save', XINFENG_COMMITTEE);
    // …which stays under it.
    const away = await town.call('orgs:save', {
      ...renamed(village, village.name),
      parentId: HUANGQUQIAO_ID,
    });
    expect(refusal(away).message).toContain('本机只能在“城关镇人民调解委员会”及其下级组织之下');

    // Villages: its own 乡镇's only.
    const elsewhere = await town.call('catalog:saveVillage', {
      township: '黄渠桥镇',
      name: '新设村',
      active: true,
    });
    expect(refusal(elsewhere).message).toContain('本机只能新增或修改城关镇的村（社区）');
    const theirs = (await town.ok('catalog:get', {})).villages.find((v) => v.township === '黄渠桥镇')!;
    const renameTheirs = await town.call('catalog:saveVillage', {
      id: theirs.id,
      township: theirs.township,
      name: `${theirs.name}（改）`,
      active: true,
    });
    expect(refusal(renameTheirs).code).toBe('FORBIDDEN');
    await town.ok('catalog:saveVillage', { township: '城关镇', name: '城关新设村', active: true });
  });

  it('sends the county what it added, and the county keeps the whole catalogue', async () => {
    const { county, town } = await offices();
    await town.admin();
    const village = await town.app.ok('orgs:save', XINFENG_COMMITTEE);
    await registerCase(town);
    const up = await exchange(town, county);
    expect(up.imported.counts.organisations.new).toBe(1);
    expect(up.imported.counts.cases.new).toBe(1);

    // The county adds types and changes any organisation it holds, a township's committee included.
    await county.admin();
    await county.app.ok('catalog:saveDisputeType', GRASSLAND_TYPE);
    const chengguan = await org(county.app, CHENGGUAN_ID);
    await county.app.ok('orgs:save', {
      ...renamed(chengguan, chengguan.name),
      address: '城关镇政府院内',
    });
    expect((await org(county.app, village.id)).parentId).toBe(CHENGGUAN_ID);
  });
});
