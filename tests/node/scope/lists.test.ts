// Lists, search, counts, 我的待办, the overview and party look-ups never include a case outside
// the user's committee scope (issue 9), on one installation holding five committees' cases, with
// escalation, transfer and a mediator assigned across committees. Expected results come from
// what each case went through (the oracle below), not from the index under test; every query
// runs under each list strategy (driven by hits, by the scope's rows, or walking an index).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseListItem, ListCasesInput, Role } from '../../../main/contract';
import { listStrategyLimits } from '../../../db';
import { aCase, anOrganisation, aPerson, SEED } from '../../fixtures/builders';
import { createChineseFaker } from '../../fixtures/chineseNames';
import { ROSTER } from '../../fixtures/roster';
import { ADMIN, addUser, setUpApp, switchUser, type TestApp } from '../../helpers/app';
import { searchScopeMismatches } from '../../helpers/searchScope';

const COUNTY = SEED.countyCenterId;
const MEDICAL = SEED.medicalCommitteeId;
const YAOFU = SEED.yaofuCommitteeId;
const CHENGGUAN = '2dc93d7a-271f-4463-b352-6df512232bdc'; // 城关镇人民调解委员会
let VILLAGE = '';

type Who = 'county' | 'yaofu' | 'village' | 'multi' | 'mediator';
interface Registered {
  id: string;
  caseNumber: string;
  status: 'accepted' | 'dispatched';
  /** Everything written on the case that a Chinese query can match. */
  text: string[];
  idNumbers: string[];
  township: string;
  /** Every organisation that has held the case. */
  held: Set<string>;
  mediators: Set<string>;
}

const faker = createChineseFaker('scope-lists');
const maYuLan = { name: '马玉兰', idNumber: faker.idNumber({ sex: 'female', birthDate: '1979-09-30' }) };
const staff: Role[] = ['intake', 'dispatcher'];

let app: TestApp;
let dataDir = '';
let medicalMediator = '';
let townshipMediator = '';
const cases: Registered[] = [];
const orgsOf: Record<Who, string[]> = {
  county: [COUNTY],
  yaofu: [YAOFU],
  village: [],
  multi: [CHENGGUAN],
  mediator: [MEDICAL],
};
/** What each organisation covers: itself and everything under it (as set up below). */
const under = (org: string): string[] =>
  org === COUNTY ? [COUNTY, MEDICAL] : org === YAOFU ? [YAOFU, VILLAGE] : [org];

const as = (who: Who) => switchUser(app, who, 'Passw0rd1');

function sees(who: Who, c: Registered): boolean {
  const scope = new Set(orgsOf[who].flatMap(under));
  return [...c.held].some((o) => scope.has(o)) || (who === 'mediator' && c.mediators.has(medicalMediator));
}
const expected = (who: Who, pred: (c: Registered) => boolean = () => true) =>
  new Set(cases.filter((c) => sees(who, c) && pred(c)).map((c) => c.id));

async function register(who: Who, committeeId: string, n: number, extra: { planted?: boolean } = {}) {
  await as(who);
  const { township, village } = faker.village();
  const applicant = extra.planted
    ? { name: '马兰', idNumber: faker.idNumber({ sex: 'female' }) }
    : faker.person();
  const other = n % 3 === 0 ? maYuLan : faker.person();
  const company = faker.organisationName();
  const summary = `${applicant.name}与${other.name}因院墙排水问题发生纠纷，双方协商未果。`;
  const created = await app.ok(
    'cases:create',
    aCase({
      committeeId,
      township,
      village,
      summary,
      parties: [
        aPerson({ name: applicant.name, idNumber: applicant.idNumber, phone: faker.mobile() }),
        aPerson({ role: 'respondent', name: other.name, idNumber: other.idNumber, phone: faker.mobile() }),
        anOrganisation({ role: 'third_party', name: company, creditCode: faker.creditCode() }),
      ],
      repeatReason: '另一纠纷，与前案无关',
    }),
  );
  const c: Registered = {
    id: created.id,
    caseNumber: created.caseNumber,
    status: 'accepted',
    text: [applicant.name, other.name, company, '王建军', summary, township, village, aCase().requests],
    idNumbers: [applicant.idNumber, other.idNumber],
    township,
    held: new Set([committeeId]),
    mediators: new Set(),
  };
  cases.push(c);
  return c;
}

