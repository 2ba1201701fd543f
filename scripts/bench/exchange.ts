// 县乡数据交换 benchmark (issue 14), run by `npm run bench` in a child process of its own so its
// peak RSS is the exchange's; also runnable alone: `npx tsx scripts/bench/exchange.ts`.
//   - two installations in this process: the county centre and 城关镇's committee, trusting
//     each other as their 管理员 would (机构密钥卡 and fingerprint);
//   - 城关镇 registers EXCHANGE_BENCH_CASES cases (default 5,000) through cases:create, each then
//     given an accepted assignment with its mediator, a mediation record, an agreement, a
//     return visit and its generated 人民调解协议书 (12 KB), written directly, as the statistics
//     bench adds outcomes;
//   - generation: exchange:generate to the county, cases/s and MB/s of the whole job;
//   - the limit: the same records as JSON lines through gzip, AES-256-GCM, SHA-256 and a zip
//     file with nothing else in the way, measured in the same run;
//   - import: exchange:import at the county (verify, merge, index, one transaction), cases/s, in
//     a grandchild that only opens the county's database and imports, so its peak RSS is the
//     import's own (this process's, with both offices built and the package generated, too).
// Prints a JSON line last.
import { sqliteOf } from '../../db';
import { spawn } from 'node:child_process';
import { createCipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { ZipFile } from 'yazl';
import { exchangeTables, type ExchangeTable } from '../../main/contract/exchange/records';
import { officeDate } from '../../main/core/dates';
import { createApp, type App } from '../../main/ipc';
import { ADMIN, client } from './build';
import { Dataset, toInput } from './dataset';
import { ownPeakRssMb, round } from './stats';
import { sectionFile, startedAs } from './sections';

export interface ExchangeBenchResult {
  cases: number;
  records: number;
  plainMb: number;
  packageMb: number;
  generateSeconds: number;
  generateCasesPerSecond: number;
  generateMbPerSecond: number;
  limitSeconds: number;
  limitMbPerSecond: number;
  /** Generation throughput as a share of the limit. */
  generateShare: number;
  importSeconds: number;
  importCasesPerSecond: number;
  /** Peak RSS of the process that only opened the county's database and imported. */
  importPeakRssMb: number;
  /** The import's progress bar: 'job:progress' events heard, and the longest wait between two. */
  importProgressEvents: number;
  importProgressLongestGapSeconds: number;
  /** Setting up both offices and registering the cases (not measured as exchange). */
  loadSeconds: number;
  peakRssBeforeMb: number;
  /** This process: both offices, the cases registered, the package generated. */
  peakRssMb: number;
}

interface ImportResult {
  seconds: number;
  newCases: number;
  peakRssMb: number;
  progressEvents: number;
  longestGapSeconds: number;
}

/** In its own process: the county's 管理员 imports the package (see the header). */
async function importOnly(dir: string, path: string): Promise<void> {
  const app = createApp({ dataDir: dir, kdfCost: { N: 2 ** 10, r: 8, p: 1 } });
  const ok = client(app);
  await ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
  // The progress bar's events, as the screen would hear them (each import call names its own).
  const jobId = randomUUID();
  const heard: number[] = [];
  app.session.onEvent((name, payload) => {
    if (name === 'job:progress' && (payload as { jobId: string }).jobId === jobId)
      heard.push(performance.now());
  });
  const started = performance.now();
  const imported = await ok('exchange:import', { path, jobId });
  const ended = performance.now();
  const seconds = (ended - started) / 1000;
  const marks = [started, ...heard, ended];
  const longestGapSeconds = Math.max(...marks.slice(1).map((t, i) => t - marks[i]!)) / 1000;
  const result: ImportResult = {
    seconds,
    newCases: imported.counts.cases.new,
    peakRssMb: rssMb(),
    progressEvents: heard.length,
    longestGapSeconds,
  };
  await app.close();
  console.log(JSON.stringify(result));
}

function importInChild(dir: string, path: string): Promise<ImportResult> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, sectionFile('exchange'), '--import-into', dir, path],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) fail(new Error(`import failed (exit ${code})`));
      else done(JSON.parse(last) as ImportResult);
    });
  });
}

const CASES = Number(process.env.EXCHANGE_BENCH_CASES ?? 5_000);
/** One generated agreement per case, the size of a typical 人民调解协议书.docx. */
const DOCUMENT_BYTES = 12 * 1024;
const COUNTY_ID = '7da55d92-5712-44e5-beb3-bda8994c7a55';
const CHENGGUAN_ID = '2dc93d7a-271f-4463-b352-6df512232bdc';
const CLERK = { username: 'chengguan', displayName: '城关受理员', password: 'Shouli2026ok' };
const mb = (bytes: number) => round(bytes / 1024 / 1024, 2);
/** Own peak RSS (VmHWM): a spawned child's maxRSS starts at its parent's (stats.ts). */
const rssMb = ownPeakRssMb;

