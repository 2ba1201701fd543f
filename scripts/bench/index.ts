// npm run bench [-- --cases N] [--sample 2000] [--searches 200] [--production-kdf] [--no-documents]
//                   [--no-dossiers] [--no-province] [--no-exchange] [--keep] [--seed S] [--pragma k=v] [--smoke]
//                   [--store postgres]
//
// --smoke is what `npm test` runs (with --cases 2000): every section with small samples, the
// figures printed, the timing targets shown but not enforced (tests never assert wall-clock
// times; a shared CI machine would make them flaky). It fails only when the bench itself breaks:
// a channel refuses the generated data, a section throws, or the audit chain does not verify.
//
// Builds an encrypted database of N intake cases (default 100,000; ≈2.5 parties each) in a
// temporary directory, then measures, through the same dispatch the app uses:
//   - intake create p50/p95 (cases:create) against the same rows written by raw prepared
//     statements, interleaved (the ratio is the service layer's overhead);
//   - search p50/p95 (cases:list) for a 2- and a 3-character name, a case number, an ID suffix
//     and a summary word, and the first list page with filters, each with committee scope
//     applied: as the county centre's clerk (the centre and its sector committees) and as a
//     township committee's clerk (城关镇);
//   - database size on disk and peak RSS (VmHWM: stats.ts peakRssMb);
//   - the backup of that database (backup.ts): time, MB/s against a plain copy, calls meanwhile;
//   - the dossier PDF (scripts/bench/dossiers.ts, in a process of its own): ms per 30-page
//     dossier p50/p95, dossiers per second in a batch of 200, and peak RSS during the batch;
//   - the provincial data package (scripts/bench/province.ts, in a process of its own): a county
//     档案员 exports 10,000 cases, records/s and MB/s against the raw zip + SHA-256 + AES-GCM of
//     the same bytes in the same run, and peak RSS.
//   - with --store postgres, the county centre on PostgreSQL (scripts/bench/centre.ts, in a process
//     of its own, its own N cases moved to a throwaway server): create, search and list p50/p95
//     beside this run's SQLite figures, and 8 desks at once against one;
//   - the township ⇄ county exchange package (scripts/bench/exchange.ts, in a process of its
//     own): 城关镇 sends 5,000 mediated cases to the county, cases/s generating (against the zip
//     + SHA-256 + AES-GCM limit of the same records in the same run) and importing, peak RSS.
// Prints a table, then the same figures as one JSON line (the last line of output).
//
// The database is built by a child process (build.ts): raw prepared statements in large
// transactions writing exactly the rows an intake writes, audit chain included (audit:verify
// passes on the result). The measured process only opens it and works in it, as the app would
// the next morning, so its peak RSS is the app's and not the bulk load's.
//
// Key derivation: every password is stretched with a cheap scrypt cost by default, so that peak
// RSS shows the database work. The production cost (N=2^17) holds ~128 MiB for a few hundred ms
// at each sign-in; --production-kdf creates the measured clerk with it and signs in with it, and
// then peak RSS includes that. --pragma runs an experiment on the app's connection (cache_size,
// wal_autocheckpoint…): it is printed as such, and is not what the app does.
import { sqliteOf } from '../../db';
import { spawn } from 'node:child_process';
import {
  closeSync,
  fdatasyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ListCasesInput } from '../../main/contract';
import { productionCost, type KdfCost } from '../../main/core/auth/kdf';
import { createApp } from '../../main/ipc';
import { officeDate } from '../../main/core/dates';
import {
  ADMIN,
  CLERK,
  TOWNSHIP,
  TOWNSHIP_CLERK,
  buildDatabase,
  client,
  rawContextOf,
  type BuildResult,
} from './build';
import { Dataset, SUMMARY_WORDS, toInput, type BenchCase, type Clerk } from './dataset';
import { intakeBreakdown } from './intakeBreakdown';
import { benchBackup } from './backup';
import type { DocumentsBenchResult } from './documents';
import type { DossierBenchResult } from './dossiers';
// ── province (issue 16) ──
import type { ProvinceBenchResult } from './province';
// ── exchange (issue 14) ──
import type { ExchangeBenchResult } from './exchange';
import type { StartupBenchResult } from './startup';
import { centreRows, type CentreBenchResult } from './centreRows';
// ── statistics (issue 15) ──
import { statisticsBench } from './statistics';
import { RawWriter } from './rawWriter';
import { databaseSizes } from './sizes';
import { heapSnapshotSummary, memoryPicture } from './heap';
import { round, summarise, table, timed, type Row, type Summary, ownPeakRssMb } from './stats';
import { caseNumbersInScope } from './inScope';
import { sectionFile } from './sections';