async function dispatch(c: Registered, committeeId: string, mediatorId: string) {
  await app.ok('workflow:dispatch', {
    caseId: c.id,
    committeeId,
    mediatorIds: [mediatorId],
    leadMediatorId: mediatorId,
  });
  c.held.add(committeeId);
  c.mediators.add(mediatorId);
  c.status = 'dispatched';
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-scope-'));
  app = await setUpApp(dataDir, { shared: true });
  const village = await app.ok('orgs:save', {
    name: '姚伏镇永丰村人民调解委员会',
    kind: 'village',
    parentId: YAOFU,
    abbreviation: '平永丰',
    caseNumberPattern: '（{year}）{abbr}调字第{seq:4}号',
    township: '姚伏镇',
  });
  VILLAGE = village.id;
  orgsOf.village = [VILLAGE];
  orgsOf.multi = [CHENGGUAN, VILLAGE];
  medicalMediator = (await app.ok('mediators:save', ROSTER.medical)).id;
  townshipMediator = (await app.ok('mediators:save', ROSTER.township)).id;
  for (const who of ['county', 'yaofu', 'village', 'multi'] as const)
    await addUser(app, who, staff, 'Passw0rd1', { organisationIds: orgsOf[who] });
  await addUser(app, 'mediator', ['mediator'], 'Passw0rd1', {
    organisationIds: orgsOf.mediator,
    mediatorId: medicalMediator,
  });

  let n = 0;
  for (let i = 0; i < 8; i++) await register('county', COUNTY, n++, { planted: i === 1 });
  for (let i = 0; i < 8; i++) await register('yaofu', YAOFU, n++, { planted: i === 0 });
  for (let i = 0; i < 4; i++) await register('village', VILLAGE, n++, { planted: i === 0 });
  for (let i = 0; i < 4; i++) await register('multi', CHENGGUAN, n++, { planted: i === 0 });

  // The county sends two cases to its medical committee; one of them on to 姚伏镇 (it keeps reading it).
  await as('county');
  await dispatch(cases[1]!, MEDICAL, medicalMediator);
  await dispatch(cases[2]!, MEDICAL, medicalMediator);
  await app.ok('workflow:transfer', {
    caseId: cases[2]!.id,
    committeeId: YAOFU,
    mediatorIds: [townshipMediator],
    leadMediatorId: townshipMediator,
    reason: '属地化解更合适',
  });
  cases[2]!.held.add(YAOFU);
  cases[2]!.status = 'dispatched';
  cases[2]!.mediators.add(townshipMediator);
  // 姚伏镇 escalates one to the county, and has the medical committee's 马秀英 mediate another.
  await as('yaofu');
  await app.ok('workflow:escalate', { caseId: cases[9]!.id, riskNote: '涉及多户，需县级协调' });
  cases[9]!.held.add(COUNTY);
  cases[9]!.status = 'dispatched';
  await dispatch(cases[10]!, YAOFU, medicalMediator);
}, 120_000);

