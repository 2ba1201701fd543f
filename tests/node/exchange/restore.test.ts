import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBackupKeep } from '../../../main/contract';
import { SEQUENCE_ANCHOR_FILE } from '../../../main/core/exchange/sequenceAnchor';
import { ADMIN } from '../../helpers/app';
import { COUNTY_ID } from '../../helpers/exchange';
import { exchange, mediate, offices, registerCase, rowsOf, type Desk } from '../../helpers/exchangeCases';
import { tempDir } from '../../helpers/tempDir';
import { backUp } from '../backup/world';
import { GRASSLAND_TYPE, XINFENG_COMMITTEE } from './catalogueWorld';

// A township restored from an older backup keeps exchanging (issue 14): its next package is not
// refused as a replay, what it lost (its own changes sent after the backup, the county's
// package received after it) comes back from the county, nothing is applied twice, and both
// sides end with the same rows.

/** Records merged by outcome, summed over the tables. */
function outcomes(counts: Record<string, Record<string, number>>) {
  const sum = { new: 0, updated: 0, unchanged: 0, conflict: 0 };
  for (const c of Object.values(counts))
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += c[k] ?? 0;
  return sum;
}

async function editSummary(d: Desk, c: Awaited<ReturnType<typeof registerCase>>, summary: string) {
  await d.staff();
  const current = await d.app.ok('cases:get', { id: c.id });
  await d.app.ok('cases:update', c.updateInput(current.version, summary));
}

async function villageNames(d: Desk) {
  return (await d.app.ok('catalog:get', {})).villages
    .filter((v) => /^(县中心新设|城关新设)/.test(v.name))
    .map((v) => v.name)
    .sort();
}

/** A case 城关镇 registers and escalates to the county centre. */
async function escalatedCase(town: Desk) {
  const c = await registerCase(town);
  await town.staff();
  await town.app.ok('workflow:escalate', {
    caseId: c.id,
    riskNote: '涉及多户群体，乡镇难以化解，请县调解中心协调',
  });
  return c;
}

/** The office's 管理员 sets a backup folder. */
async function backupsOn(d: Desk) {
  await d.admin();
  await d.app.ok('backup:saveSettings', {
    folder: tempDir('backups-'),
    autoDaily: false,
    ...defaultBackupKeep,
  });
}

/** The office's 管理员 checks the backup and restores it, then signs in again. */
async function restoreFrom(d: Desk, file: string) {
  await d.admin();
  const preview = await d.app.ok('backup:inspect', {
    path: file,
    unlock: { kind: 'password', username: ADMIN.username, password: ADMIN.password },
  });
  await d.app.ok('backup:restore', { token: preview.token, confirm: true });
  await d.admin();
}