const CHEAP_COST: KdfCost = { N: 2 ** 10, r: 8, p: 1 };

interface Options {
  cases: number;
  sample: number;
  searches: number;
  keep: boolean;
  seed: string;
  productionKdf: boolean;
  /** The document generators' figures (scripts/bench/documents.ts), after the database ones. */
  documents: boolean;
  /** Timed runs per document type, and the size of the 13-form batch. */
  documentSamples: number;
  documentBatch: number;
  /** Small samples, targets not enforced (see the header). */
  smoke: boolean;
  /** The dossier PDF figures (scripts/bench/dossiers.ts, a child process). */
  dossiers: boolean;
  /** The provincial package figures (scripts/bench/province.ts, a child process). */
  province: boolean;
  /** The township ⇄ county package figures (scripts/bench/exchange.ts, a child process). */
  exchange: boolean;
  /** The county centre's PostgreSQL too (scripts/bench/centre.ts). */
  postgres: boolean;
  /** Experiments only: pragmas applied to the app's connection after each sign-in. */
  pragmas: string[];
  /** Internal: the child process that builds the database into this directory. */
  buildInto: string | null;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    cases: 100_000,
    sample: 2_000,
    searches: 200,
    keep: false,
    seed: 'bench-2026',
    productionKdf: false,
    documents: true,
    documentSamples: 200,
    documentBatch: 1_000,
    smoke: false,
    dossiers: true,
    province: true,
    exchange: true,
    pragmas: [],
    buildInto: null,
    postgres: false,
  };
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    given.add(arg);
    if (arg === '--cases') options.cases = Number(value().replace(/[_,]/g, ''));
    else if (arg === '--sample') options.sample = Number(value());
    else if (arg === '--searches') options.searches = Number(value());
    else if (arg === '--seed') options.seed = value();
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--production-kdf') options.productionKdf = true;
    else if (arg === '--pragma') options.pragmas.push(value());
    else if (arg === '--no-documents') options.documents = false;
    else if (arg === '--smoke') options.smoke = true;
    else if (arg === '--no-dossiers') options.dossiers = false;
    else if (arg === '--no-province') options.province = false;
    else if (arg === '--no-exchange') options.exchange = false;
    else if (arg === '--build-into') options.buildInto = value();
    else if (arg === '--store') {
      const store = value();
      if (store !== 'postgres' && store !== 'sqlite') throw new Error('--store takes sqlite or postgres');
      options.postgres = store === 'postgres';
    } else
      throw new Error(
        `unknown option ${arg} (use --cases N, --sample N, --searches N, --seed S, --production-kdf, --no-documents, --pragma k=v, --keep, --smoke, --store postgres)`,
      );
  }
  if (options.smoke) {
    // Enough of each section to exercise it; an explicit --sample/--searches still wins.
    if (!given.has('--sample')) options.sample = 200;
    if (!given.has('--searches')) options.searches = 40;
    options.documentSamples = 10;
    options.documentBatch = 26; // two of each of the 13 forms
  }
  for (const pragma of options.pragmas) {
    if (!/^(cache_size|wal_autocheckpoint|mmap_size|synchronous)=-?\w+$/.test(pragma))
      throw new Error(`--pragma ${pragma}: not an experiment this script runs`);
  }
  for (const key of ['cases', 'sample', 'searches'] as const) {
    if (!Number.isInteger(options[key]) || options[key] < 1)
      throw new Error(`--${key} must be a positive integer`);
  }
  return options;
}

// Each line says when it was written (seconds since the bench began): where a run's time goes.
const benchStarted = performance.now();
const log = (message: string) =>
  process.stderr.write(`[bench ${((performance.now() - benchStarted) / 1000).toFixed(1)} s] ${message}\n`);
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

/** What one durable commit costs on this disk: fdatasync after a 4 KiB write, in the data dir. */
function fsyncProbe(dir: string, n = 200): Summary {
  const file = join(dir, 'fsync-probe.bin');
  const fd = openSync(file, 'w');
  const page = Buffer.alloc(4096, 7);
  const times: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      writeSync(fd, page);
      const start = performance.now();
      fdatasyncSync(fd);
      times.push(performance.now() - start);
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  return summarise(times);
}

/**
 * A section in a process of its own (its own memory, and no heap profiler from this process's
 * snapshot, which makes every later allocation slower): the section's file beside this one, its
 * last output line the JSON result.
 */
function sectionInChild<T>(name: string, env: Record<string, string> = {}): Promise<T> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...process.execArgv, sectionFile(name)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) fail(new Error(`${name} benchmark failed (exit ${code})`));
      else done(JSON.parse(last) as T);
    });
  });
}

