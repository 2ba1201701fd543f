// Finding cases through the one search box, the filters, sorting and pages, as a clerk does:
// through the real dispatch (cases:list) on ~45 cases registered through cases:create. Expected
// results come from what was registered (the oracle below), not from the index under test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseListItem, CreateCaseInput, ListCasesInput, PartyInput } from '../../../main/contract';
import { ManualClock } from '../../../main/core/clock';
import { searchParts } from '../../../main/core/cases/list';
import { createApp, type App } from '../../../main/ipc';
import type { CaseListQuery } from '../../../db';
import { ADMIN, testKdfCost } from '../../helpers/app';
import { SEED } from '../../fixtures/builders';
import { createChineseFaker } from '../../fixtures/chineseNames';

// ---------------------------------------------------------------------------------------------
// The registry: one installation for the whole file (built once; every test only reads).

/** A party as registered (the fields a search can reach). */
interface Party {
  kind: 'person' | 'organisation';
  role: PartyInput['role'];
  name: string;
  idType?: 'resident_id';
  idNumber?: string;
  creditCode?: string;
  representative?: string;
  address?: string;
  phone: string;
  agent?: { name: string; authority: 'general' | 'special'; phone: string };
}

/** A case as registered: sent as cases:create input, kept as the oracle's record. */
interface Intake {
  disputeType: string;
  source: 'party_application';
  township: string;
  village: string;
  receivedOn: string;
  summary: string;
  requests: string;
  amountFen?: string;
  committeeId: string;
  parties: Party[];
  relatedCaseIds: string[];
  repeatReason: string;
}

interface Registered {
  /** Order of registration (ties in a sort fall back to it, newest first). */
  seq: number;
  id: string;
  caseNumber: string;
  input: Intake;
  parties: Party[];
  disputeTypeName: string;
  committeeId: string;
  clerkId: string;
  status: 'accepted' | 'voided';
  amountFen: number | null;
}

type Call = <T = unknown>(
  channel: string,
  input: unknown,
) => Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>;

let app: App;
let dataDir: string;
let call: Call;
const cases: Registered[] = [];
const clerks: { id: string; username: string }[] = [];

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const result = await call<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const faker = createChineseFaker('search-test');
const TYPES: [string, string][] = [
  ['neighbour', '邻里'],
  ['contract', '合同'],
  ['labour', '劳动争议'],
  ['marriage_family', '婚姻家庭'],
  ['housing_homestead', '房屋宅基地'],
];
const WORDS = ['院墙', '工资', '彩礼', '宅基地', '货款'];
const YAOFU_COMMITTEE = 'aaf1c7de-86c0-41e1-85e3-ce66b8045107'; // 姚伏镇人民调解委员会

// Planted people a test looks for by name, number or ID.
const maLan = {
  name: '马兰',
  idNumber: faker.idNumber({ sex: 'female', birthDate: '1968-04-12' }),
  phone: '13995217788',
};
const maYuLan = {
  name: '马玉兰',
  idNumber: faker.idNumber({ sex: 'female', birthDate: '1979-09-30' }),
  phone: '15209521357',
};

interface Who {
  name: string;
  idNumber: string;
  phone: string;
}

function someone(): Who {
  const p = faker.person();
  return { name: p.name, idNumber: p.idNumber, phone: p.mobile };
}

function person(role: Party['role'], who: Who = someone(), extra: Partial<Party> = {}): Party {
  const { township, village } = faker.village();
  return {
    kind: 'person',
    role,
    name: who.name,
    idType: 'resident_id',
    idNumber: who.idNumber,
    address: `平罗县${township}${village}`,
    phone: who.phone,
    ...extra,
  };
}

function organisation(role: Party['role']): Party {
  return {
    kind: 'organisation',
    role,
    name: faker.organisationName(),
    creditCode: faker.creditCode(),
    representative: faker.personName('male'),
    phone: `0952-60${faker.int(10000, 99999)}`,
  };
}