async function office(dir: string, officeId: string): Promise<{ app: App; ok: ReturnType<typeof client> }> {
  const app = createApp({ dataDir: dir, kdfCost: { N: 2 ** 10, r: 8, p: 1 } });
  const ok = client(app);
  const { recoveryCode } = await ok('setup:begin', {});
  await ok('setup:complete', {
    office: { kind: 'listed', id: officeId },
    admin: { ...ADMIN, passwordConfirm: ADMIN.password },
    recoveryCode,
  });
  return { app, ok };
}

/** Each case accepted by 城关镇's committee with its mediator, mediated, agreed and visited. */
function addWorkflow(app: App, mediatorId: string): void {
  const sql = sqliteOf(app.session.requireUnlocked().store).sql;
  const cases = sql.all<{ id: string; at: string; on: string; amount: number | null; number: string }>(
    `SELECT id, created_at AS at, received_on AS "on", amount_fen AS amount, case_number AS number FROM cases`,
  );
  const run = (table: string, row: Record<string, unknown>) =>
    sql.run(
      `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
        .map(() => '?')
        .join(', ')})`,
      ...Object.values(row),
    );
  sql.raw.transaction(() => {
    for (const [i, c] of cases.entries()) {
      const base = { origin_office_id: CHENGGUAN_ID, created_at: c.at, updated_at: c.at };
      const assignment = randomUUID();
      run('case_assignments', {
        ...base,
        id: assignment,
        case_id: c.id,
        committee_id: CHENGGUAN_ID,
        mode: 'assigned',
        state: 'accepted',
        kind: 'dispatch',
        dispatched_by: 'bench',
        dispatched_by_name: '城关分流员',
        dispatched_at: c.at,
        responded_by: 'bench',
        responded_by_name: '城关调解员',
        responded_at: c.at,
      });
      run('case_assignment_mediators', {
        ...base,
        id: randomUUID(),
        assignment_id: assignment,
        mediator_id: mediatorId,
        lead: 1,
      });
      run('case_records', {
        ...base,
        id: randomUUID(),
        case_id: c.id,
        kind: 'mediation',
        held_at: c.at,
        place: '城关镇人民调解委员会调解室',
        parties_present: '双方当事人',
        rights_notified: 1,
        statements: '双方陈述了纠纷经过，经调解员释法说理，双方同意协商解决，就赔偿数额和履行方式达成一致。',
        result: '达成协议',
        recorder: '李青',
        created_by_name: '城关调解员',
      });
      const agreement = randomUUID();
      run('agreements', {
        ...base,
        id: agreement,
        case_id: c.id,
        kind: 'written',
        number: `（2026）平城调协字第${String(i + 1).padStart(5, '0')}号`,
        facts: '双方因相邻关系发生纠纷，经调解查明事实，双方对责任划分无异议。',
        terms: JSON.stringify(['被申请人于十日内赔偿申请人损失。', '双方就此纠纷再无其他争议。']),
        performance_manner: '银行转账',
        performance_place: '平罗县城关镇',
        performance_deadline: c.on,
        amount_fen: c.amount,
        reached_on: c.on,
        effective_on: c.on,
        subject_matter: 'ordinary',
      });
      run('return_visits', {
        ...base,
        id: randomUUID(),
        case_id: c.id,
        agreement_id: agreement,
        due_on: c.on,
        visited_on: c.on,
        visitor: '城关调解员',
        performance_status: 'performed',
        satisfaction: 'satisfied',
      });
      // The 人民调解协议书 as generated: a .docx is compressed already, so random bytes stand in.
      const docx = randomBytes(DOCUMENT_BYTES);
      run('document_versions', {
        ...base,
        id: randomUUID(),
        case_id: c.id,
        kind: 'agreement',
        version_no: 1,
        title: '人民调解协议书',
        file_name: '人民调解协议书.docx',
        size: docx.length,
        sha256: createHash('sha256').update(docx).digest('hex'),
        case_number: c.number,
        generated_by: 'bench',
        generated_by_name: '城关调解员',
        data: docx,
      });
      sql.run(
        `UPDATE cases SET status = 'visited', handling_committee_id = ?, version = version + 1 WHERE id = ?`,
        CHENGGUAN_ID,
        c.id,
      );
    }
  })();
}

/** The same bytes through gzip, AES-256-GCM, SHA-256 and a zip, with nothing else in the way. */
async function limit(pages: Buffer[], out: string): Promise<number> {
  const started = performance.now();
  const key = randomBytes(32);
  const zip = new ZipFile();
  const written = pipeline(zip.outputStream, createWriteStream(out));
  for (const [i, page] of pages.entries()) {
    const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));
    const sealed = Buffer.concat([cipher.update(gzipSync(page)), cipher.final(), cipher.getAuthTag()]);
    createHash('sha256').update(sealed).digest();
    zip.addReadStream(Readable.from([sealed]), `data/${i}.bin`, { compress: false });
  }
  zip.end();
  await written;
  return (performance.now() - started) / 1000;
}

