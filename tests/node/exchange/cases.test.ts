import { describe, expect, it } from 'vitest';
import { addUser, switchUser, type TestApp } from '../../helpers/app';
import { CHENGGUAN_ID, COUNTY_ID, HUANGQUQIAO_ID } from '../../helpers/exchange';
import { exchange, mediate, offices, registerCase, rowsOf, type Desk } from '../../helpers/exchangeCases';
import { aRefusal } from '../../fixtures/builders';
import { PNG_FILE } from '../../fixtures/files';
import { searchScopeMismatches } from '../../helpers/searchScope';
import { tableHashes } from '../backup/world';

// Two installations, one county (issue 14 "Tests"): the township registers and mediates a case
// and escalates another; its package reaches the county, which handles the escalated case and
// sends it back; the township imports. Both end with the same rows; replays change nothing; a
// concurrent edit is one conflict, and resolving it converges on the next exchange.

/** Every table's rows (the audit log up to `seq`: a refused import is itself audited). */
function hashes(app: TestApp, seq = app.session.repos().audit.last()!.seq) {
  return tableHashes(app.session.requireUnlocked().store.sql, seq);
}

/** The tables a package's content lands in (not the exchange's own bookkeeping). */
function contentHashes(app: TestApp) {
  return Object.fromEntries(
    Object.entries(hashes(app)).filter(([t]) => !t.startsWith('exchange_') && t !== 'audit_log'),
  );
}

/** Signs in a county account (受理员、分流员) over one township's committee. */
async function overTownship(d: Desk, townshipId: string) {
  await d.admin();
  const name = `over${townshipId.slice(0, 4)}`;
  const exists = (await d.app.ok('users:list', {})).some((u) => u.username === name);
  if (!exists)
    await addUser(d.app, name, ['intake', 'dispatcher'], undefined, { organisationIds: [townshipId] });
  await switchUser(d.app, name, 'Passw0rd1');
}

async function caseList(d: Desk) {
  return (await d.app.ok('cases:list', { page: 1, pageSize: 50 })).items.map((c) => c.caseNumber).sort();
}