describe('exchange after the township restores an older backup', () => {
  it('continues both ways: no replay refusal, nothing lost, nothing applied twice, the same rows', async () => {
    const { county, town } = await offices();
    await backupsOn(town);

    // Before the backup: a case goes up, the county's receipt comes back.
    const first = await registerCase(town);
    await exchange(town, county); // 城关 #1
    await exchange(county, town); // 县 #1
    await town.admin();
    const file = await backUp(town.app);

    // After the backup: the township edits the case and mediates it to an agreement, and
    // registers another; the county adds a village for everyone; both packages cross, and the
    // township's receipt reaches the county.
    await editSummary(town, first, '相邻两户因院墙排水问题发生争执，乡镇在备份之后补充了现场勘查情况。');
    await mediate(town, first.id);
    const second = await registerCase(town);
    await exchange(town, county); // 城关 #2
    await county.admin();
    await county.app.ok('catalog:saveVillage', { township: '城关镇', name: '县中心新设村', active: true });
    await exchange(county, town); // 县 #2
    await exchange(town, county); // 城关 #3: receipt through 县 #2
    expect(existsSync(join(town.app.dataDir, SEQUENCE_ANCHOR_FILE))).toBe(true);

    await restoreFrom(town, file);
    // Back at the backup: the second case, the edit and the county's village are gone here.
    await town.staff();
    expect((await town.app.ok('cases:get', { id: first.id })).summary).not.toMatch(/备份之后/);
    expect((await town.app.ok('workflow:get', { caseId: first.id })).status).not.toBe('succeeded');
    expect((await town.app.call('cases:get', { id: second.id })).ok).toBe(false);
    expect(await villageNames(town)).toEqual([]);
    await town.admin();
    const notices = (await town.app.ok('exchange:overview', {})).restoreNotices;
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /^本机已恢复到\d{4}-\d{2}-\d{2}的备份，此后与平罗县人民调解中心交换的数据不在本机。/,
    );

    // Life goes on at the township: a new village; its next package is numbered above #3.
    await town.app.ok('catalog:saveVillage', { township: '城关镇', name: '城关新设村', active: true });
    expect((await town.app.ok('exchange:plan', { officeId: COUNTY_ID })).sequence).toBe(4);
    const up = await exchange(town, county); // 城关 #4, asking for everything again
    expect(up.sent.sequence).toBe(4);
    expect(outcomes(up.imported.counts)).toMatchObject({ new: 1, updated: 0, conflict: 0 });
    expect(up.imported.counts.villages.new).toBe(1);
    // The county notes the restore (not a rewrite of the township's log) and will send everything.
    expect(up.imported.auditFindings).toHaveLength(1);
    expect(up.imported.auditFindings[0]).toMatch(/^城关镇人民调解委员会已从\d{4}-\d{2}-\d{2}的备份恢复数据/);
    await county.admin();
    expect((await county.app.ok('exchange:overview', {})).restoreNotices).toEqual([
      '城关镇人民调解委员会已从备份恢复数据：发往该机构的下一个数据包将重新包含双方共享的全部记录，请尽快生成并送达。',
    ]);

    // The county's answer brings back what the township lost; what it still has is left alone.
    const down = await exchange(county, town); // 县 #3, everything again
    expect(down.sent.sequence).toBe(3);
    const back = outcomes(down.imported.counts);
    expect(back.conflict).toBe(0);
    expect(down.imported.counts.cases).toMatchObject({ new: 1, updated: 1, conflict: 0 });
    expect(down.imported.counts.villages).toMatchObject({ new: 1, conflict: 0 });
    expect(back.unchanged).toBeGreaterThan(0);
    await town.staff();
    expect((await town.app.ok('cases:get', { id: first.id })).summary).toMatch(/备份之后/);
    expect((await town.app.ok('workflow:get', { caseId: first.id })).status).toBe('succeeded');
    expect((await town.app.ok('cases:get', { id: second.id })).caseNumber).toBe(second.caseNumber);
    expect(await villageNames(town)).toEqual(['县中心新设村', '城关新设村']);
    await town.admin();
    expect((await town.app.ok('exchange:overview', {})).restoreNotices).toEqual([]);

    // Steady state again: the next packages each way carry nothing new, and no conflict.
    const quietUp = await exchange(town, county); // 城关 #5
    expect(quietUp.sent.sequence).toBe(5);
    expect(outcomes(quietUp.imported.counts)).toMatchObject({ new: 0, updated: 0, conflict: 0 });
    const quietDown = await exchange(county, town); // 县 #4
    expect(outcomes(quietDown.imported.counts)).toEqual({ new: 0, updated: 0, unchanged: 0, conflict: 0 });
    await county.admin();
    expect((await county.app.ok('exchange:overview', {})).restoreNotices).toEqual([]);
    expect((await county.app.ok('exchange:conflicts', {})).items).toEqual([]);
    expect((await town.app.ok('exchange:conflicts', {})).items).toEqual([]);

    // Both sides hold the same rows of both cases, and the same villages.
    const ids = [first.id, second.id];
    expect(rowsOf(town.app, ids)).toEqual(rowsOf(county.app, ids));
    expect(await villageNames(town)).toEqual(await villageNames(county));
  });

  it('the county restores an older backup: the township sends back what the county lost, its own handling included', async () => {
    const { county, town } = await offices();
    await backupsOn(county);
    const escalated = await escalatedCase(town);
    await exchange(town, county); // 城关 #1
    await county.admin();
    const file = await backUp(county.app);

    // After the county's backup: it mediates the escalated case to an agreement, the township
    // registers another case; both cross, receipts included.
    await mediate(county, escalated.id, 'transfer');
    await exchange(county, town); // 县 #1
    const other = await registerCase(town);
    await exchange(town, county); // 城关 #2

    await restoreFrom(county, file);
    const down = await exchange(county, town); // 县 #2 (not #1 again), asking for everything
    expect(down.sent.sequence).toBe(2);
    expect(outcomes(down.imported.counts)).toMatchObject({ new: 0, updated: 0, conflict: 0 });
    const up = await exchange(town, county); // 城关 #3, everything again
    expect(outcomes(up.imported.counts).conflict).toBe(0);
    // The county's handling after its backup (the agreement) and the township's later case are back.
    expect(up.imported.counts.cases).toMatchObject({ new: 1, updated: 1, conflict: 0 });
    expect(up.imported.counts.agreements).toMatchObject({ new: 1, conflict: 0 });
    await exchange(county, town);
    await exchange(town, county);
    const ids = [escalated.id, other.id];
    expect(rowsOf(town.app, ids)).toEqual(rowsOf(county.app, ids));
    await county.admin();
    expect((await county.app.ok('exchange:conflicts', {})).items).toEqual([]);
    expect((await county.app.ok('exchange:overview', {})).restoreNotices).toEqual([]);
  });
});

/** A roster entry the office adds, in its own committee. */
async function newMediator(d: Desk, name: string) {
  await d.admin();
  return d.app.ok('mediators:save', {
    kind: 'mediator',
    name,
    sex: 'female',
    employment: 'part_time',
    grade: 'second',
    specialties: ['neighbour'],
    householdMembers: [],
    memberships: [{ organisationId: d.officeId, position: '委员' }],
  });
}