/** The township's records as the package's entries hold them, before encryption. */
function plainPages(app: App): Buffer[] {
  const repos = app.session.repos();
  const query = {
    peerOfficeId: COUNTY_ID,
    ownOfficeId: CHENGGUAN_ID,
    township: CHENGGUAN_ID,
    townshipOrganisations: repos.caseScope.under([CHENGGUAN_ID]).map((o) => o.id),
    townshipSends: true,
  };
  const pages: Buffer[] = [];
  for (const t of exchangeTables.filter((x): x is Exclude<ExchangeTable, 'villages'> => x !== 'villages')) {
    let after = '';
    for (;;) {
      const rows = repos.exchangeRows.changed(t, query, after, 1000);
      if (!rows.length) break;
      pages.push(Buffer.from(rows.map((r) => JSON.stringify({ t, r })).join('\n') + '\n'));
      after = rows.at(-1)!.id;
    }
  }
  return pages;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'desk-exchange-bench-'));
  try {
    const loadStarted = performance.now();
    const county = await office(join(root, 'county'), COUNTY_ID);
    const town = await office(join(root, 'town'), CHENGGUAN_ID);
    for (const [from, to] of [
      [county, town],
      [town, county],
    ] as const) {
      const card = await from.ok('exchange:keyCard', {});
      await to.ok('exchange:trust', { card: card.text, fingerprint: card.fingerprint });
    }
    const mediator = await town.ok('mediators:save', {
      kind: 'mediator',
      name: '城关调解员',
      sex: 'male',
      employment: 'part_time',
      grade: 'second',
      specialties: ['neighbour'],
      householdMembers: [],
      memberships: [{ organisationId: CHENGGUAN_ID, position: '委员' }],
    });
    await town.ok('users:create', { ...CLERK, roles: ['intake'], organisationIds: [CHENGGUAN_ID] });
    await town.ok('auth:signOut', {});
    await town.ok('auth:signIn', { username: CLERK.username, password: CLERK.password });
    const catalog = await town.ok('catalog:get', {});
    const today = officeDate(new Date());
    const dataset = new Dataset({
      seed: 'exchange-2026',
      committees: catalog.committees.map((c) => ({ id: c.id, township: c.township, kind: c.kind })),
      from: today,
      to: today,
    });
    for (let i = 0; i < CASES; i++) {
      const input = toInput(dataset.newCase(today));
      await town.ok('cases:create', {
        ...input,
        committeeId: CHENGGUAN_ID,
        township: '城关镇',
        village: undefined,
      });
    }
    await town.ok('auth:signOut', {});
    await town.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    addWorkflow(town.app, mediator.id);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const peakRssBeforeMb = rssMb();

    const folder = join(root, 'usb');
    mkdirSync(folder);
    const started = performance.now();
    const sent = await town.ok('exchange:generate', { officeId: COUNTY_ID, folder });
    const generateSeconds = (performance.now() - started) / 1000;
    const records = Object.values(sent.counts).reduce((a, b) => a + b, 0);
    if (sent.counts.cases !== CASES) throw new Error(`the package carries ${sent.counts.cases} cases`);

    const peakRssMb = rssMb();
    const pages = plainPages(town.app);
    const plainBytes = pages.reduce((n, p) => n + p.length, 0);
    await county.app.close();
    await town.app.close();
    const limitSeconds = await limit(pages, join(root, 'limit.zip'));

    const imported = await importInChild(join(root, 'county'), sent.path);
    if (imported.newCases !== CASES) throw new Error(`imported ${imported.newCases} cases`);
    const importSeconds = imported.seconds;

    const plainMb = mb(plainBytes);
    const result: ExchangeBenchResult = {
      cases: CASES,
      records,
      plainMb,
      packageMb: mb(statSync(sent.path).size),
      generateSeconds: round(generateSeconds, 2),
      generateCasesPerSecond: round(CASES / generateSeconds, 1),
      generateMbPerSecond: round(plainMb / generateSeconds, 1),
      limitSeconds: round(limitSeconds, 2),
      limitMbPerSecond: round(plainMb / limitSeconds, 1),
      generateShare: round(limitSeconds / generateSeconds, 2),
      importSeconds: round(importSeconds, 2),
      importCasesPerSecond: round(CASES / importSeconds, 1),
      importPeakRssMb: imported.peakRssMb,
      importProgressEvents: imported.progressEvents,
      importProgressLongestGapSeconds: round(imported.longestGapSeconds, 2),
      loadSeconds: round(loadSeconds, 1),
      peakRssBeforeMb,
      peakRssMb,
    };
    console.log(JSON.stringify(result));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (startedAs('exchange')) {
  const at = process.argv.indexOf('--import-into');
  (at > 0 ? importOnly(process.argv[at + 1]!, process.argv[at + 2]!) : main()).catch((error: unknown) => {
    console.error(error);
    process.exit(2);
  });
}