describe('cases between a township and the county', () => {
  it('moves a mediated and an escalated case up, the county’s handling back down, and both sides agree', async () => {
    const { county, town } = await offices();
    const mediated = await registerCase(town);
    await mediate(town, mediated.id);
    // The 人民调解协议书 generated, printed, signed and scanned back in.
    const document = await town.app.ok('documents:generate', { caseId: mediated.id, kind: 'agreement' });
    const scan = await town.app.ok('documents:attachScan', {
      versionId: document.id,
      fileName: '签字页.png',
      mimeType: 'image/png',
      dataBase64: PNG_FILE.toString('base64'),
    });
    // Registered as related to the first (关联案件), and a visitor the desk did not accept.
    const escalated = await registerCase(town, { relatedCaseIds: [mediated.id] });
    await town.staff();
    await town.app.ok('intake:refuse', aRefusal({ routes: ['litigation'] }));
    const up = await town.app.ok('workflow:escalate', {
      caseId: escalated.id,
      riskNote: '涉及多户群体，乡镇难以化解，请县调解中心协调',
    });
    // The county is another installation: the escalation waits for the next package, and says so.
    expect(up.exchangeNotice).toBe(
      '平罗县人民调解中心使用另一套系统：本次上报已列入发往该中心的下一个数据包，请管理员在“数据交换”中生成数据包并送达。',
    );

    await town.admin();
    const plan = await town.app.ok('exchange:plan', { officeId: COUNTY_ID });
    expect(plan.counts).toMatchObject({
      cases: 2,
      agreements: 1,
      case_records: 1,
      mediators: 1,
      document_versions: 1,
      document_scans: 1,
      case_links: 1,
      intake_refusals: 1,
    });
    const first = await exchange(town, county);
    expect(first.imported.counts.cases).toEqual({ new: 2, updated: 0, unchanged: 0, conflict: 0 });
    expect(first.imported.counts.agreements.new).toBe(1);
    expect(first.imported.counts.parties.new).toBe(4);
    expect(first.imported.counts.document_scans.new).toBe(1);
    expect(first.imported.counts.case_links.new).toBe(1);
    expect(first.imported.counts.intake_refusals.new).toBe(1);

    // Committee scope: the county centre's own staff see the case escalated to it; a county
    // account over 城关镇 (as a 领导 holds every township) sees both; another township's, neither.
    await county.staff();
    expect(await caseList(county)).toEqual([escalated.caseNumber]);
    const pending = await county.app.ok('workflow:get', { caseId: escalated.id });
    expect(pending.assignment).toMatchObject({
      committeeId: COUNTY_ID,
      kind: 'escalation',
      state: 'pending',
    });
    await overTownship(county, CHENGGUAN_ID);
    expect(await caseList(county)).toEqual([escalated.caseNumber, mediated.caseNumber].sort());
    // Found by its parties' names too (the search index was built on import).
    const found = await county.app.ok('cases:list', { page: 1, pageSize: 10, query: '申请人' });
    expect(found.total).toBe(2);
    // The link shows on both cases; the 不予受理 is in the township's register at the county.
    const related = (await county.app.ok('cases:get', { id: escalated.id })).related;
    expect(related.map((r) => r.caseNumber)).toEqual([mediated.caseNumber]);
    expect((await county.app.ok('intake:listRefusals', {})).items).toMatchObject([
      { applicantName: '赵四', reason: 'party_refused', routes: ['litigation'] },
    ]);
    await overTownship(county, HUANGQUQIAO_ID);
    expect(await caseList(county)).toEqual([]);
    expect((await county.app.ok('intake:listRefusals', {})).total).toBe(0);

    // The signed scan arrived byte for byte, and opens at the county.
    await overTownship(county, CHENGGUAN_ID);
    const arrived = await county.app.ok('documents:getScan', { scanId: scan.scans[0]!.id });
    expect(Buffer.from(arrived.dataBase64, 'base64').equals(PNG_FILE)).toBe(true);

    // The county takes the escalated case with its own mediator and settles it.
    const settled = await mediate(county, escalated.id, 'transfer');
    expect(settled.status).toBe('succeeded');
    const back = await exchange(county, town);
    expect(back.sent.receiptThrough).toBe(1);
    expect(back.imported.acknowledgedThrough).toBe(1);
    expect(back.imported.counts.cases).toMatchObject({ new: 0, updated: 1, conflict: 0 });
    expect(back.imported.counts.agreements.new).toBe(1);
    await town.staff();
    const decided = await town.app.ok('workflow:get', { caseId: escalated.id });
    expect(decided.status).toBe('succeeded');
    expect(decided.records.map((r) => r.recorder)).toEqual(['李青']);

    // The same rows on both sides for every shared record.
    const shared = [mediated.id, escalated.id];
    expect(rowsOf(town.app, shared)).toEqual(rowsOf(county.app, shared));
    // Each side's search index keeps to its own scope rows for the cases it took in.
    expect(searchScopeMismatches(town.app)).toEqual([]);
    expect(searchScopeMismatches(county.app)).toEqual([]);
    const refusals = (d: Desk) =>
      d.app.session.requireUnlocked().store.sql.all(`SELECT * FROM intake_refusals ORDER BY id`);
    expect(refusals(county)).toEqual(refusals(town));

    // Replaying either package is refused and changes nothing.
    for (const [d, path] of [
      [county, first.sent.path],
      [town, back.sent.path],
    ] as const) {
      await d.admin();
      const seq = d.app.session.repos().audit.last()!.seq;
      const before = hashes(d.app, seq);
      const again = await d.app.call('exchange:import', { path });
      expect(again.ok || again.error.message).toMatch(/已经导入过，不能重复导入/);
      expect(hashes(d.app, seq)).toEqual(before);
    }
    // A package carrying what the other side already has changes nothing either.
    const countyBefore = contentHashes(county.app);
    const steady = await exchange(town, county);
    expect(Object.values(steady.imported.counts).every((c) => c.new + c.updated + c.conflict === 0)).toBe(
      true,
    );
    expect(contentHashes(county.app)).toEqual(countyBefore);
  });

  it('turns an edit of the same case on both sides into one conflict; resolving it converges', async () => {
    const { county, town } = await offices();
    const registered = await registerCase(town);
    await exchange(town, county);
    await exchange(county, town);

    for (const [d, summary] of [
      [town, '相邻两户因院墙排水问题发生争执，乡镇补充了现场勘查情况。'],
      [county, '相邻两户因院墙排水问题发生争执，县中心补充了历史纠纷情况。'],
    ] as const) {
      await (d === town ? d.staff() : overTownship(d, CHENGGUAN_ID));
      const c = await d.app.ok('cases:get', { id: registered.id });
      await d.app.ok('cases:update', registered.updateInput(c.version, summary));
    }
    const { imported } = await exchange(town, county);
    const conflicted = Object.entries(imported.counts).filter(([, c]) => c.conflict > 0);
    expect(conflicted).toEqual([['cases', { new: 0, updated: 0, unchanged: 0, conflict: 1 }]]);
    const [conflict] = (await county.app.ok('exchange:conflicts', {})).items;
    expect(conflict).toMatchObject({ table: 'cases', tableLabel: '案件', title: registered.caseNumber });
    expect(conflict!.fields.find((f) => f.field === 'summary')).toMatchObject({
      label: '纠纷简要情况',
      local: '相邻两户因院墙排水问题发生争执，县中心补充了历史纠纷情况。',
      remote: '相邻两户因院墙排水问题发生争执，乡镇补充了现场勘查情况。',
      differs: true,
    });
    // Nothing silently overwritten: the county still has its own version until someone decides.
    await overTownship(county, CHENGGUAN_ID);
    expect((await county.app.ok('cases:get', { id: registered.id })).summary).toMatch(/县中心/);

    await county.admin();
    await county.app.ok('exchange:resolveConflict', { conflictId: conflict!.id, keep: 'local' });
    await exchange(county, town);
    await exchange(town, county);
    expect(rowsOf(town.app, [registered.id])).toEqual(rowsOf(county.app, [registered.id]));
    await town.staff();
    expect((await town.app.ok('cases:get', { id: registered.id })).summary).toMatch(/县中心/);
    expect((await county.app.ok('exchange:conflicts', {})).items).toEqual([]);
  });

  it('takes a package sent again before the county replied: the escalated case it carries again changes nothing', async () => {
    const { county, town } = await offices();
    const c = await registerCase(town);
    await town.staff();
    await town.app.ok('workflow:escalate', {
      caseId: c.id,
      riskNote: '涉及多户群体，乡镇难以化解，请县调解中心协调',
    });
    await exchange(town, county);
    await mediate(county, c.id, 'transfer');
    // No reply yet: the township's next package carries the case again, as it was sent.
    const again = await exchange(town, county);
    expect(again.imported.counts.cases).toEqual({ new: 0, updated: 0, unchanged: 1, conflict: 0 });
    await overTownship(county, CHENGGUAN_ID);
    expect((await county.app.ok('workflow:get', { caseId: c.id })).status).toBe('succeeded');
  });
});