function dateOf(i: number): string {
  // Spread over 2025-01 … 2026-05, each day shared by two cases (sorting must still be stable).
  const day = new Date(Date.UTC(2025, 0, 3) + Math.floor(i / 2) * 25 * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function generated(i: number): { input: Intake; amountFen: number | null } {
  const [type] = TYPES[i % TYPES.length]!;
  const word = WORDS[i % WORDS.length]!;
  const { township, village } = faker.village();
  const parties: Party[] = [
    person('applicant'),
    i % 4 === 0 ? organisation('respondent') : person('respondent'),
  ];
  if (i % 5 === 0) parties.push(person('third_party'));
  if (i % 7 === 0)
    parties[0] = {
      ...parties[0]!,
      agent: { name: faker.personName(), authority: 'general', phone: faker.mobile() },
    };
  const amountFen = i % 6 === 0 ? null : faker.int(1, 500) * 10_000 + (i % 3) * 100;
  return {
    amountFen,
    input: {
      disputeType: type,
      source: 'party_application',
      township,
      village,
      receivedOn: dateOf(i),
      summary: `${parties[0]!.name}与${parties[1]!.name}因${word}问题发生纠纷，双方协商未果。`,
      requests: '请求依法调解。',
      ...(amountFen === null ? {} : { amountFen: (amountFen / 100).toFixed(2) }),
      committeeId: i % 3 === 0 ? YAOFU_COMMITTEE : SEED.countyCenterId,
      parties,
      relatedCaseIds: [],
      repeatReason: '另一纠纷，与前案无关',
    },
  };
}

function planted(): { input: Intake; amountFen: number | null }[] {
  const base = {
    source: 'party_application',
    requests: '请求调解。',
    relatedCaseIds: [] as string[],
    repeatReason: '另一纠纷，与前案无关',
  } satisfies Partial<Intake>;
  return [
    {
      amountFen: 1_250_000,
      input: {
        ...base,
        disputeType: 'neighbour',
        township: '姚伏镇',
        village: '永丰村',
        receivedOn: '2026-03-15',
        summary: '马兰与王建国因院墙排水问题发生纠纷。',
        amountFen: '12500',
        committeeId: YAOFU_COMMITTEE,
        parties: [
          person('applicant', maLan),
          person('respondent', {
            name: '王建国',
            idNumber: faker.idNumber({ sex: 'male' }),
            phone: faker.mobile(),
          }),
        ],
      },
    },
    {
      amountFen: null,
      input: {
        ...base,
        disputeType: 'marriage_family',
        township: '城关镇',
        village: '东街社区',
        receivedOn: '2026-03-15',
        summary: '马玉兰与其子女因赡养问题发生纠纷。',
        committeeId: SEED.countyCenterId,
        parties: [
          person('applicant', maYuLan, {
            agent: { name: '赵子龙', authority: 'special', phone: '13800001111' },
          }),
          person('respondent'),
        ],
      },
    },
  ];
}

async function signIn(username: string, password: string) {
  await call('auth:signOut', {});
  await ok('auth:signIn', { username, password });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-search-'));
  app = createApp({ dataDir, clock: new ManualClock(), kdfCost: testKdfCost });
  call = app.dispatch as unknown as Call;
  const { recoveryCode } = await ok<{ recoveryCode: string }>('setup:begin', {});
  const offices = await ok<{ id: string }[]>('setup:offices', {});
  await ok('setup:complete', {
    office: { kind: 'listed', id: offices[0]!.id },
    admin: { ...ADMIN, passwordConfirm: ADMIN.password },
    recoveryCode,
  });
  for (const username of ['clerka', 'clerkb']) {
    const user = await ok<{ id: string }>('users:create', {
      username,
      displayName: `受理${username.slice(-1)}`,
      roles: ['intake'],
      password: 'Passw0rd1',
      // Both committees: every case below is in their scope (tests/node/scope covers narrower ones).
      organisationIds: [SEED.countyCenterId, YAOFU_COMMITTEE],
    });
    clerks.push({ id: user.id, username });
  }
  const all = [...Array.from({ length: 42 }, (_, i) => generated(i)), ...planted()];
  for (const [half, batch] of [all.slice(0, 22), all.slice(22)].entries()) {
    await signIn(clerks[half]!.username, 'Passw0rd1');
    for (const { input, amountFen } of batch) {
      const created = await ok<{ id: string; caseNumber: string; disputeTypeName: string }>(
        'cases:create',
        input satisfies CreateCaseInput,
      );
      cases.push({
        seq: cases.length,
        id: created.id,
        caseNumber: created.caseNumber,
        input,
        parties: input.parties,
        disputeTypeName: created.disputeTypeName,
        committeeId: input.committeeId,
        clerkId: clerks[half]!.id,
        status: 'accepted',
        amountFen,
      });
    }
  }
  for (const c of [cases[4]!, cases[17]!, cases[30]!]) {
    await ok('cases:void', { id: c.id, reason: '重复登记，误操作' });
    c.status = 'voided';
  }
}, 60_000);

afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// The oracle: what a search should find, written from the rules the clerk is told.

/** Everything written on a case that a Chinese query can match (contiguous characters). */
function hanText(c: Registered): string[] {
  const names = c.parties.flatMap((p) => [
    p.name,
    p.kind === 'organisation' ? (p.representative ?? '') : '',
    p.agent?.name ?? '',
  ]);
  return [
    ...names,
    c.caseNumber,
    c.disputeTypeName,
    c.input.township,
    c.input.village,
    c.input.summary,
    c.input.requests,
  ];
}

/** Numbers on a case: a digit query finds a case when one of them starts with the digits. */
function numbers(c: Registered): string[] {
  const out: string[] = [];
  for (const run of c.caseNumber.match(/\d+/g) ?? []) out.push(run, run.replace(/^0+(?=\d)/, ''));
  const phones = c.parties.flatMap((p) => [p.phone, p.agent?.phone ?? '']).filter(Boolean);
  for (const phone of phones) {
    const digits = phone.replace(/\D/g, '');
    out.push(...(phone.match(/\d+/g) ?? []), digits, digits.slice(-4));
  }
  for (const id of idNumbers(c)) out.push(id.slice(-4).toLowerCase());
  return out;
}

function idNumbers(c: Registered): string[] {
  return c.parties.flatMap((p) => (p.kind === 'person' && p.idNumber ? [p.idNumber.toUpperCase()] : []));
}

/** ID numbers and organisations' credit codes: both are found in full or by their last 4+ characters. */
function codes(c: Registered): string[] {
  return [...idNumbers(c), ...c.parties.flatMap((p) => (p.creditCode ? [p.creditCode] : []))];
}

function expectedFor(query: string): Set<string> {
  const q = query.normalize('NFKC').trim();
  const found = cases.filter((c) => {
    if (/^\p{Script=Han}+$/u.test(q)) return hanText(c).some((t) => t.includes(q));
    if (/^\d{2,}$/.test(q)) {
      return (
        numbers(c).some((n) => n.startsWith(q)) || (q.length >= 4 && codes(c).some((id) => id.endsWith(q)))
      );
    }
    // Letters and digits: the end of a credit code (or of an ID number ending in X).
    if (/^[0-9A-Z]{4,}$/i.test(q)) return codes(c).some((code) => code.endsWith(q.toUpperCase()));
    throw new Error(`the oracle does not cover "${query}"`);
  });
  return new Set(found.map((c) => c.id));
}

async function list(input: ListCasesInput = {}) {
  return ok<{ items: CaseListItem[]; total: number; page: number; pageSize: number }>('cases:list', {
    pageSize: 200,
    ...input,
  });
}

async function found(input: ListCasesInput | string): Promise<Set<string>> {
  const page = await list(typeof input === 'string' ? { query: input } : input);
  expect(page.items).toHaveLength(page.total);
  return new Set(page.items.map((i) => i.id));
}

const idsOf = (list: Registered[]) => new Set(list.map((c) => c.id));
const plantedMaLan = () => cases.find((c) => c.parties[0]!.name === '马兰')!;
const plantedMaYuLan = () => cases.find((c) => c.parties[0]!.name === '马玉兰')!;

// ---------------------------------------------------------------------------------------------

describe('the search box', () => {
  it('finds a 2-character name, and not a longer name that merely contains its characters', async () => {
    const result = await found('马兰');
    expect(result).toEqual(expectedFor('马兰'));
    expect(result.has(plantedMaLan().id)).toBe(true);
    expect(result.has(plantedMaYuLan().id)).toBe(false);
  });

  it('finds partial names: one character, two of three, a given name, an agent, a representative', async () => {
    for (const q of ['马', '玉兰', '马玉', '建国', '赵子龙', '子龙'])
      expect(await found(q), q).toEqual(expectedFor(q));
    expect((await found('玉兰')).has(plantedMaYuLan().id)).toBe(true);
    expect((await found('赵子龙')).has(plantedMaYuLan().id)).toBe(true);
    const org = cases.find((c) => c.parties[1]!.kind === 'organisation')!;
    const orgName = org.parties[1]!.name;
    expect(await found(orgName)).toEqual(expectedFor(orgName));
    expect((await found(orgName)).has(org.id)).toBe(true);
    const representative = org.parties[1]!.representative!;
    expect((await found(representative)).has(org.id)).toBe(true);
  });

  it('finds words of the summary, the dispute type, the township and village', async () => {
    for (const q of ['院墙', '彩礼', '工资', '赡养', '排水问题', '劳动争议', '永丰村', '姚伏镇']) {
      const result = await found(q);
      expect(result, q).toEqual(expectedFor(q));
      expect(result.size, q).toBeGreaterThan(0);
    }
    expect(await found('没有这个词')).toEqual(new Set());
  });

  it('finds a case by its full number (only that case), and by its sequence digits', async () => {
    for (const c of [cases[0]!, cases[21]!, plantedMaLan()]) {
      expect(await found(c.caseNumber)).toEqual(new Set([c.id]));
      // Typed with half-width brackets and spaces, as from a paper form.
      const typed = c.caseNumber.replace('（', '( ').replace('）', ') ');
      expect(await found(typed)).toEqual(new Set([c.id]));
    }
    const seqOf = (c: Registered) => /第(\d+)号/.exec(c.caseNumber)![1]!;
    const c = cases.find((x) => Number(seqOf(x)) >= 10)!;
    const seq = seqOf(c); // e.g. 0013
    expect(await found(seq)).toEqual(expectedFor(seq));
    expect((await found(seq)).has(c.id)).toBe(true);
    const bare = seq.replace(/^0+/, ''); // '13': clerks need not type the zeros
    expect(await found(bare)).toEqual(expectedFor(bare));
    expect((await found(bare)).has(c.id)).toBe(true);
  });

  it('finds a phone number in full and by its last four digits', async () => {
    expect(await found(maLan.phone)).toEqual(new Set([plantedMaLan().id]));
    expect(await found('7788')).toEqual(expectedFor('7788'));
    expect((await found('7788')).has(plantedMaLan().id)).toBe(true);
    // Spaces and dashes as people say numbers; full-width digits from a Chinese IME.
    expect(await found('139 9521 7788')).toEqual(new Set([plantedMaLan().id]));
    expect(await found('７７８８')).toEqual(await found('7788'));
    // A landline of an organisation, with and without its area code.
    const org = cases.find((c) => c.parties[1]!.kind === 'organisation')!;
    const landline = org.parties[1]!.phone;
    expect((await found(landline)).has(org.id)).toBe(true);
    expect((await found(landline.slice(-4))).has(org.id)).toBe(true);
  });

  it('finds a full ID number exactly (18 digits, or the legacy 15-digit form), and by its last 4 or 6 digits', async () => {
    expect(await found(maLan.idNumber)).toEqual(new Set([plantedMaLan().id]));
    expect(await found(maLan.idNumber.toLowerCase())).toEqual(new Set([plantedMaLan().id]));
    // The 15-digit card of someone born in 1968: region + yymmdd + sequence, no check digit.
    const legacy = maLan.idNumber.slice(0, 6) + maLan.idNumber.slice(8, 17);
    expect(legacy).toHaveLength(15);
    expect(await found(legacy)).toEqual(new Set([plantedMaLan().id]));
    for (const tail of [maYuLan.idNumber.slice(-4), maYuLan.idNumber.slice(-6)]) {
      expect(await found(tail), tail).toEqual(expectedFor(tail));
      expect((await found(tail)).has(plantedMaYuLan().id), tail).toBe(true);
    }
    // Someone else's full ID finds only their cases.
    const other = cases[9]!;
    const otherId = idNumbers(other)[0]!;
    expect(await found(otherId)).toEqual(idsOf(cases.filter((c) => idNumbers(c).includes(otherId))));
  });

  it('finds an organisation by its full credit code, and by its last 4 characters, as ID numbers are', async () => {
    const org = cases.find((c) => c.status === 'accepted' && c.parties[1]!.kind === 'organisation')!;
    const code = org.parties[1]!.creditCode!;
    const sameCode = idsOf(cases.filter((c) => c.status === 'accepted' && codes(c).includes(code)));
    expect(await found(code)).toEqual(sameCode);
    expect(await found(code.toLowerCase())).toEqual(sameCode);
    expect(await found(`${code.slice(0, 8)} ${code.slice(8)}`)).toEqual(sameCode);
    for (const tail of [code.slice(-4), code.slice(-4).toLowerCase(), code.slice(-6)]) {
      expect(await found(tail), tail).toEqual(expectedFor(tail));
      expect((await found(tail)).has(org.id), tail).toBe(true);
    }
    // The leading characters of a code find nothing: only the tail is looked up.
    expect(await found(code.slice(0, 12))).toEqual(new Set());
  });

  it('says which party each case was found by, never with a full ID number', async () => {
    const matched = async (query: string, caseId: string) =>
      (await list({ query })).items.find((i) => i.id === caseId)?.matchedParty;
    expect(await matched('玉兰', plantedMaYuLan().id)).toBe('马玉兰');
    expect(await matched('赵子龙', plantedMaYuLan().id)).toBe('马玉兰（代理人赵子龙）');
    expect(await matched('7788', plantedMaLan().id)).toBe(`马兰（电话${maLan.phone}）`);
    expect(await matched(maYuLan.idNumber.slice(-6), plantedMaYuLan().id)).toBe(
      `马玉兰（证件尾号${maYuLan.idNumber.slice(-4)}）`,
    );
    expect(await matched(maLan.idNumber, plantedMaLan().id)).toBe(
      `马兰（证件尾号${maLan.idNumber.slice(-4)}）`,
    );
    const org = cases.find((c) => c.status === 'accepted' && c.parties[1]!.kind === 'organisation')!;
    const code = org.parties[1]!.creditCode!;
    expect(await matched(code, org.id)).toBe(`${org.parties[1]!.name}（信用代码${code}）`);
    // A summary word is no party's: nothing is singled out. Without a search, nothing either.
    expect(await matched('院墙', plantedMaLan().id)).toBeUndefined();
    expect((await list()).items.every((i) => i.matchedParty === undefined)).toBe(true);
    const page = await list({ query: maLan.idNumber });
    expect(JSON.stringify(page)).not.toContain(maLan.idNumber);
  });

  it('never finds a case by the leading digits of an ID number (full numbers are not in the index)', async () => {
    expect(await found(maLan.idNumber.slice(0, 14))).toEqual(new Set());
    expect(await found(maLan.idNumber.slice(0, 10))).toEqual(new Set());
  });

  it('shows voided cases too, with their status', async () => {
    const voided = cases.find((c) => c.status === 'voided')!;
    const page = await list({ query: voided.caseNumber });
    expect(page.items).toEqual([expect.objectContaining({ id: voided.id, status: 'voided' })]);
  });
});

describe('filters', () => {
  const where = (pred: (c: Registered) => boolean) => idsOf(cases.filter(pred));

  it('each filter alone', async () => {
    expect(await found({ statuses: ['voided'] })).toEqual(where((c) => c.status === 'voided'));
    expect(await found({ statuses: ['accepted', 'voided'] })).toEqual(where(() => true));
    expect(await found({ statuses: ['mediating'] })).toEqual(new Set());
    expect(await found({ disputeType: 'labour' })).toEqual(where((c) => c.input.disputeType === 'labour'));
    expect(await found({ township: '姚伏镇' })).toEqual(where((c) => c.input.township === '姚伏镇'));
    expect(await found({ township: '姚伏镇', village: '永丰村' })).toEqual(
      where((c) => c.input.township === '姚伏镇' && c.input.village === '永丰村'),
    );
    expect(await found({ village: '永丰村' })).toEqual(where((c) => c.input.village === '永丰村'));
    expect(await found({ committeeId: YAOFU_COMMITTEE })).toEqual(
      where((c) => c.committeeId === YAOFU_COMMITTEE),
    );
    expect(await found({ receivedBy: clerks[1]!.id })).toEqual(where((c) => c.clerkId === clerks[1]!.id));
    expect(await found({ receivedFrom: '2025-06-01', receivedTo: '2025-12-31' })).toEqual(
      where((c) => c.input.receivedOn >= '2025-06-01' && c.input.receivedOn <= '2025-12-31'),
    );
    expect(await found({ receivedFrom: '2026-03-15' })).toEqual(
      where((c) => c.input.receivedOn >= '2026-03-15'),
    );
    expect(await found({ receivedTo: '2026-03-15' })).toEqual(
      where((c) => c.input.receivedOn <= '2026-03-15'),
    );
    // Every filter value that occurs is exercised at least once above with a non-empty result.
    for (const input of [{ disputeType: 'labour' }, { township: '姚伏镇' }, { receivedBy: clerks[1]!.id }]) {
      expect((await found(input)).size).toBeGreaterThan(0);
    }
  });

  it('filters combined with each other and with a search', async () => {
    const clerkB = clerks[1]!.id;
    expect(
      await found({ statuses: ['accepted'], committeeId: SEED.countyCenterId, receivedBy: clerkB }),
    ).toEqual(
      where((c) => c.status === 'accepted' && c.committeeId === SEED.countyCenterId && c.clerkId === clerkB),
    );
    expect(
      await found({ disputeType: 'neighbour', receivedFrom: '2026-01-01', statuses: ['accepted'] }),
    ).toEqual(
      where(
        (c) =>
          c.input.disputeType === 'neighbour' &&
          c.input.receivedOn >= '2026-01-01' &&
          c.status === 'accepted',
      ),
    );
    const withName = expectedFor('马');
    expect(await found({ query: '马', township: '姚伏镇' })).toEqual(
      where((c) => withName.has(c.id) && c.input.township === '姚伏镇'),
    );
    expect(await found({ query: '马兰', township: '城关镇' })).toEqual(
      where((c) => expectedFor('马兰').has(c.id) && c.input.township === '城关镇'),
    );
    const word = expectedFor('工资');
    expect(
      await found({
        query: '工资',
        statuses: ['accepted'],
        receivedFrom: '2025-03-01',
        receivedTo: '2026-06-30',
      }),
    ).toEqual(
      where(
        (c) =>
          word.has(c.id) &&
          c.status === 'accepted' &&
          c.input.receivedOn >= '2025-03-01' &&
          c.input.receivedOn <= '2026-06-30',
      ),
    );
    expect(await found({ query: maLan.idNumber, statuses: ['voided'] })).toEqual(new Set());
    expect(await found({ query: plantedMaLan().caseNumber, committeeId: YAOFU_COMMITTEE })).toEqual(
      new Set([plantedMaLan().id]),
    );
    expect(await found({ query: plantedMaLan().caseNumber, committeeId: SEED.countyCenterId })).toEqual(
      new Set(),
    );
  });
});

describe('sorting and pages', () => {
  const desc =
    <T extends string | number | null>(key: (c: Registered) => T) =>
    (a: Registered, b: Registered) => {
      const x = key(a);
      const y = key(b);
      return x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? 1 : -1;
    };
  const then =
    (...cmp: ((a: Registered, b: Registered) => number)[]) =>
    (a: Registered, b: Registered) =>
      cmp.reduce((r, f) => r || f(a, b), 0);
  const newestFirst = desc((c) => c.seq);
  const orders: Record<string, (a: Registered, b: Registered) => number> = {
    receivedOn: then(
      desc((c) => c.input.receivedOn),
      newestFirst,
    ),
    caseNumber: desc((c) => c.caseNumber),
    amount: then(
      desc((c) => c.amountFen),
      desc((c) => c.input.receivedOn),
      newestFirst,
    ),
  };

  it('sorts by 受理日期, 案号 and 金额, descending and ascending', async () => {
    for (const [sort, cmp] of Object.entries(orders)) {
      const expected = [...cases].sort(cmp).map((c) => c.caseNumber);
      const down = await list({ sort: sort as 'receivedOn', order: 'desc' });
      expect(
        down.items.map((i) => i.caseNumber),
        `${sort} desc`,
      ).toEqual(expected);
      const up = await list({ sort: sort as 'receivedOn', order: 'asc' });
      expect(
        up.items.map((i) => i.caseNumber),
        `${sort} asc`,
      ).toEqual([...expected].reverse());
    }
    // The default is newest 受理日期 first.
    expect((await list()).items.map((i) => i.caseNumber)).toEqual(
      [...cases].sort(orders.receivedOn).map((c) => c.caseNumber),
    );
    // Sorted within a filter and a search too.
    const inYaofu = cases.filter((c) => c.input.township === '姚伏镇').sort(orders.amount);
    expect((await list({ township: '姚伏镇', sort: 'amount' })).items.map((i) => i.caseNumber)).toEqual(
      inYaofu.map((c) => c.caseNumber),
    );
    const ma = cases
      .filter((c) => expectedFor('马').has(c.id))
      .sort(orders.caseNumber)
      .reverse();
    expect(
      (await list({ query: '马', sort: 'caseNumber', order: 'asc' })).items.map((i) => i.caseNumber),
    ).toEqual(ma.map((c) => c.caseNumber));
  });

  it('pages through every case once, with the same total on every page', async () => {
    for (const input of [
      {},
      { query: '马' },
      { statuses: ['accepted' as const] },
      { query: '工资', sort: 'amount' as const },
    ]) {
      const all = await list(input);
      const seen: string[] = [];
      for (let page = 1; page <= Math.ceil(all.total / 7) + 1; page++) {
        const result = await ok<{ items: CaseListItem[]; total: number; page: number; pageSize: number }>(
          'cases:list',
          {
            ...input,
            page,
            pageSize: 7,
          },
        );
        expect(result).toMatchObject({ total: all.total, page, pageSize: 7 });
        expect(result.items.length).toBe(Math.max(0, Math.min(7, all.total - (page - 1) * 7)));
        seen.push(...result.items.map((i) => i.id));
      }
      expect(seen).toEqual(all.items.map((i) => i.id));
    }
    expect((await list()).total).toBe(cases.length);
  });

  it('lists what a clerk needs to recognise a case', async () => {
    const c = plantedMaLan();
    const [item] = (await list({ query: c.caseNumber })).items;
    expect(item).toEqual({
      id: c.id,
      caseNumber: c.caseNumber,
      status: 'accepted',
      disputeType: 'neighbour',
      disputeTypeName: '邻里',
      source: 'party_application',
      township: '姚伏镇',
      village: '永丰村',
      committeeName: '姚伏镇人民调解委员会',
      receivedOn: '2026-03-15',
      receivedByName: '受理b',
      partyNames: '马兰 与 王建国',
      amountFen: 1_250_000,
      riskLevel: 'normal',
    });
    expect(JSON.stringify(await list())).not.toContain(maLan.idNumber);
  });
});

describe('hostile and odd input to the search box', () => {
  const hostile = [
    '"',
    "'",
    '"马兰',
    '马兰"',
    '"马兰" OR "王"',
    '马 OR 兰',
    'OR',
    'AND',
    'NOT 马兰',
    'NEAR(马 兰)',
    'NEAR',
    '马*',
    '*',
    '**',
    '^马',
    'terms:马兰',
    'case_search:马',
    '{terms}: 马',
    '(',
    ')',
    '()',
    '-',
    '--',
    '+',
    ':',
    '%',
    '_',
    '\\',
    '马兰%',
    "'; DROP TABLE cases; --",
    "1' OR '1'='1",
    '1 OR 1=1',
    '" OR rowid > 0 --',
    '); DELETE FROM case_search; --',
    'SELECT * FROM cases',
    '<script>alert(1)</script>',
    '😀',
    '马兰😀',
    '👨‍👩‍👧‍👦',
    '\u0000',
    '马\u0000兰',
    '\u200b马兰',
    '　',
    ' ',
    '0',
    '1',
    '00000000000000000000',
    '1'.repeat(200),
    '马'.repeat(200),
    '马兰 '.repeat(50).slice(0, 200),
    'a'.repeat(200),
    '𠀀𠀁',
    'ＡＢＣ',
    'x"y',
  ];

  it('returns a page, possibly empty, for every one of them: never an error', async () => {
    const before = await list();
    for (const query of hostile) {
      expect(query.length, JSON.stringify(query)).toBeLessThanOrEqual(200);
      for (const extra of [{}, { statuses: ['accepted' as const], township: '姚伏镇' }]) {
        const result = await call<{ items: unknown[]; total: number }>('cases:list', { query, ...extra });
        expect(result, JSON.stringify(query)).toMatchObject({ ok: true });
        if (result.ok) {
          expect(Array.isArray(result.value.items)).toBe(true);
          expect(result.value.items.length).toBe(Math.min(20, result.value.total));
        }
      }
    }
    // Nothing was changed by SQL-looking text, and the search still works.
    expect(await list()).toEqual(before);
    expect((await found('马兰')).has(plantedMaLan().id)).toBe(true);
  });

  it('treats quotes, operators and wildcards as text, not as search syntax', async () => {
    const both = (a: Set<string>, b: Set<string>) => new Set([...a].filter((x) => b.has(x)));
    expect(await found('"马兰"')).toEqual(expectedFor('马兰'));
    expect(await found('马兰*')).toEqual(expectedFor('马兰'));
    // Words are all required; OR and NEAR are not operators here.
    expect(await found('马兰 OR 王')).toEqual(both(expectedFor('马兰'), expectedFor('王')));
    expect(await found('NEAR(马兰 院墙)')).toEqual(both(expectedFor('马兰'), expectedFor('院墙')));
    expect((await found('NEAR(马兰 院墙)')).has(plantedMaLan().id)).toBe(true);
  });

  it('refuses a query over 200 characters with a message naming the field', async () => {
    const result = await call('cases:list', { query: '马'.repeat(201) });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.message).toContain('搜索');
  });
});

