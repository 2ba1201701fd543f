import { isTable, tokenColumn, tokenized } from '../../db/postgres/schema/columns';
import type { Statements } from '../../db/sql';
import type { CreateCaseInput } from '../../main/contract';
import { caseTables } from '../../main/contract/exchange/caseRecords';
import { aCase, aPerson } from '../fixtures/builders';
import { ADMIN, addUser, switchUser, type TestApp } from './app';
import { CHENGGUAN_ID, COUNTY_ID, setUpOffice, trustEachOther } from './exchange';
import { tempDir } from './tempDir';

// Cases across two installations (issue 14): a desk at an office (its staff account and one
// mediator on its roster), registering and mediating a case there, and one package each way.

export interface Desk {
  app: TestApp;
  officeId: string;
  mediatorId: string;
  /** Signs the office's staff (受理员、分流员) in. */
  staff(): Promise<void>;
  /** Signs the roster mediator's own account in. */
  mediator(): Promise<void>;
  admin(): Promise<void>;
}

export async function desk(app: TestApp, officeId: string, mediatorName: string): Promise<Desk> {
  const mediator = await app.ok('mediators:save', {
    kind: 'mediator',
    name: mediatorName,
    sex: 'male',
    employment: 'part_time',
    grade: 'second',
    specialties: ['neighbour'],
    householdMembers: [],
    memberships: [{ organisationId: officeId, position: '委员' }],
  });
  const user = await addUser(app, `staff${officeId.slice(0, 4)}`, ['intake', 'dispatcher'], undefined, {
    organisationIds: [officeId],
  });
  const mediatorUser = await addUser(app, `tj${officeId.slice(0, 4)}`, ['mediator'], undefined, {
    mediatorId: mediator.id,
  });
  return {
    app,
    officeId,
    mediatorId: mediator.id,
    staff: () => switchUser(app, user.username, user.password),
    mediator: () => switchUser(app, mediatorUser.username, mediatorUser.password),
    admin: () => switchUser(app, ADMIN.username, ADMIN.password),
  };
}

let n = 0;

