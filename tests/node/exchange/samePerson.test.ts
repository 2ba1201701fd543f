import { describe, expect, it } from 'vitest';
import { aCase, aPerson } from '../../fixtures/builders';
import { addUser, switchUser, type TestApp } from '../../helpers/app';
import { CHENGGUAN_ID, COUNTY_ID, HUANGQUQIAO_ID, setUpOffice, trustEachOther } from '../../helpers/exchange';
import {
  desk,
  exchange,
  mediate,
  offices,
  registerCase,
  residentId,
  rowsOf,
  type Desk,
} from '../../helpers/exchangeCases';
import { tableHashes } from '../backup/world';

// The same person in two townships (issue 14): 城关镇 and 黄渠桥镇 each register 马玉兰 with her ID
// card, each in a case of their own, each making a party record of their own. The county takes
// both packages, keeps both records (one per office, migration 0026) and finds her cases from
// both townships as one person's: the search box by her full ID number or its last four, the
// repeat check at a new intake, the party look-up. Nothing is merged; replays change nothing;
// the township that gets the county's decision back holds the same rows as the county.

const MA_ID = '640221198503150026';

/** Every table's rows, the audit log up to `seq` (a refused import is itself audited). */
function hashes(app: TestApp, seq: number) {
  return tableHashes(app.session.requireUnlocked().store.sql, seq);
}

/** The records this installation keeps of 马玉兰's ID card. */
function recordsOfMa(d: Desk) {
  return d.app.session
    .requireUnlocked()
    .store.sql.all<{ id: string; originOfficeId: string; address: string }>(
      `SELECT id, origin_office_id AS originOfficeId, address FROM parties WHERE id_number = ? ORDER BY created_at`,
      MA_ID,
    );
}

/** Three installations: the county, 城关镇 and 黄渠桥镇, each township trusting the county. */
async function threeOffices() {
  const { county, town } = await offices();
  const otherApp = await setUpOffice(HUANGQUQIAO_ID);
  await trustEachOther(county.app, otherApp);
  const other = await desk(otherApp, HUANGQUQIAO_ID, '黄渠桥调解员');
  return { county, town, other };
}

/** A county desk account over the centre and both townships (as a 领导 would read them). */
async function overBoth(county: Desk) {
  await county.admin();
  const exists = (await county.app.ok('users:list', {})).some((u) => u.username === 'overboth');
  if (!exists)
    await addUser(county.app, 'overboth', ['intake', 'dispatcher'], undefined, {
      organisationIds: [COUNTY_ID, CHENGGUAN_ID, HUANGQUQIAO_ID],
    });
  await switchUser(county.app, 'overboth', 'Passw0rd1');
}

