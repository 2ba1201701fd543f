import { addUser, switchUser } from '../../helpers/app';
import { CHENGGUAN_ID } from '../../helpers/exchange';
import { exchange, mediate, registerCase, type Desk } from '../../helpers/exchangeCases';

// A township dossier and the county's 案卷评查 of it (issue 14), for the exchange tests.

/** A village committee 城关镇 adds under its own committee (orgs:save input). */
export const XINFENG_COMMITTEE = {
  name: '城关镇新丰村人民调解委员会',
  kind: 'village',
  parentId: CHENGGUAN_ID,
  abbreviation: '平新丰',
  caseNumberPattern: '（{year}）{abbr}调字第{seq:4}号',
  township: '城关镇',
} as const;

/** A local dispute type the county adds (catalog:saveDisputeType input). */
export const GRASSLAND_TYPE = {
  code: 'grassland_use',
  name: '草场使用',
  officialCode: 'land_forest',
  active: true,
} as const;

/** A case the township mediated, visited, closed and filed (立卷). */
export async function filedCase(town: Desk): Promise<string> {
  const c = await registerCase(town);
  await mediate(town, c.id);
  await town.mediator();
  await town.app.ok('workflow:beginPerformance', { caseId: c.id });
  await town.app.ok('workflow:recordVisit', {
    caseId: c.id,
    visitedOn: '2026-11-30',
    visitor: '李青',
    performanceStatus: 'performed',
    satisfaction: 'satisfied',
    escalationSigns: false,
    situation: '排水沟已改建完毕，双方无异议。',
  });
  await town.app.ok('workflow:close', { caseId: c.id });
  await town.app.ok('dossiers:file', { caseId: c.id, retention: '长期' });
  return c.id;
}

/** An 档案员 of 城关镇's cases at this desk (created the first time), signed in. */
export async function archivistOver城关(d: Desk, username: string): Promise<void> {
  await d.admin();
  const users = await d.app.ok('users:list', {});
  if (!users.some((u) => u.username === username))
    await addUser(d.app, username, ['archivist'], undefined, { organisationIds: [CHENGGUAN_ID] });
  await switchUser(d.app, username, 'Passw0rd1');
}

/** A case the township filed and its 档案员 archived (归档, revision 1): the case's id. */
export async function archivedCase(town: Desk): Promise<string> {
  const caseId = await filedCase(town);
  await archivistOver城关(town, 'guidang');
  await town.app.ok('dossiers:archive', { caseId, missingReason: ARCHIVE_NOTE });
  return caseId;
}

/** What the township says is missing when it archives (archivedCase). */
export const ARCHIVE_NOTE = '部分材料由乡镇司法所另行保管';

/** A county archivist over 城关镇 reviews the case's dossier (already at the county): the review's id. */
export async function reviewAtCounty(county: Desk, caseId: string): Promise<string> {
  await archivistOver城关(county, 'pingcha');
  const dossier = await county.app.ok('dossiers:review', {
    caseId,
    reviewedOn: '2026-11-30',
    scores: { intake: 15, investigation: 13, process: 14, agreement: 18, visit: 9, forms: 13, binding: 9 },
    comments: '卷宗完整；回访记录可再具体。',
  });
  return dossier.reviews[0]!.id;
}

/** The township files a case, sends it up, and the county reviews it: the review's id. */
export async function reviewedDossier(county: Desk, town: Desk): Promise<string> {
  const caseId = await filedCase(town);
  await exchange(town, county);
  return reviewAtCounty(county, caseId);
}