/** Builds the database in a child process (see build.ts) and waits for it. */
function buildInChild(root: string, options: Options): Promise<BuildResult> {
  const args = [
    ...process.execArgv,
    sectionFile('index'),
    '--build-into',
    root,
    '--cases',
    String(options.cases),
    '--seed',
    options.seed,
    ...(options.productionKdf ? ['--production-kdf'] : []),
  ];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) fail(new Error(`building the database failed (exit ${code})`));
      else done(JSON.parse(readFileSync(join(root, 'build.json'), 'utf8')) as BuildResult);
    });
  });
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const clerkCost = options.productionKdf ? productionCost : CHEAP_COST;
  if (options.buildInto) {
    const result = await buildDatabase(
      join(options.buildInto, 'data'),
      { cases: options.cases, seed: options.seed, setupCost: CHEAP_COST, clerkCost },
      log,
    );
    writeFileSync(join(options.buildInto, 'build.json'), JSON.stringify(result));
    return;
  }

  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'desk-bench-'));
  const dir = join(root, 'data');
  log(`${options.cases.toLocaleString('en')} cases in ${dir}`);
  const { picks, bulkSeconds } = await buildInChild(root, options);
  log(`bulk load: ${bulkSeconds.toFixed(1)} s`);
  const rssAtStart = mb(process.memoryUsage().rss);

  // The measured process: the app opening an existing database, as the next morning.
  const app = createApp({ dataDir: dir, kdfCost: clerkCost });
  const ok = client(app);
  const signIn = await timed(() => ok('auth:signIn', { username: CLERK.username, password: CLERK.password }));
  const clerk: Clerk = { id: signIn[0].id, name: CLERK.displayName };
  const raw = sqliteOf(app.session.requireUnlocked().store).sql.raw;
  for (const pragma of options.pragmas) raw.pragma(pragma);
  const cacheSetting = Number(raw.pragma('cache_size', { simple: true }));
  const cacheMb = round(
    (cacheSetting < 0
      ? -cacheSetting * 1024
      : cacheSetting * Number(raw.pragma('page_size', { simple: true }))) /
      2 ** 20,
    0,
  );
  const catalog = await ok('catalog:get', {});
  // The clerk registers into the county centre: intake goes only into the clerk's scope.
  const countyId = catalog.committees.find((c) => c.kind === 'county_center')!.id;
  const today = officeDate(new Date());
  const dataset = new Dataset({
    seed: `${options.seed}-new`,
    committees: catalog.committees.map((c) => ({ id: c.id, township: c.township, kind: c.kind })),
    from: today,
    to: today,
  });
  const writer = new RawWriter(app.session.repos(), rawContextOf(catalog), {
    signer: app.session.auditSigner(),
    name: app.session.actor!.displayName,
  });
  const writeOne = raw.transaction((c: BenchCase, now: string) => writer.write(c, clerk, now));

  // Intake: the service and the raw statements, interleaved so both see the same database.
  const warmup = Math.min(50, options.sample);
  const service: number[] = [];
  const rawTimes: number[] = [];
  const createStart = Date.now();
  for (let i = 0; i < warmup + options.sample; i++) {
    const a = dataset.newCase(today);
    const [, serviceMs] = await timed(() => ok('cases:create', { ...toInput(a), committeeId: countyId }));
    const b = dataset.newCase(today);
    const [, rawMs] = await timed(() => writeOne(b, new Date().toISOString()));
    if (i >= warmup) {
      service.push(serviceMs);
      rawTimes.push(rawMs);
    }
  }
  log(`creates: ${((Date.now() - createStart) / 1000).toFixed(1)} s`);
  const intake = await intakeBreakdown(app, dataset, today, countyId, Math.min(200, options.sample));
  const rssAfterCreates = mb(process.memoryUsage().rss);

  const fsync = fsyncProbe(dir);

  // Searches through cases:list, each query a different value drawn from the stored cases.
  const gcPauses: number[] = [];
  const gcObserver = new PerformanceObserver((list) =>
    gcPauses.push(...list.getEntries().map((e) => e.duration)),
  );
  gcObserver.observe({ entryTypes: ['gc'] });
  const measure = async (values: string[], input: (v: string) => ListCasesInput) => {
    const times: number[] = [];
    let hits = 0;
    const total = Math.min(values.length, options.searches + 20);
    for (let i = 0; i < options.searches + 20; i++) {
      const [page, ms] = await timed(() => ok('cases:list', input(values[i % total]!)));
      if (i >= 20) {
        times.push(ms);
        hits += page.total;
      }
    }
    return { ...summarise(times), meanHits: Math.round(hits / times.length) };
  };
  const wordValues = Array.from(
    { length: options.searches + 20 },
    (_, i) => SUMMARY_WORDS[i % SUMMARY_WORDS.length]!,
  );
  const townships = catalog.townships;
  /** The searches, party look-ups and list pages, as whoever is signed in (their committee scope applies). */
  const searchesInScope = async () => {
    const search = {
      name2: await measure(picks.name2, (query) => ({ query })),
      name3: await measure(picks.name3, (query) => ({ query })),
      caseNumber: await measure(await caseNumbersInScope(ok, options.searches + 20), (query) => ({ query })),
      idSuffix: await measure(picks.idSuffix, (query) => ({ query })),
      summaryWord: await measure(wordValues, (query) => ({ query })),
      creditTail: await measure(picks.creditTail, (query) => ({ query })),
    };
    // The intake form's party lookup with two characters from inside a company's name (沃土 finds
    // 宁夏塞上沃土…): the name index gives nothing, the newest matching cases give the parties.
    const lookupTimes: number[] = [];
    for (let i = 0; i < options.searches + 20; i++) {
      const query = picks.orgInfix[i % picks.orgInfix.length]!;
      const [, t] = await timed(() => ok('parties:search', { query }));
      if (i >= 20) lookupTimes.push(t);
    }
    return {
      search,
      partyLookup: summarise(lookupTimes),
      listPage: await measure(
        townships.map((t) => t),
        (township) => ({ statuses: ['accepted', 'mediating'], township }),
      ),
      listUnfiltered: await measure(['-'], () => ({})),
    };
  };
  const county = await searchesInScope();
  // Signing out closes the database; the township clerk's sign-in opens it again.
  await ok('auth:signOut', {});
  await ok('auth:signIn', { username: TOWNSHIP_CLERK.username, password: TOWNSHIP_CLERK.password });
  for (const pragma of options.pragmas) sqliteOf(app.session.requireUnlocked().store).sql.raw.pragma(pragma);
  const township = await searchesInScope();
  await new Promise((resolve) => setImmediate(resolve));
  gcObserver.disconnect();
  const gc = {
    count: gcPauses.length,
    maxMs: round(Math.max(0, ...gcPauses), 1),
    totalMs: round(
      gcPauses.reduce((a, b) => a + b, 0),
      1,
    ),
  };

  const files = app.session.paths.database;
  const size = (f: string) => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  };
  const dbBytes = size(files);
  const walBytes = size(`${files}-wal`);
  const counts = sqliteOf(app.session.requireUnlocked().store)
    .sql.raw.prepare(
      `SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM case_parties) AS links`,
    )
    .get() as {
    cases: number;
    links: number;
  };
  const peakRssMb = ownPeakRssMb();
  const rssNowMb = mb(process.memoryUsage().rss);
  const memoryAtPeak = memoryPicture();

  // 导出Excel of the county clerk's whole list (every case in scope, no condition), after the
  // peak above was read: what it adds to the memory is its own line.
  log('export…');
  await ok('auth:signOut', {});
  await ok('auth:signIn', { username: CLERK.username, password: CLERK.password });
  const [exported, exportMs] = await timed(() => ok('cases:export', { mode: 'download' }));
  const exportResult = {
    rows: exported.rows,
    seconds: round(exportMs / 1000, 1),
    fileMb: mb(Buffer.byteLength(exported.file?.dataBase64 ?? '', 'base64')),
    peakRssMb: ownPeakRssMb(),
  };

  // ── statistics (issue 15) ──
  log('statistics…');
  const statistics = await statisticsBench(app, ok, ADMIN, {
    samples: options.smoke ? 10 : Math.max(40, options.searches),
    year: new Date().getFullYear() - 1,
  });

  // The bulk rows are real rows: the audit chain over all of them verifies.
  await ok('auth:signOut', {});
  await ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
  const verify = await ok('audit:verify', {});
  // ── sizes (issue 18): where the database's bytes go ──
  const sizes = databaseSizes(sqliteOf(app.session.requireUnlocked().store).sql.raw, counts.cases);
  // The backup of this database (scripts/bench/backup.ts), after the figures above: its worker
  // and its files must not colour them.
  log('backup…');
  const backup = await benchBackup(app, ok, root);
  // Last, after every memory figure was read: the snapshot needs as much memory again as the heap.
  log('heap snapshot…');
  const heap = heapSnapshotSummary(root);
  await app.close();
  if (!options.keep) rmSync(root, { recursive: true, force: true });
  // Documents after the peak RSS above (the database's), in a process of their own.
  let documents: DocumentsBenchResult | null = null;
  if (options.documents) {
    log('documents…');
    documents = await sectionInChild<DocumentsBenchResult>('documents', {
      DOCUMENT_BENCH_SAMPLES: String(options.documentSamples),
      DOCUMENT_BENCH_BATCH: String(options.documentBatch),
      DOCUMENT_BENCH_WARMUP: options.smoke ? '5' : '30',
    });
  }
  // ── dossier (issue 13): in a process of its own, so its peak RSS is the batch's ──
  let dossiers: DossierBenchResult | null = null;
  if (options.dossiers) {
    log('dossiers…');
    // The smoke run typesets a few, to prove the section works.
    dossiers = await sectionInChild<DossierBenchResult>(
      'dossiers',
      options.smoke ? { DOSSIER_BENCH_SAMPLES: '3', DOSSIER_BENCH_BATCH: '5' } : {},
    );
  }
  // ── province (issue 16): in a process of its own, with its own 10,000-case database ──
  let province: ProvinceBenchResult | null = null;
  if (options.province) {
    log('province…');
    province = await sectionInChild<ProvinceBenchResult>(
      'province',
      options.smoke ? { PROVINCE_BENCH_CASES: '300' } : {},
    );
  }
  // ── exchange (issue 14): in a process of its own, with its own two installations ──
  let exchange: ExchangeBenchResult | null = null;
  if (options.exchange) {
    log('exchange…');
    exchange = await sectionInChild<ExchangeBenchResult>(
      'exchange',
      options.smoke ? { EXCHANGE_BENCH_CASES: '100' } : {},
    );
  }

  // ── the county centre on PostgreSQL (issue 17): its own cases on its own throwaway server ──
  let centre: CentreBenchResult | null = null;
  if (options.postgres) {
    log('centre (PostgreSQL)…');
    centre = await sectionInChild<CentreBenchResult>('centre', {
      // The smoke run proves the section works: the move to the server is the slow part.
      CENTRE_BENCH_CASES: String(options.smoke ? Math.min(300, options.cases) : options.cases),
      CENTRE_BENCH_SAMPLE: String(Math.min(options.sample, options.smoke ? 50 : 500)),
      CENTRE_BENCH_SEARCHES: String(options.searches),
      CENTRE_BENCH_PER_DESK: options.smoke ? '20' : '150',
    });
  }

  // ── start-up (issue 18): `npm start` to the first screen, on the built checkout ──
  log('start-up…');
  // In a process of its own: Playwright (~70 MB) drives the browser for this section only.
  const startup = await sectionInChild<StartupBenchResult | { skipped: string }>('startup', {
    STARTUP_BENCH_RUNS: options.smoke ? '1' : '5',
  });

  const createService = summarise(service);
  const createRaw = summarise(rawTimes);
  const ratio = {
    p50: round(createService.p50 / createRaw.p50, 2),
    p95: round(createService.p95 / createRaw.p95, 2),
  };
  const ms = (s: Summary, target: number | null, metric: string, note = ''): Row => ({
    metric,
    p50: s.p50,
    p95: s.p95,
    ...(target !== null ? { target: `p95 ≤ ${target} ms`, pass: s.p95 <= target } : {}),
    note,
  });
  const hitsNote = (s: { meanHits: number }) => `avg ${s.meanHits} hits`;
  const scoped = (who: string, r: typeof county): Row[] => [
    { metric: `${who}` },
    ms(r.search.name2, 5, '  搜索 2字姓名 (e.g. 马兰)', hitsNote(r.search.name2)),
    ms(r.search.name3, 5, '  搜索 3字姓名', hitsNote(r.search.name3)),
    ms(r.search.caseNumber, 5, '  搜索 案号 (full)', hitsNote(r.search.caseNumber)),
    ms(r.search.idSuffix, 5, '  搜索 身份证后4位', hitsNote(r.search.idSuffix)),
    ms(r.search.summaryWord, 5, '  搜索 案情关键词', hitsNote(r.search.summaryWord)),
    ms(r.search.creditTail, 5, '  搜索 信用代码后4位', hitsNote(r.search.creditTail)),
    ms(r.partyLookup, null, '  当事人查找 名称中的2字 (parties:search)', `n=${r.partyLookup.n}`),
    ms(r.listPage, 10, '  列表首页 status+township', hitsNote(r.listPage)),
    ms(r.listUnfiltered, 10, '  列表首页 no filter', `${r.listUnfiltered.meanHits} cases in scope`),
  ];
  const rows: Row[] = [
    ms(createService, 10, '受理登记 create (service, cases:create)', `n=${createService.n}`),
    ms(createRaw, null, '同样的行 same rows (raw prepared)', `n=${createRaw.n}`),
    { metric: '  ratio service/raw', value: `${ratio.p50}× / ${ratio.p95}×`, note: 'p50 / p95' },
    { metric: '  beyond the raw insert (each step alone):' },
    ms(intake.inputCheck, null, '    input check (zod, ID and dates)', `n=${intake.inputCheck.n}`),
    ms(
      intake.repeatCheck,
      null,
      '    repeat check (same ID, same name in township)',
      'reads every same-name case',
    ),
    ms(intake.catalogue, null, '    committee + dispute type (TypeORM)', ''),
    {
      metric: '    the rest (transaction, audit, history, detail)',
      value: `${round(createService.p50 - createRaw.p50 - intake.inputCheck.p50 - intake.repeatCheck.p50 - intake.catalogue.p50, 2)} ms`,
      note: 'service p50 − raw p50 − the steps above',
    },
    ...scoped('县中心用户 county centre clerk (scope: centre + sector committees)', county),
    ...scoped(`乡镇用户 ${TOWNSHIP} committee clerk`, township),
    {
      metric: '  disk fdatasync (4 KiB)',
      p50: fsync.p50,
      p95: fsync.p95,
      note: 'one per commit (synchronous=FULL)',
    },
    {
      metric: '数据库大小 database size',
      value: `${mb(dbBytes)} MB`,
      note: walBytes ? `+ WAL ${mb(walBytes)} MB` : '',
    },
    {
      metric: '峰值内存 peak RSS',
      value: `${peakRssMb} MB`,
      // Issue 18: a township PC is a 4 GB machine running WPS and a browser beside the desk.
      target: '≤ 270 MB',
      pass: peakRssMb <= 270,
      note: `start ${rssAtStart}, after creates ${rssAfterCreates}, end ${rssNowMb} MB; page cache ≤ ${cacheMb} MB`,
    },
    {
      metric: '导出Excel 县中心用户全部案件 (cases:export)',
      value: `${exportResult.seconds} s`,
      note: `${exportResult.rows} rows, ${exportResult.fileMb} MB .xlsx; peak RSS after ${exportResult.peakRssMb} MB`,
    },
    {
      metric: '审计链 audit:verify',
      value: verify.intact ? 'intact' : 'BROKEN',
      pass: verify.intact,
      note: `${verify.checked} entries`,
    },
  ];
  rows.push(
    {
      metric: '备份 backup (立即备份 → verified file)',
      value: `${backup.seconds} s`,
      note: `${backup.fileMb} MB, ${backup.mbPerSecond} MB/s; plain copy of the same size ${backup.plainCopyMbPerSecond} MB/s`,
    },
    {
      metric: '  calls during the backup',
      p50: backup.callsDuring.p50,
      p95: backup.callsDuring.p95,
      note: `audit:list every 25 ms, n=${backup.callsDuring.n}, longest ${backup.callsDuring.max} ms`,
    },
    {
      metric: '  peak RSS during the backup',
      value: `${backup.peakRssDuringMb} MB`,
      note: Object.entries(backup.phases)
        .map(([phase, s]) => `${phase.replace(/[（…].*$/, '')} ${s} s`)
        .join('; '),
    },
    { metric: '  检查备份 backup:inspect (restore check)', value: `${backup.inspectSeconds} s` },
  );
  if (dossiers) {
    rows.push(
      {
        metric: `卷宗PDF ${dossiers.pages}页 (rich case)`,
        p50: dossiers.pdfP50,
        p95: dossiers.pdfP95,
        target: 'p95 ≤ 300 ms',
        pass: dossiers.pdfP95 <= 300,
        note: `CPU ${dossiers.pdfCpuP50} / ${dossiers.pdfCpuP95} ms; load avg ${dossiers.loadAverage}`,
      },
      {
        metric: `  batch of ${dossiers.batchSize}`,
        value: `${dossiers.dossiersPerSecond}/s`,
        note: `${dossiers.batchSeconds} s, zip, unarchived (each typeset)`,
      },
      {
        metric: '  batch peak RSS',
        value: `${dossiers.batchPeakRssMb} MB`,
        target: '≤ 400 MB',
        pass: dossiers.batchPeakRssMb <= 400,
        note: `after setup ${dossiers.rssAfterSetupMb} MB`,
      },
    );
  }
  // ── province (issue 16) ──
  if (province) {
    rows.push(
      {
        metric: `省级报送 export ${province.cases} cases (first batch)`,
        value: `${province.exportRecordsPerSecond} rec/s`,
        target: '≥ 50% of limit',
        pass: province.exportShare >= 0.5,
        note: `${province.records} records, ${province.exportSeconds} s, ${province.exportMbPerSecond} MB/s = ${Math.round(province.exportShare * 100)}% of the limit`,
      },
      {
        metric: '  reading its case rows alone',
        value: `${province.readsSeconds} s`,
        note: `warm, the export's own queries, nothing built; the target allows ${round(province.limitSeconds * 2, 2)} s for everything`,
      },
      {
        metric: '  re-export of the batch (write only)',
        value: `${province.rewriteRecordsPerSecond} rec/s`,
        note: `${province.rewriteSeconds} s, ${province.rewriteMbPerSecond} MB/s = ${Math.round(province.rewriteShare * 100)}% of the limit`,
      },
      {
        metric: '  limit: deflate + AES-GCM + SHA-256 + zip',
        value: `${province.limitMbPerSecond} MB/s`,
        note: `same ${province.plainMb} MB of JSON, same run; package ${province.packageMb} MB`,
      },
      {
        metric: '  peak RSS',
        value: `${province.peakRssMb} MB`,
        target: '≤ 400 MB',
        pass: province.peakRssMb <= 400,
        note: `before the export ${province.peakRssBeforeMb} MB`,
      },
    );
  }
  if ('skipped' in startup)
    rows.push({ metric: '启动 npm start → first screen', value: '—', note: startup.skipped });
  else
    rows.push(
      {
        metric: '启动 npm start → first screen (browser mode)',
        value: startup.firstScreen === null ? '—' : `${startup.firstScreen} ms`,
        ...(startup.firstScreen === null
          ? { note: 'no Chromium here: until the URL only' }
          : { target: '≤ 2000 ms', pass: startup.firstScreen <= 2000, note: `median of ${startup.runs}` }),
      },
      {
        metric: '  until the URL is printed: start.mjs / web.cjs alone',
        value: `${startup.untilUrl} / ${startup.serverOnly} ms`,
        note: `floors: node -e '' ${startup.floors.nodeEmpty} ms, a bare loopback server ${startup.floors.bareServer} ms`,
      },
      {
        metric: '  Chromium started, first screen drawn',
        value: `${startup.browser} ms`,
        note: `floor: Chromium showing a one-line page ${startup.floors.browserBlank ?? '—'} ms`,
      },
    );
  if (centre) rows.push(...centreRows(centre, createService, county));
  // ── exchange (issue 14) ──
  if (exchange) {
    rows.push(
      {
        metric: `县乡数据交换 generate ${exchange.cases} cases`,
        value: `${exchange.generateCasesPerSecond} cases/s`,
        note: `${exchange.records} records, ${exchange.generateSeconds} s, ${exchange.generateMbPerSecond} MB/s = ${Math.round(exchange.generateShare * 100)}% of the limit; package ${exchange.packageMb} MB`,
      },
      {
        metric: '  limit: gzip + AES-GCM + SHA-256 + zip',
        value: `${exchange.limitMbPerSecond} MB/s`,
        note: `same ${exchange.plainMb} MB of records, same run`,
      },
      {
        metric: `  import ${exchange.cases} cases (one transaction)`,
        value: `${exchange.importCasesPerSecond} cases/s`,
        target: '≥ 500 cases/s',
        pass: exchange.importCasesPerSecond >= 500,
        note: `${exchange.importSeconds} s: verify, merge, scope and search index; progress bar: ${exchange.importProgressEvents} events, longest gap ${exchange.importProgressLongestGapSeconds} s`,
      },
      {
        metric: '  peak RSS of the import',
        value: `${exchange.importPeakRssMb} MB`,
        target: '≤ 400 MB',
        pass: exchange.importPeakRssMb <= 400,
        note: `a process that only opens the county's database and imports`,
      },
      {
        metric: '  peak RSS of the township side',
        value: `${exchange.peakRssMb} MB`,
        note: `both offices, ${exchange.cases} cases registered (${exchange.loadSeconds} s), package generated; ${exchange.peakRssBeforeMb} MB before generating`,
      },
    );
  }
  // ── statistics (issue 15) ──
  rows.push(
    ms(
      statistics.slice,
      150,
      '统计分析 dashboard slice (statistics:dashboard)',
      `${statistics.casesInScope} cases in the year, county 领导`,
    ),
    ms(statistics.sliceGroupBy, null, '  plain GROUP BY, same cases', 'no scope test, count only'),
    ms(
      statistics.monthlyReturn,
      1000,
      '县月报 county monthly return .xlsx',
      `n=${statistics.monthlyReturn.n}`,
    ),
    ms(statistics.monthlyGroupBy, null, '  plain GROUP BY committee × type', 'same month'),
    ms(
      statistics.drillOpen,
      10,
      '统计钻取 drill-down, first page',
      'clicked on the dashboard: its figure is the total',
    ),
    ms(
      statistics.drillCold,
      null,
      '  first page opened after a change',
      "the figure's cases evaluated once (like one dashboard cell)",
    ),
    ms(statistics.drillPage, 10, '统计钻取 drill-down, next pages', '20 rows, pages 2–3'),
    ms(statistics.drillPlain, null, '  plain page, same period', 'no scope, no figure'),
  );
  if (documents) {
    rows.push(
      {
        metric: '调解协议书 .docx',
        p50: documents.agreementP50,
        p95: documents.agreementP95,
        target: 'p50 ≤ 10 ms',
        pass: documents.agreementP50 <= 10,
      },
      {
        metric: '  limit: the same agreement by docxtemplater',
        p50: documents.templateP50,
        p95: documents.templateP95,
        note: 'a template of it, every run tagged; no layout',
      },
      { metric: '司法确认申请书 .docx', p50: documents.confirmationP50, p95: documents.confirmationP95 },
      {
        metric: '  13 forms, batch',
        value: `${documents.batchDocsPerSecond}/s`,
        note: `${documents.batchSize} docs, mean ${round(documents.batchMeanBytes / 1024, 1)} KiB`,
      },
    );
  }
  const result = {
    cases: options.cases,
    storedCases: counts.cases,
    partiesPerCase: round(counts.links / counts.cases, 2),
    createService,
    createRaw,
    createRatio: ratio,
    intake,
    county,
    township,
    export: exportResult,
    dbMb: mb(dbBytes),
    walMb: mb(walBytes),
    peakRssMb,
    fsync,
    cacheMb,
    gcDuringSearches: gc,
    experiments: options.pragmas,
    kdf: options.productionKdf ? 'production (N=2^17) for the clerk' : 'test (N=2^10)',
    signInMs: round(signIn[1], 1),
    rssMb: { atStart: rssAtStart, afterCreates: rssAfterCreates, atEnd: rssNowMb },
    bulkLoadSeconds: round(bulkSeconds, 1),
    auditIntact: verify.intact,
    backup,
    documents,
    dossiers,
    // ── statistics (issue 15) ──
    statistics,
    sizes,
    memoryAtPeak,
    heap,
    // ── province (issue 16) ──
    province,
    startup,
    // ── exchange (issue 14) ──
    exchange,
    centre,
    totalSeconds: round((Date.now() - started) / 1000, 1),
    node: process.version,
  };
  console.log(
    `\n人民调解工作台 benchmark — ${counts.cases.toLocaleString('en')} cases (${result.partiesPerCase} parties each), ${new Date().toISOString()}\n`,
  );
  console.log(table(rows));
  console.log(
    `\n数据库空间 where the database's bytes go (dbstat, ${counts.cases.toLocaleString('en')} cases)\n` +
      sizes
        .map(
          (g) =>
            `  ${g.group.padEnd(40)} ${`${g.mb} MB`.padStart(10)} ${`${g.share}%`.padStart(7)} ${`${g.bytesPerCase} B/case`.padStart(13)}   ${g.largest.map((l) => `${l.name} ${l.mb}`).join(', ')}`,
        )
        .join('\n'),
  );
  console.log(
    `\n内存 where the memory goes: after the database work RSS ${memoryAtPeak.rssMb} MB = V8 heap ${memoryAtPeak.heapTotalMb} MB` +
      ` (${memoryAtPeak.heapUsedMb} MB used) + outside the heap ${memoryAtPeak.externalMb} MB + the rest ${memoryAtPeak.restMb} MB` +
      ` (SQLite's page cache, up to ${cacheMb} MB, code, the allocator)\n` +
      `  heap snapshot at the end, ${heap.totalMb} MB of objects, largest by constructor or kind:\n` +
      heap.groups
        .map(
          (g) => `  ${g.name.padEnd(42)} ${`${g.mb} MB`.padStart(10)} ${String(g.count).padStart(9)} objects`,
        )
        .join('\n'),
  );
  console.log(
    `\nbulk load ${bulkSeconds.toFixed(1)} s; sign-in to the loaded database ${signIn[1].toFixed(0)} ms (scrypt: ${result.kdf}); total ${result.totalSeconds} s` +
      (options.productionKdf
        ? ''
        : '\n(scrypt at the production cost adds a transient ~128 MiB at each sign-in: --production-kdf includes it)') +
      `\nGC during the searches: ${gc.count} pauses, longest ${gc.maxMs} ms` +
      (options.pragmas.length
        ? `\nEXPERIMENT, not the app's settings: PRAGMA ${options.pragmas.join(', ')}`
        : '') +
      '\n',
  );
  console.log(JSON.stringify(result));
  if (options.smoke) {
    // Timings are printed, never judged here; a broken audit chain is a broken bench.
    if (!verify.intact) console.error('[bench] the audit chain over the generated cases does not verify');
    process.exitCode = verify.intact ? 0 : 1;
    if (verify.intact) log('smoke run: every section ran (timing targets are shown, not enforced)');
    return;
  }
  const failed = rows.some((r) => r.pass === false);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