/** The office's dispatcher sends the case to one mediator of its committee. */
async function dispatchTo(d: Desk, caseId: string, mediatorId: string) {
  await d.staff();
  await d.app.ok('workflow:dispatch', {
    caseId,
    committeeId: d.officeId,
    mediatorIds: [mediatorId],
    leadMediatorId: mediatorId,
  });
}

/**
 * Receipts cross both ways; `restored` goes back to its backup and asks for everything; `peer`
 * answers, with no conflict: the counts of that answer's import.
 */
async function restoreAndAnswer(restored: Desk, peer: Desk, file: string) {
  await exchange(peer, restored);
  await exchange(restored, peer);
  await restoreFrom(restored, file);
  await exchange(restored, peer); // asking for everything
  const answer = await exchange(peer, restored);
  expect(outcomes(answer.imported.counts).conflict).toBe(0);
  return answer.imported.counts;
}

describe('what only its owner may send, after a restore', () => {
  it('the township restores: its roster, committee and village made after the backup come back with the cases that name them', async () => {
    const { county, town } = await offices();
    await backupsOn(town);
    await registerCase(town);
    await exchange(town, county);
    await exchange(county, town);
    await town.admin();
    const file = await backUp(town.app);

    // After the backup: a new mediator, a village committee and a village, and a case sent to
    // that mediator; all of it goes up, receipts cross.
    const mediator = await newMediator(town, '马新调');
    const committee = await town.app.ok('orgs:save', XINFENG_COMMITTEE);
    await town.app.ok('catalog:saveVillage', { township: '城关镇', name: '城关备份后设村', active: true });
    const c = await registerCase(town);
    await dispatchTo(town, c.id, mediator.id);
    const up = await exchange(town, county);
    expect(up.imported.counts.mediators.new).toBe(1);

    // The county's answer names the mediator the township lost: it brings the roster entry
    // back with the case, instead of being refused for a reference the township lacks.
    const down = await restoreAndAnswer(town, county, file);
    expect(down.mediators.new).toBe(1);
    expect(down.mediator_memberships.new).toBe(1);
    expect(down.organisations.new).toBe(1);
    expect(down.villages.new).toBe(1);
    expect(down.cases.new).toBe(1);
    await town.admin();
    const roster = await town.app.ok('mediators:list', { includeInactive: false });
    expect(roster.map((m) => m.name)).toContain('马新调');
    const tree = (await town.app.ok('orgs:tree', {})).organisations;
    expect(tree.find((o) => o.id === committee.id)?.name).toBe(XINFENG_COMMITTEE.name);
    const villages = (await town.app.ok('catalog:get', {})).villages.map((v) => v.name);
    expect(villages).toContain('城关备份后设村');
    await town.staff();
    expect((await town.app.ok('workflow:get', { caseId: c.id })).status).toBe('dispatched');

    // Steady state: nothing more either way, no conflict.
    const quietUp = await exchange(town, county);
    expect(outcomes(quietUp.imported.counts)).toMatchObject({ new: 0, updated: 0, conflict: 0 });
    const quietDown = await exchange(county, town);
    expect(outcomes(quietDown.imported.counts)).toEqual({ new: 0, updated: 0, unchanged: 0, conflict: 0 });
    expect(rowsOf(town.app, [c.id])).toEqual(rowsOf(county.app, [c.id]));
  });

  it('the county restores: the township sends back the county’s mediator and dispute type its cases name', async () => {
    const { county, town } = await offices();
    await backupsOn(county);
    const escalated = await escalatedCase(town);
    await exchange(town, county);
    await county.admin();
    const file = await backUp(county.app);

    // After the county's backup: a new county mediator takes the escalated case, and a new
    // dispute type; both reach the township.
    const mediator = await newMediator(county, '杨县调');
    await county.app.ok('catalog:saveDisputeType', GRASSLAND_TYPE);
    await county.staff();
    await county.app.ok('workflow:transfer', {
      caseId: escalated.id,
      committeeId: county.officeId,
      mediatorIds: [mediator.id],
      leadMediatorId: mediator.id,
      reason: '由本级调解中心直接调处',
    });
    await exchange(county, town);

    const up = await restoreAndAnswer(county, town, file);
    expect(up.mediators.new).toBe(1);
    expect(up.dispute_types.new).toBe(1);
    await county.admin();
    const roster = await county.app.ok('mediators:list', { includeInactive: false });
    expect(roster.map((m) => m.name)).toContain('杨县调');
    const types = (await county.app.ok('catalog:get', {})).disputeTypes.map((t) => t.code);
    expect(types).toContain(GRASSLAND_TYPE.code);
    expect(rowsOf(town.app, [escalated.id])).toEqual(rowsOf(county.app, [escalated.id]));
  });
});
