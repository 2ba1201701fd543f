import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/app';
import { CHENGGUAN_ID, COUNTY_ID, setUpOffice, trustEachOther } from '../../helpers/exchange';
import { tempDir } from '../../helpers/tempDir';

// Township ⇄ county packages between two installations: what moves, receipts, replay, conflicts.

async function send(from: TestApp, to: TestApp, toId: string) {
  const sent = await from.ok('exchange:generate', { officeId: toId, folder: tempDir('exchange-out-') });
  const imported = await to.ok('exchange:import', { path: sent.path });
  return { sent, imported };
}

async function villageOf(app: TestApp, name: string) {
  const catalog = await app.ok('catalog:get', {});
  return catalog.villages.find((v) => v.name === name);
}

async function pair() {
  const county = await setUpOffice(COUNTY_ID);
  const town = await setUpOffice(CHENGGUAN_ID);
  await trustEachOther(county, town);
  return { county, town };
}

describe('exchange packages between a township and the county', () => {
  it('moves the township’s own villages to the county, and receipts stop them being sent again', async () => {
    const { county, town } = await pair();
    const added = await town.ok('catalog:saveVillage', { township: '城关镇', name: '新丰村', active: true });
    const plan = await town.ok('exchange:plan', { officeId: COUNTY_ID });
    expect(plan).toMatchObject({ sequence: 1, counts: { villages: 1 }, receiptThrough: 0 });

    const first = await send(town, county, COUNTY_ID);
    expect(first.sent.fileName).toBe('县乡数据交换-城关镇人民调解委员会至平罗县人民调解中心-第0001号.zip');
    expect(first.imported.counts.villages).toEqual({ new: 1, updated: 0, unchanged: 0, conflict: 0 });
    expect(await villageOf(county, '新丰村')).toEqual({ ...added });

    // Not yet acknowledged: the next package carries it again (a lost package is covered).
    expect((await town.ok('exchange:plan', { officeId: COUNTY_ID })).counts.villages).toBe(1);
    // The county's package to the township carries its receipt (and the county's own catalogue).
    const back = await send(county, town, CHENGGUAN_ID);
    expect(back.sent.receiptThrough).toBe(1);
    expect(back.imported.acknowledgedThrough).toBe(1);
    expect(back.imported.counts.villages.new).toBe(0);
    expect((await town.ok('exchange:plan', { officeId: COUNTY_ID })).counts.villages).toBe(0);

    const history = await town.ok('exchange:history', {});
    expect(history.items.map((h) => [h.direction, h.sequence, h.acknowledgedAt !== null])).toEqual([
      ['in', 1, false],
      ['out', 1, true],
    ]);
  });

  it('refuses a replayed package and leaves everything as it was', async () => {
    const { county, town } = await pair();
    await town.ok('catalog:saveVillage', { township: '城关镇', name: '新丰村', active: true });
    const { sent } = await send(town, county, COUNTY_ID);
    const again = await county.call('exchange:import', { path: sent.path });
    expect(again.ok ? 'ok' : again.error.message).toBe(
      '数据包不能导入：城关镇人民调解委员会的第1号数据包已经导入过，不能重复导入',
    );
  });

  it('turns an edit on both sides into one conflict, and resolving it converges', async () => {
    const { county, town } = await pair();
    const village = await town.ok('catalog:saveVillage', {
      township: '城关镇',
      name: '新丰村',
      active: true,
    });
    await send(town, county, COUNTY_ID);
    await send(county, town, CHENGGUAN_ID);
    // Both rename it before the next exchange.
    await town.ok('catalog:saveVillage', {
      id: village.id,
      township: '城关镇',
      name: '新丰一村',
      active: true,
    });
    await county.ok('catalog:saveVillage', {
      id: village.id,
      township: '城关镇',
      name: '新风村',
      active: true,
    });
    const preview = await county.ok('exchange:preview', {
      path: (await town.ok('exchange:generate', { officeId: COUNTY_ID, folder: tempDir() })).path,
    });
    expect(preview.counts.villages.conflict).toBe(1);
    const conflicts = await county.ok('exchange:conflicts', {});
    expect(conflicts.items).toEqual([]); // the preview wrote nothing

    const { imported } = await send(town, county, COUNTY_ID);
    expect(imported.counts.villages.conflict).toBe(1);
    const [conflict] = (await county.ok('exchange:conflicts', {})).items;
    expect(conflict?.fields.find((f) => f.field === 'name')).toEqual({
      field: 'name',
      label: '名称',
      local: '新风村',
      remote: '新丰一村',
      differs: true,
    });
    // Nothing silently overwritten.
    expect(await villageOf(county, '新风村')).toBeDefined();
    await county.ok('exchange:resolveConflict', { conflictId: conflict!.id, keep: 'remote' });
    expect(await villageOf(county, '新丰一村')).toEqual(await villageOf(town, '新丰一村'));
    expect((await county.ok('exchange:conflicts', {})).items).toEqual([]);
    const audit = await county.ok('audit:list', { page: 1, pageSize: 5 });
    expect(audit.items[0]?.detail).toMatch(
      /采用城关镇人民调解委员会的版本.*名称：本机“新风村”，对方“新丰一村”/,
    );

    // The next exchange changes nothing more on either side.
    await send(county, town, CHENGGUAN_ID);
    const later = await send(town, county, COUNTY_ID);
    expect(later.imported.counts.villages).toEqual({ new: 0, updated: 0, unchanged: 0, conflict: 0 });
  });

  it('merges a conflict field by field, and says which field still needs a choice', async () => {
    const { county, town } = await pair();
    const village = await town.ok('catalog:saveVillage', {
      township: '城关镇',
      name: '新丰村',
      active: true,
    });
    await send(town, county, COUNTY_ID);
    await town.ok('catalog:saveVillage', {
      id: village.id,
      township: '城关镇',
      name: '新丰一村',
      active: false,
    });
    await county.ok('catalog:saveVillage', {
      id: village.id,
      township: '城关镇',
      name: '新风村',
      active: true,
    });
    await send(town, county, COUNTY_ID);
    const [conflict] = (await county.ok('exchange:conflicts', {})).items;
    const partial = await county.call('exchange:resolveConflict', {
      conflictId: conflict!.id,
      keep: 'merged',
      fields: { name: 'local' },
    });
    expect(partial.ok || partial.error.message).toBe('逐项选择：请为“启用”选择本机或对方的值');
    await county.ok('exchange:resolveConflict', {
      conflictId: conflict!.id,
      keep: 'merged',
      fields: { name: 'local', active: 'remote' },
    });
    const merged = (await county.ok('catalog:get', {})).villages.find((v) => v.id === village.id);
    expect([merged?.name, merged?.active]).toEqual(['新风村', false]);
    const audit = await county.ok('audit:list', { page: 1, pageSize: 5 });
    expect(audit.items[0]?.detail).toMatch(/逐项合并（名称取本机“新风村”；启用取对方“否”）/);
    // The owner's next change is again a change on both sides: a new conflict, not an overwrite.
    await town.ok('catalog:saveVillage', {
      id: village.id,
      township: '城关镇',
      name: '新丰二村',
      active: false,
    });
    const { imported } = await send(town, county, COUNTY_ID);
    expect(imported.counts.villages.conflict).toBe(1);
    expect((await county.ok('catalog:get', {})).villages.find((v) => v.id === village.id)?.name).toBe(
      '新风村',
    );
  });

  it('reports a township’s audit log rewritten after an exchange as an 审计告警 at the county', async () => {
    const { county, town } = await pair();
    await send(town, county, COUNTY_ID);
    // Someone with the database key rewrites the township's entry the county last saw as its head.
    const last = town.session.repos().exchange.lastSent(COUNTY_ID)!;
    town.session
      .requireUnlocked()
      .store.sql.run(`UPDATE audit_log SET hash = ? WHERE seq = ?`, 'f'.repeat(64), last.auditSeq);
    const { imported } = await send(town, county, COUNTY_ID);
    expect(imported.auditFindings).toEqual([
      `城关镇人民调解委员会的审计日志第${last.auditSeq}条在上次交换后被改写（校验值与上次收到的不同）`,
    ]);
    const alarms = await county.ok('audit:alarms', {});
    expect(alarms.items.map((a) => a.detail)).toContain(imported.auditFindings[0]);
  });

  it('finds the rewrite when a package in between was lost, and when the county holds an older head only', async () => {
    const { county, town } = await pair();
    await send(town, county, COUNTY_ID);
    const seen = town.session.repos().exchange.lastSent(COUNTY_ID)!.auditSeq;
    await town.ok('catalog:saveVillage', { township: '城关镇', name: '新丰三村', active: true });
    // The second package never reaches the county (a lost USB disk); the third does.
    await town.ok('exchange:generate', { officeId: COUNTY_ID, folder: tempDir() });
    town.session
      .requireUnlocked()
      .store.sql.run(`UPDATE audit_log SET hash = ? WHERE seq = ?`, 'f'.repeat(64), seen);
    const { imported } = await send(town, county, COUNTY_ID);
    expect(imported.auditFindings).toEqual([
      `城关镇人民调解委员会的审计日志第${seen}条在上次交换后被改写（校验值与上次收到的不同）`,
    ]);
  });
});
