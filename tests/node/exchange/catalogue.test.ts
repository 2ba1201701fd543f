import { describe, expect, it } from 'vitest';
import { MAX_EXCHANGED_FILE_BYTES } from '../../../main/contract/exchange/columns';
import { documentSettings } from '../../../main/core/documentStore/settings';
import { reviewChecklist } from '../../../main/core/dossier/review';
import type { TestApp } from '../../helpers/app';
import { CHENGGUAN_ID, COUNTY_ID } from '../../helpers/exchange';
import { exchange, offices, registerCase, type Desk } from '../../helpers/exchangeCases';
import { tableHashes } from '../backup/world';
import {
  ARCHIVE_NOTE,
  archivedCase,
  archivistOver城关,
  filedCase,
  GRASSLAND_TYPE,
  reviewAtCounty,
  XINFENG_COMMITTEE,
} from './catalogueWorld';

// The shared catalogue and the ledgers between two installations (issue 14 "What moves"): the
// county's catalogue (organisation tree, dispute types, deadline rules, document settings)
// reaches the township; the township's village committee, screening log and dossier reach the
// county; the county's 案卷评查 of that dossier comes back; a replay changes nothing.

/** Every table a package's content lands in (not the exchange's own bookkeeping). */
function contentHashes(app: TestApp) {
  const sql = app.session.requireUnlocked().store.sql;
  return Object.fromEntries(
    Object.entries(tableHashes(sql, app.session.repos().audit.last()!.seq)).filter(
      ([t]) => !t.startsWith('exchange_') && t !== 'audit_log',
    ),
  );
}

/** The county's package again, before the township's receipt: every record is already there. */
async function replayChangesNothing(from: Desk, to: Desk) {
  const before = contentHashes(to.app);
  const { imported } = await exchange(from, to);
  for (const counts of Object.values(imported.counts)) {
    expect(counts.new + counts.updated + counts.conflict).toBe(0);
  }
  expect(contentHashes(to.app)).toEqual(before);
}

async function organisation(app: TestApp, id: string) {
  return (await app.ok('orgs:tree', {})).organisations.find((o) => o.id === id);
}