afterAll(async () => {
  listStrategyLimits.hits = 150;
  listStrategyLimits.scope = 400;
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const strategies = [
  { name: 'default', hits: 150, scope: 400 },
  { name: 'walk the index', hits: 0, scope: 0 },
  { name: 'hits, then walk', hits: 150, scope: 0 },
  { name: 'the scope’s rows', hits: 0, scope: 1_000_000 },
];
const who: Who[] = ['county', 'yaofu', 'village', 'multi', 'mediator'];

async function found(input: ListCasesInput): Promise<Set<string>> {
  const page = await app.ok('cases:list', { pageSize: 200, ...input });
  expect(page.items).toHaveLength(page.total);
  return new Set(page.items.map((i: CaseListItem) => i.id));
}

describe('lists, search and counts in scope', () => {
  it('keeps the search index’s scope column equal to case_scope for every principal', () => {
    // After registration, dispatch, transfer, escalation and a mediator assigned across committees.
    expect(searchScopeMismatches(app)).toEqual([]);
  });

  it('each user lists, searches and counts only the cases in their scope, under every strategy', async () => {
    const maYuLanCases = (c: Registered) => c.idNumbers.includes(maYuLan.idNumber);
    for (const s of strategies) {
      listStrategyLimits.hits = s.hits;
      listStrategyLimits.scope = s.scope;
      for (const w of who) {
        await as(w);
        const label = `${w} / ${s.name}`;
        expect(await found({}), label).toEqual(expected(w));
        expect(expected(w).size, label).toBeGreaterThan(0);
        // A 2-character name, and a name every committee has.
        const has = (q: string) => (c: Registered) => c.text.some((t) => t.includes(q));
        expect(await found({ query: '马兰' }), `${label} 马兰`).toEqual(expected(w, has('马兰')));
        expect(expected(w, has('马兰')).size, label).toBeGreaterThan(0);
        // A person in several committees' cases: by the last 4 digits of the ID, and in full.
        expect(await found({ query: maYuLan.idNumber.slice(-4) }), `${label} suffix`).toEqual(
          expected(w, (c) => c.idNumbers.some((id) => id.endsWith(maYuLan.idNumber.slice(-4)))),
        );
        expect(await found({ query: maYuLan.idNumber }), `${label} full ID`).toEqual(
          expected(w, maYuLanCases),
        );
        // A summary word every case has, alone and with a filter.
        expect(await found({ query: '院墙' }), `${label} word`).toEqual(expected(w));
        expect(await found({ query: '院墙', township: '姚伏镇' }), `${label} word+township`).toEqual(
          expected(w, (c) => c.township === '姚伏镇'),
        );
        expect(await found({ statuses: ['accepted'] }), `${label} status`).toEqual(
          expected(w, (c) => c.status === 'accepted'),
        );
        // Another committee's case by its number: not there at all.
        for (const c of cases)
          expect(await found({ query: c.caseNumber }), `${label} ${c.caseNumber}`).toEqual(
            sees(w, c) ? new Set([c.id]) : new Set(),
          );
      }
    }
  }, 120_000);

  it('pages through exactly the cases in scope, with the same total on every page', async () => {
    for (const s of strategies) {
      listStrategyLimits.hits = s.hits;
      listStrategyLimits.scope = s.scope;
      for (const w of who) {
        await as(w);
        // A search with a filter too: its total is counted beside the page, and past the last page.
        const inputs = [
          {},
          { query: '马' },
          { query: '院墙', township: '姚伏镇' },
          { statuses: ['accepted' as const] },
        ];
        for (const input of inputs) {
          const all = await app.ok('cases:list', { ...input, pageSize: 200 });
          const seen: string[] = [];
          for (let page = 1; page <= Math.ceil(all.total / 3) + 1; page++) {
            const result = await app.ok('cases:list', { ...input, page, pageSize: 3 });
            expect(result.total, `${w} / ${s.name}`).toBe(all.total);
            seen.push(...result.items.map((i) => i.id));
          }
          expect(seen).toEqual(all.items.map((i) => i.id));
        }
      }
    }
  }, 120_000);

  it('finds parties, repeats and related cases only through cases in scope', async () => {
    for (const w of ['county', 'yaofu', 'village'] as const) {
      await as(w);
      const suggestions = await app.ok('parties:search', { query: maYuLan.idNumber.slice(-4) });
      const visible = expected(w, (c) => c.idNumbers.includes(maYuLan.idNumber)).size;
      expect(
        suggestions.filter((p) => p.name === '马玉兰').map((p) => p.caseCount),
        w,
      ).toEqual(visible ? [visible] : []);
      const repeats = await app.ok('cases:checkRepeats', {
        township: '',
        parties: [{ name: '马玉兰', idNumber: maYuLan.idNumber }],
      });
      expect(new Set(repeats.map((r) => r.caseId)), w).toEqual(
        expected(w, (c) => c.idNumbers.includes(maYuLan.idNumber)),
      );
    }
  });

  it('puts on 我的待办 and the overview only what the user’s organisations answer for', async () => {
    await as('yaofu');
    const todo = await app.ok('todo:mine', {});
    const listed = new Set([...todo.newArrivals, ...todo.dueSoon, ...todo.overdue].map((t) => t.caseId));
    // Its own new cases to dispatch, and the one transferred to it; not the one it escalated away.
    expect(listed.has(cases[2]!.id)).toBe(true);
    expect(listed.has(cases[9]!.id)).toBe(false);
    for (const id of listed) expect(expected('yaofu').has(id)).toBe(true);
    const overview = await app.ok('todo:overview', {});
    expect(new Set(overview.rows.map((r) => r.committeeId))).toEqual(new Set([YAOFU, VILLAGE]));
    await as('county');
    const county = await app.ok('todo:overview', {});
    expect(county.rows.map((r) => r.committeeId)).not.toContain(YAOFU);
    expect(county.rows.find((r) => r.committeeId === COUNTY)).toMatchObject({ open: 7 });
    // The mediator: the cases assigned to them, whichever committee holds them.
    await as('mediator');
    const mine = await app.ok('todo:mine', {});
    expect(new Set(mine.newArrivals.map((t) => t.caseId))).toEqual(new Set([cases[1]!.id, cases[10]!.id]));
  });

  it('registers only into the scope, and offers only those committees', async () => {
    await as('yaofu');
    const catalog = await app.ok('catalog:get', {});
    expect(catalog.intakeCommitteeIds).toEqual([YAOFU, VILLAGE]);
    expect(
      await app.call('cases:create', aCase({ committeeId: COUNTY, repeatReason: '另一纠纷' })),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '受理调委会：只能登记到您所属的调解组织或其下属组织，请从列表中选择',
        issues: [{ path: ['committeeId'] }],
      },
    });
  });

  it('follows the organisation tree when it changes', async () => {
    const chengguan = cases.filter((c) => c.held.has(CHENGGUAN)).map((c) => c.id);
    await switchUser(app, ADMIN.username, ADMIN.password);
    const tree = await app.ok('orgs:tree', {});
    const org = tree.organisations.find((o) => o.id === CHENGGUAN)!;
    const save = async (parentId: string | null) =>
      app.ok('orgs:save', {
        id: org.id,
        version: (await app.ok('orgs:tree', {})).organisations.find((o) => o.id === CHENGGUAN)!.version,
        name: org.name,
        kind: org.kind,
        parentId,
        abbreviation: org.abbreviation,
        caseNumberPattern: org.caseNumberPattern,
        township: org.township ?? undefined,
      });
    await save(COUNTY);
    await as('county');
    const widened = await found({});
    for (const id of chengguan) expect(widened.has(id)).toBe(true);
    // And found by a word: the search index learns who holds the cases now.
    const foundByWord = await found({ query: '院墙' });
    for (const id of chengguan) expect(foundByWord.has(id)).toBe(true);
    expect(searchScopeMismatches(app)).toEqual([]);
    await switchUser(app, ADMIN.username, ADMIN.password);
    await save(null);
    await as('county');
    expect(await found({})).toEqual(expected('county'));
    expect(await found({ query: '院墙' })).toEqual(expected('county'));
    expect(searchScopeMismatches(app)).toEqual([]);
  });
});