describe('query plans', () => {
  // (Thousands of plans, each strategy's statements: the generous timeouts are for a busy machine.)
  // Every supported combination: any subset of the filters (each filter's plan depends only on
  // which filters are present), with no search and with a search, under every sort; and each kind
  // of search (they differ only in how hits are found) with single filters, all filters and none.
  const filters: [string, Partial<CaseListQuery>[]][] = [
    ['status', [{ statuses: ['accepted'] }, { statuses: ['accepted', 'voided'] }]],
    ['type', [{ disputeType: 'labour' }]],
    ['township', [{ township: '姚伏镇' }]],
    ['village', [{ village: '永丰村' }]],
    ['committee', [{ committeeId: YAOFU_COMMITTEE }]],
    ['clerk', [{ receivedBy: '00000000-0000-4000-8000-000000000000' }]],
    [
      'dates',
      [
        { receivedFrom: '2026-01-01' },
        { receivedTo: '2026-06-30' },
        { receivedFrom: '2026-01-01', receivedTo: '2026-06-30' },
      ],
    ],
  ];
  /** Every subset of the filters, each filter in each of its forms. */
  function* combinations(): Generator<[string, Partial<CaseListQuery>]> {
    for (let mask = 0; mask < 1 << filters.length; mask++) {
      let partial: [string, Partial<CaseListQuery>][] = [['', {}]];
      filters.forEach(([name, forms], i) => {
        if (!(mask & (1 << i))) return;
        partial = partial.flatMap(([n, q]) =>
          forms.map((f, k): [string, Partial<CaseListQuery>] => [
            `${n}+${name}${forms.length > 1 ? k : ''}`,
            { ...q, ...f },
          ]),
        );
      });
      yield* partial;
    }
  }
  const searches: [string, string][] = [
    ['name', '马兰'],
    ['long text', '排水问题 马兰'],
    ['digits', '7788'],
    ['phone', '13995217788'],
    ['ID number', maLan.idNumber],
    ['credit code', '91512081MA62K0260E'],
    ['credit code tail', 'K0260E'],
    ['case number', '（2026）平调字第0001号'],
    ['case number words', '平调字第1号'],
  ];
  const sorts = ['receivedOn', 'caseNumber', 'amount'] as const;
  // A full scan of cases, of the party tables a search goes through, or of the scope index (aliases c, p, cp, s).
  const scans = /^SCAN (cases|parties|case_parties|case_scope|c|p|cp|s)\b/;

  // One organisation (most users), and several (duplicates across principals): the two take
  // turns, so every combination below is checked and each form of the scope test meets them all.
  const scopes = [[SEED.countyCenterId], [SEED.countyCenterId, YAOFU_COMMITTEE, SEED.medicalCommitteeId]];
  let turn = 0;

  function check(label: string, q: Omit<CaseListQuery, 'limit' | 'offset' | 'scope'>): void {
    const scope = scopes[turn++ % scopes.length]!;
    const lines = app.session.repos().caseList.plan({ ...q, scope, limit: 20, offset: 0 });
    expect(lines.length).toBeGreaterThan(0);
    expect(
      lines.find((l) => scans.test(l)),
      `${label} (${scope.length} principals):\n${lines.join('\n')}`,
    ).toBeUndefined();
  }
  const text = (query: string) => {
    const parts = searchParts(query, '2026-11-30');
    if (!parts || parts === 'nothing') throw new Error(`"${query}" searches for nothing`);
    return parts;
  };

  it('no filter combination, with or without a search, reads the cases table from end to end', () => {
    let checked = 0;
    for (const [name, q] of combinations()) {
      for (const sort of sorts) {
        for (const order of ['desc', 'asc'] as const) {
          for (const [kind, t] of [
            ['no search', undefined],
            ['name', text('马兰')],
          ] as const) {
            check(`${name || 'no filter'} / ${kind} / ${sort} ${order}`, {
              ...q,
              ...(t ? { text: t } : {}),
              sort,
              order,
            });
            checked++;
          }
        }
      }
    }
    // (none, 1 or 2 statuses) × 2^5 other filters × (no dates, from, to, both) × 3 sorts × 2 orders × 2
    expect(checked).toBe(3 * 32 * 4 * 3 * 2 * 2);
  }, 180_000);

  it('no kind of search, in either order, reads the cases or party tables from end to end', () => {
    const some: [string, Partial<CaseListQuery>][] = [
      ['no filter', {}],
      ...filters.flatMap(([name, forms]) => forms.map((f): [string, Partial<CaseListQuery>] => [name, f])),
      [
        'all filters',
        Object.assign({}, ...filters.map(([, forms]) => forms[forms.length - 1]!)) as Partial<CaseListQuery>,
      ],
    ];
    for (const [kind, query] of searches) {
      for (const [name, q] of some) {
        for (const sort of sorts) {
          for (const order of ['desc', 'asc'] as const)
            check(`${name} / ${kind} / ${sort} ${order}`, { ...q, text: text(query), sort, order });
        }
      }
    }
  }, 180_000);
});