describe('the same person registered by two townships', () => {
  it('reaches the county from both, is found there as one person, and both sides still agree', async () => {
    const { county, town, other } = await threeOffices();
    const inTown = await registerCase(town, {
      parties: [
        aPerson({ address: '平罗县城关镇南街一巷3号' }),
        aPerson({ name: '王强', role: 'respondent', idNumber: residentId(801) }),
      ],
    });
    const inOther = await registerCase(other, {
      township: '黄渠桥镇',
      parties: [
        aPerson({ address: '平罗县黄渠桥镇黄渠桥村二队', phone: '13995210000' }),
        aPerson({ name: '李军', role: 'respondent', idNumber: residentId(803) }),
      ],
    });
    // 城关镇 escalates its case: the county will decide it and send it back.
    await town.staff();
    await town.app.ok('workflow:escalate', {
      caseId: inTown.id,
      riskNote: '当事人在两个乡镇均有纠纷，请县调解中心统一协调',
    });

    const fromTown = await exchange(town, county);
    expect(fromTown.imported.counts.parties.new).toBe(2);
    // The second township's package is taken too: her record from 黄渠桥镇 lives beside 城关镇's.
    const fromOther = await exchange(other, county);
    expect(fromOther.imported.counts.cases.new).toBe(1);
    expect(fromOther.imported.counts.parties.new).toBe(2);
    const records = recordsOfMa(county);
    expect(records.map((r) => [r.originOfficeId, r.address])).toEqual([
      [CHENGGUAN_ID, '平罗县城关镇南街一巷3号'],
      [HUANGQUQIAO_ID, '平罗县黄渠桥镇黄渠桥村二队'],
    ]);

    // The search box: her full ID number, and its last four, find both townships' cases; the
    // list shows her number masked and never whole.
    await overBoth(county);
    const both = [inTown.caseNumber, inOther.caseNumber].sort();
    for (const query of [MA_ID, MA_ID.slice(-4)]) {
      const found = await county.app.ok('cases:list', { page: 1, pageSize: 20, query });
      expect(found.items.map((c) => c.caseNumber).sort()).toEqual(both);
      expect(found.items.map((c) => c.matchedParty)).toEqual([
        '马玉兰（证件尾号0026）',
        '马玉兰（证件尾号0026）',
      ]);
      expect(JSON.stringify(found)).not.toContain(MA_ID);
    }
    // The party look-up offers her once, with both cases counted, her number masked.
    for (const query of [MA_ID, MA_ID.slice(-4)]) {
      const offered = await county.app.ok('parties:search', { query });
      expect(offered).toHaveLength(1);
      expect(offered[0]).toMatchObject({
        name: '马玉兰',
        caseCount: 2,
        idNumberMasked: '640221********0026',
      });
      expect(JSON.stringify(offered)).not.toContain(MA_ID);
    }

    // The repeat check at a new county intake names both cases.
    const repeats = await county.app.ok('cases:checkRepeats', {
      township: '城关镇',
      parties: [{ name: '马玉兰', idNumber: MA_ID }],
    });
    expect(repeats.map((r) => r.caseNumber).sort()).toEqual(both);
    expect(repeats.every((r) => r.reasons.includes('同一身份证号码：马玉兰'))).toBe(true);
    const intake = aCase({
      committeeId: COUNTY_ID,
      disputeType: 'neighbour',
      township: '城关镇',
      village: undefined,
      summary: '马玉兰就两个乡镇的宅基地纠纷到县调解中心申请统一调解。',
      parties: [aPerson(), aPerson({ name: '赵六', role: 'respondent', idNumber: residentId(805) })],
    });
    const unlinked = await county.app.call('cases:create', { ...intake, relatedCaseIds: [] });
    expect(unlinked.ok || unlinked.error.message).toContain(inTown.caseNumber);
    expect(unlinked.ok || unlinked.error.message).toContain(inOther.caseNumber);
    const countyCase = await county.app.ok('cases:create', {
      ...intake,
      relatedCaseIds: [inTown.id, inOther.id],
    });
    expect(countyCase.related.map((r) => r.caseNumber).sort()).toEqual(both);
    // Her intake reused a record the county holds (the oldest): no third one, nothing merged.
    expect(recordsOfMa(county).map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(countyCase.parties[0]).toMatchObject({ partyId: records[0]!.id });
    // Correcting 黄渠桥镇's registration at the county keeps the record 黄渠桥镇 made of her.
    const current = await county.app.ok('cases:get', { id: inOther.id });
    await county.app.ok(
      'cases:update',
      inOther.updateInput(current.version, '马玉兰与李军因宅基地边界发生争执，县中心补充了四至情况。'),
    );
    const corrected = await county.app.ok('cases:get', { id: inOther.id });
    expect(corrected.parties[0]).toMatchObject({ partyId: records[1]!.id });

    // A replay of either township's package changes nothing.
    await county.admin();
    const seq = county.app.session.repos().audit.last()!.seq;
    const before = hashes(county.app, seq);
    for (const path of [fromTown.sent.path, fromOther.sent.path]) {
      const again = await county.app.call('exchange:import', { path });
      expect(again.ok || again.error.message).toMatch(/已经导入过，不能重复导入/);
    }
    expect(hashes(county.app, seq)).toEqual(before);

    // The county decides 城关镇's case, and dispatches its own new case down to 城关镇 (both in one
    // package); 黄渠桥镇 gets the county's package too.
    await mediate(county, inTown.id, 'transfer');
    await overBoth(county);
    await county.app.ok('workflow:dispatch', {
      caseId: countyCase.id,
      committeeId: CHENGGUAN_ID,
      mediatorIds: [town.mediatorId],
      leadMediatorId: town.mediatorId,
    });
    const back = await exchange(county, town);
    expect(back.imported.counts.cases).toMatchObject({ new: 1, updated: 1, conflict: 0 });
    const toOther = await exchange(county, other);
    expect(toOther.imported.counts.cases).toMatchObject({ new: 0, updated: 1, conflict: 0 });
    for (const [d, caseId] of [
      [town, inTown.id],
      [other, inOther.id],
    ] as const)
      expect(rowsOf(d.app, [caseId])).toEqual(rowsOf(county.app, [caseId]));
    // 城关镇 holds the county's case now with the records it names, her record the one 城关镇
    // made; its link to 城关镇's case came along, the one to 黄渠桥镇's case (not 城关镇's) did not.
    const linked = rowsOf(town.app, [countyCase.id]);
    expect(linked.case_links).toEqual(
      rowsOf(county.app, [countyCase.id]).case_links!.filter(
        (l) => (l as { related_case_id: string }).related_case_id === inTown.id,
      ),
    );
    expect(linked.case_links).toHaveLength(1);
    expect(linked.cases).toEqual(rowsOf(county.app, [countyCase.id]).cases);
    // Neither township received the other's record of her.
    expect(recordsOfMa(town).map((r) => r.originOfficeId)).toEqual([CHENGGUAN_ID]);
    expect(recordsOfMa(other).map((r) => r.originOfficeId)).toEqual([HUANGQUQIAO_ID]);
  });
});