describe('the shared catalogue and the ledgers between a township and the county', () => {
  it('brings the county’s dispute types, deadline rules, document settings and organisations to the township', async () => {
    const { county, town } = await offices();
    await county.admin();
    await county.app.ok('catalog:saveDisputeType', GRASSLAND_TYPE);
    await county.app.ok('settings:update', { mediationLimitDays: 45, returnVisitDelayDays: 10 });
    const checklist = await reviewChecklist(county.app.session.repos());
    const stricter = {
      ...checklist,
      grades: checklist.grades.map((g) => ({ ...g, min: g.min ? g.min + 2 : 0 })),
    };
    await county.app.ok('dossiers:saveChecklist', stricter);
    // The court a confirmation goes to by default: a stored document setting (no screen sets it yet).
    await county.app.session.repos().settings.set('documents.defaultCourt', '石嘴山市中级人民法院');
    const center = (await organisation(county.app, COUNTY_ID))!;
    await county.app.ok('orgs:save', {
      id: center.id,
      version: center.version,
      name: '平罗县矛盾纠纷多元化解中心',
      kind: center.kind,
      parentId: null,
      abbreviation: center.abbreviation,
      caseNumberPattern: center.caseNumberPattern,
    });

    const plan = await county.app.ok('exchange:plan', { officeId: CHENGGUAN_ID });
    // 生成数据包 counts what will go: the four changed settings, the renamed center among the rest.
    expect(plan.counts.settings).toBe(4);
    expect(plan.counts.organisations).toBeGreaterThanOrEqual(1);
    const { imported } = await exchange(county, town);
    expect(imported.counts.dispute_types.new).toBe(1);
    expect(imported.counts.settings).toMatchObject({ new: 4, conflict: 0 });
    expect(imported.counts.organisations).toMatchObject({ updated: 1, conflict: 0 });

    await town.admin();
    // 收发记录 names only the tables the package had records of.
    const [received] = (await town.app.ok('exchange:history', {})).items;
    expect(received!.summary).toMatch(/期限规则和文书设置：新增4、更新0、未变0、冲突0/);
    expect(received!.summary).not.toMatch(/月度分析/);
    const types = (await town.app.ok('catalog:get', {})).disputeTypes;
    expect(types.find((t) => t.code === 'grassland_use')).toMatchObject({ name: '草场使用', active: true });
    expect(await town.app.ok('settings:get', {})).toMatchObject({
      mediationLimitDays: 45,
      returnVisitDelayDays: 10,
    });
    expect(await reviewChecklist(town.app.session.repos())).toEqual(stricter);
    expect((await documentSettings(town.app.session.repos())).defaultCourt).toBe('石嘴山市中级人民法院');
    expect((await organisation(town.app, COUNTY_ID))!.name).toBe('平罗县矛盾纠纷多元化解中心');
    // The township registers a case of the new type at once.
    const c = await registerCase(town);
    expect(c.caseNumber).toBeTruthy();

    await replayChangesNothing(county, town);
    // A later change to a rule arrives as an update.
    await county.admin();
    await county.app.ok('settings:update', { mediationLimitDays: 60 });
    const later = await exchange(county, town);
    expect(later.imported.counts.settings).toMatchObject({ new: 0, updated: 1 });
    await town.admin();
    expect((await town.app.ok('settings:get', {})).mediationLimitDays).toBe(60);
  });

  it('brings the township’s village committee, screening round and dossier up, and the county’s review back', async () => {
    const { county, town } = await offices();
    await town.admin();
    const village = await town.app.ok('orgs:save', XINFENG_COMMITTEE);
    await town.staff();
    await town.app.ok('screening:record', {
      organisationId: village.id,
      heldOn: '2026-11-30',
      conductedBy: '李青、王芳',
      method: 'general',
      area: '新丰村一至六组',
      findings: [
        { kind: 'dispute', summary: '两户因灌溉顺序争执', disposition: 'resolved', note: '当场协调轮灌' },
      ],
    });
    await town.app.ok('screening:saveAnalysis', {
      organisationId: village.id,
      month: '2026-11',
      judgement: '本月新丰村矛盾纠纷总体平稳，灌溉纠纷当场化解。',
      measures: '入冬前再开展一次集中排查。',
    });
    const caseId = await filedCase(town);

    const up = await exchange(town, county);
    expect(up.imported.counts.organisations.new).toBe(1);
    expect(up.imported.counts.screening_rounds.new).toBe(1);
    expect(up.imported.counts.screening_findings.new).toBe(1);
    expect(up.imported.counts.screening_analyses.new).toBe(1);
    expect(up.imported.counts.dossiers.new).toBe(1);
    await county.admin();
    expect(await organisation(county.app, village.id)).toMatchObject({
      name: '城关镇新丰村人民调解委员会',
      parentId: CHENGGUAN_ID,
    });
    const rounds = county.app.session.repos().screening.rounds([village.id]);
    expect(rounds).toEqual([expect.objectContaining({ area: '新丰村一至六组', findingCount: 1 })]);

    // A county archivist over 城关镇 reviews the township's dossier.
    await reviewAtCounty(county, caseId);
    const down = await exchange(county, town);
    expect(down.imported.counts.dossier_reviews.new).toBe(1);
    await town.mediator();
    const dossier = await town.app.ok('dossiers:get', { caseId });
    expect(dossier.reviews).toEqual([
      expect.objectContaining({
        reviewedOn: '2026-11-30',
        total: 91,
        comments: '卷宗完整；回访记录可再具体。',
      }),
    ]);

    await replayChangesNothing(town, county);
    await replayChangesNothing(county, town);
  });

  it('brings the township’s archived dossier (归档版本) up, the same file, and its re-opening after it', async () => {
    const { county, town } = await offices();
    const caseId = await archivedCase(town);
    const archived = await town.app.ok('dossiers:pdf', { caseId, revision: 1 });

    const up = await exchange(town, county);
    expect(up.imported.counts.dossier_archives.new).toBe(1);
    // The county's 档案员 over 城关镇 opens the township's own archived file, byte for byte.
    await archivistOver城关(county, 'pingcha');
    const there = await county.app.ok('dossiers:pdf', { caseId, revision: 1 });
    expect(there.sha256).toBe(archived.sha256);
    expect(there.dataBase64).toBe(archived.dataBase64);
    expect((await county.app.ok('dossiers:get', { caseId })).archives).toEqual([
      expect.objectContaining({
        revision: 1,
        missingReason: ARCHIVE_NOTE,
        reopenedAt: null,
      }),
    ]);

    // Re-opened at the township to add a paper: the county's copy says so after the next package.
    await archivistOver城关(town, 'guidang');
    await town.app.ok('dossiers:reopen', { caseId, reason: '补入当事人身份证明复印件' });
    const again = await exchange(town, county);
    expect(again.imported.counts.dossier_archives).toMatchObject({ new: 0, updated: 1, conflict: 0 });
    await archivistOver城关(county, 'pingcha');
    const dossier = await county.app.ok('dossiers:get', { caseId });
    expect(dossier.dossier?.state).toBe('open');
    expect(dossier.archives[0]).toMatchObject({ reopenReason: '补入当事人身份证明复印件' });
    await replayChangesNothing(town, county);
  });

  it('keeps an archived PDF too large for a package at the township, says so, and sends the rest', async () => {
    const { county, town } = await offices();
    const caseId = await archivedCase(town);
    // Large scans in it: over the 20 MB a record may carry, which would make the county refuse the package.
    const big = Buffer.alloc(MAX_EXCHANGED_FILE_BYTES + 1024 * 1024, 0x25);
    town.app.session
      .requireUnlocked()
      .store.sql.run(
        'UPDATE dossier_archives SET pdf = ? WHERE dossier_id IN (SELECT id FROM dossiers WHERE case_id = ?)',
        big,
        caseId,
      );

    await town.admin();
    const plan = await town.app.ok('exchange:plan', { officeId: COUNTY_ID });
    expect(plan.tooLarge).toBe(1);
    expect(plan.counts.dossier_archives).toBe(0);
    const { sent, imported } = await exchange(town, county);
    expect(sent.tooLarge).toBe(1);
    expect(imported.counts.dossiers.new).toBe(1);
    expect(imported.counts.dossier_archives.new).toBe(0);
    const [entry] = (await town.app.ok('audit:list', { action: 'exchange:generate' })).items;
    expect(entry!.detail).toContain('另有1个文件超过20 MB未放入');
  });

  it('turns a deadline rule changed on both sides into a conflict the township resolves', async () => {
    const { county, town } = await offices();
    await county.admin();
    await county.app.ok('settings:update', { mediationLimitDays: 45 });
    await exchange(county, town);
    await exchange(town, county); // the township's receipt
    await county.app.ok('settings:update', { mediationLimitDays: 60 });
    await town.admin();
    await town.app.ok('settings:update', { mediationLimitDays: 25 });

    const { imported } = await exchange(county, town);
    expect(imported.counts.settings).toMatchObject({ updated: 0, conflict: 1 });
    // Nothing silently overwritten.
    expect((await town.app.ok('settings:get', {})).mediationLimitDays).toBe(25);
    const [conflict] = (await town.app.ok('exchange:conflicts', {})).items;
    expect(conflict).toMatchObject({ tableLabel: '期限规则和文书设置', title: '调解期限（天）' });
    expect(conflict!.fields.find((f) => f.field === 'value')).toEqual({
      field: 'value',
      label: '设定值',
      local: '25',
      remote: '60',
      differs: true,
    });
    await town.app.ok('exchange:resolveConflict', { conflictId: conflict!.id, keep: 'remote' });
    expect((await town.app.ok('settings:get', {})).mediationLimitDays).toBe(60);
    await replayChangesNothing(county, town);
  });
});