/** A valid resident ID number (GB 11643 check digit) for a person born in Pingluo. */
export function residentId(serial: number): string {
  const body = `64022119800101${String(100 + (serial % 900)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

/** A neighbour dispute registered by the office's committee in 城关镇 (as its staff). */
export async function registerCase(d: Desk, overrides: Partial<CreateCaseInput> = {}) {
  await d.staff();
  n += 1;
  const input = aCase({
    committeeId: d.officeId,
    disputeType: 'neighbour',
    township: '城关镇',
    village: undefined,
    summary: `相邻两户因院墙排水问题发生争执，多次协商未果，第${n}起。`,
    parties: [
      // With ID numbers: an edit of the registration keeps the same party records.
      aPerson({ name: `申请人${n}`, idNumber: residentId(2 * n) }),
      aPerson({ name: `被申请人${n}`, role: 'respondent', idNumber: residentId(2 * n + 1) }),
    ],
    ...overrides,
  });
  const created = await d.app.ok('cases:create', input);
  const { committeeId: _c, relatedCaseIds: _r, ...editable } = input;
  return {
    id: created.id,
    caseNumber: created.caseNumber,
    /** What 修改登记信息 sends back, with the case's party links. */
    updateInput: (version: number, summary: string) => ({
      ...editable,
      id: created.id,
      version,
      summary,
      parties: input.parties.map((p, i) => ({ ...p, casePartyId: created.parties[i]!.casePartyId })),
      reason: '补充情况',
    }),
  };
}

/** The committee takes the case with its mediator, holds a session and records an agreement. */
export async function mediate(d: Desk, caseId: string, how: 'dispatch' | 'transfer' = 'dispatch') {
  await d.staff();
  const assignment = {
    caseId,
    committeeId: d.officeId,
    mediatorIds: [d.mediatorId],
    leadMediatorId: d.mediatorId,
  };
  if (how === 'dispatch') await d.app.ok('workflow:dispatch', assignment);
  else await d.app.ok('workflow:transfer', { ...assignment, reason: '由本级调解中心直接调处' });
  await d.app.ok('workflow:respond', { caseId, accept: true });
  await d.mediator();
  await d.app.ok('workflow:addRecord', {
    caseId,
    kind: 'mediation',
    heldAt: '2026-11-30T08:30:00+08:00',
    place: '调解室',
    partiesPresent: '双方当事人',
    rightsNotified: true,
    statements: '双方陈述了院墙排水的经过，经调解员释法说理，双方同意协商解决。',
    result: '达成协议',
    recorder: '李青',
  });
  return d.app.ok('workflow:recordAgreement', {
    caseId,
    kind: 'written',
    facts: '双方院墙排水互相影响，经调解双方就改建排水沟达成一致意见。',
    terms: ['被申请人于十日内改建排水沟，费用由双方各半承担。'],
    performanceManner: '自行履行',
    performancePlace: '平罗县城关镇',
    performanceDeadline: '2026-12-10',
    reachedOn: '2026-11-30',
    effectiveOn: '2026-11-30',
  });
}

/** A township case escalated (上报) to the county, sent up, and taken on by the county's committee. */
export async function escalatedToCounty(town: Desk, county: Desk) {
  const c = await registerCase(town);
  await town.staff();
  await town.app.ok('workflow:escalate', { caseId: c.id, riskNote: '涉及多户群体，请县调解中心协调' });
  await exchange(town, county);
  await mediate(county, c.id, 'transfer');
  return c;
}

/** One package from `from` to `to`, generated by and imported by each side's 管理员. */
export async function exchange(from: Desk, to: Desk) {
  await from.admin();
  const sent = await from.app.ok('exchange:generate', { officeId: to.officeId, folder: tempDir('pkg-') });
  await to.admin();
  const imported = await to.app.ok('exchange:import', { path: sent.path });
  return { sent, imported };
}

/** The county centre and 城关镇, trusting each other, each with its desk. */
export async function offices() {
  const countyApp = await setUpOffice(COUNTY_ID);
  const townApp = await setUpOffice(CHENGGUAN_ID);
  await trustEachOther(countyApp, townApp);
  const county = await desk(countyApp, COUNTY_ID, '县中心调解员');
  const town = await desk(townApp, CHENGGUAN_ID, '城关调解员');
  return { county, town, pair: { county: countyApp, town: townApp } };
}

/** Every row of these cases, table by table, as stored (all columns), their links included. */
export function rowsOf(app: TestApp, caseIds: string[]): Record<string, unknown[]> {
  const sql = app.session.requireUnlocked().store.sql;
  const ids = JSON.stringify(caseIds);
  const inCases = `IN (SELECT value FROM json_each('${ids}'))`;
  const where: Record<string, string> = {
    cases: `id ${inCases}`,
    parties: `id IN (SELECT party_id FROM case_parties WHERE case_id ${inCases})`,
    case_assignment_mediators: `assignment_id IN (SELECT id FROM case_assignments WHERE case_id ${inCases})`,
    mediators: `id IN (SELECT mediator_id FROM case_assignment_mediators am JOIN case_assignments a
      ON a.id = am.assignment_id WHERE a.case_id ${inCases})`,
    mediator_memberships: `mediator_id IN (SELECT mediator_id FROM case_assignment_mediators am JOIN case_assignments a
      ON a.id = am.assignment_id WHERE a.case_id ${inCases})`,
  };
  return Object.fromEntries(
    [...caseTables, 'case_links'].map((t) => [
      t,
      sql
        .all<Record<string, unknown>>(
          `SELECT * FROM ${t} WHERE ${where[t] ?? `case_id ${inCases}`} ORDER BY id`,
        )
        .map((row) => asStored(sql, t, row)),
    ]),
  );
}

/**
 * A row as an office holds it, whichever its store. The centre's PostgreSQL adds two kinds of
 * column of its own, which a row read from SQLite (SELECT * leaves the hidden rowid out) never
 * shows and which differ between offices by design: `rowid` (this database's insertion order,
 * db/postgres/schema/rowid.ts) and the keyed tokens beside sealed columns (under each office's
 * own key, db/postgres/schema/columns.ts). Every other column is compared as it is.
 */
function asStored(sql: Statements, table: string, row: Record<string, unknown>): Record<string, unknown> {
  if (sql.dialect === 'sqlite') return row;
  const own = new Set(['rowid', ...(isTable(table) ? tokenized(table).map(tokenColumn) : [])]);
  return Object.fromEntries(Object.entries(row).filter(([column]) => !own.has(column)));
}
