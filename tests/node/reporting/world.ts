import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import type { InfoSetName } from '../../../main/contract/province/infoSets';
import { actorScope } from '../../../main/core/scope/actorScope';
import { statisticsWorld, type StatisticsWorld } from '../../fixtures/statisticsWorld';
import { addUser, switchUser } from '../../helpers/app';
import { ORGS } from '../../helpers/workflow';

export const ARCHIVIST_PASSWORD = 'Archive2026ok';

// The provincial package's world: the statistics dataset (cases carried to every outcome, with
// agreements, visits, confirmation applications), plus a screening round with findings, a
// training, and a filed dossier, so every info-set has rich records.

export interface ProvinceWorld extends StatisticsWorld {
  dossierCaseId: string;
  sql(): ReturnType<StatisticsWorld['app']['session']['requireUnlocked']>['store']['sql'];
  scope(): ReturnType<typeof actorScope>;
}

export async function provinceWorld(count = 20): Promise<ProvinceWorld> {
  const w = await statisticsWorld(count);
  const { app } = w;
  await w.as('admin');
  await app.ok('mediators:addTraining', {
    mediatorId: w.mediators.medical,
    date: '2026-03-02',
    days: 2.5,
    kind: 'continuing',
    topic: '医疗纠纷调解实务',
  });
  await w.as('clerk');
  await app.ok('screening:record', {
    organisationId: ORGS.yaofu,
    heldOn: '2026-11-20',
    conductedBy: '李青、王芳',
    method: 'focused',
    area: '姚伏镇各村',
    findings: [
      { kind: 'risk', summary: '灌溉用水分配可能引发纠纷', disposition: 'watch', note: '每周走访一次' },
      {
        kind: 'dispute',
        summary: '邻里院墙纠纷当场化解',
        disposition: 'resolved',
        note: '当场调解，双方握手言和',
      },
    ],
  });
  // The archivist of the county centre and 姚伏镇: every case, round and roster entry of the world.
  await w.as('admin');
  await addUser(app, 'dangan', ['archivist'], ARCHIVIST_PASSWORD, {
    organisationIds: [ORGS.county, ORGS.yaofu],
  });
  await switchUser(app, 'dangan', ARCHIVIST_PASSWORD);
  const sql = () => app.session.requireUnlocked().store.sql;
  const written = w.cases.find((c) => c.outcome === 'written')!;
  const now = app.clock.now().toISOString();
  sql().run(
    `INSERT INTO dossiers (id, origin_office_id, created_at, updated_at, case_id, committee_id, volume_year,
       volume_seq, volume_number, title, filed_by, filed_by_name, filed_on, retention, state)
     VALUES (?, 'fixture', ?, ?, ?, ?, 2026, 1, '平调卷〔2026〕1号', ?, 'fixture', '档案员', '2026-11-29', '长期', 'open')`,
    randomUUID(),
    now,
    now,
    written.id,
    written.committeeId,
    // A parameter: the title is sealed on the centre's store, which seals parameters only.
    '卷宗',
  );
  return {
    ...w,
    dossierCaseId: written.id,
    sql,
    scope: () => actorScope(app.session.repos(), app.session.actor!),
  };
}

/** A validator of the published JSON Schema files (not the zod schemas), per info-set. */
export function publishedValidator(name: InfoSetName) {
  const file = join(import.meta.dirname, '../../../resources/province/schema/v1', `${name}.json`);
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false });
  ajv.addKeyword('x-codeTable');
  ajv.addKeyword('x-personal');
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
}
