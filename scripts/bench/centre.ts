// The county centre on PostgreSQL (issue 17), run by `npm run bench -- --store postgres` in a
// child process of its own; also runnable alone: `npx tsx scripts/bench/centre.ts`.
//   - a throwaway PostgreSQL (Debian's server, fsync on: a commit is durable, as the desks'
//     SQLite commits are; shared_buffers and random_page_cost as the operator guide sets them)
//     and a database of N intake cases (CENTRE_BENCH_CASES, default the run's --cases), built as the SQLite bench builds its own (build.ts) and moved to the server
//     with the migration command's code (main/core/centre/migrate.ts): copied, re-indexed, checked;
//   - one desk on it, as the county clerk: intake create p50/p95 (cases:create), the searches
//     and list pages through cases:list, as the SQLite section measures them;
//   - eight desks at once, each a process of its own registering cases as fast as it can, and
//     one desk alone doing the same: cases per second of each, and the ratio.
// Prints a JSON line last.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PgConfig } from '../../db';
import { PgBridge } from '../../db/postgres/bridge';
import type { ListCasesInput } from '../../main/contract';
import { migrateToCentre } from '../../main/core/centre/migrate';
import { officeDate } from '../../main/core/dates';
import { createApp } from '../../main/ipc';
import { startCluster } from '../../tests/helpers/pgCluster';
import { ADMIN, CLERK, client, type BuildResult } from './build';
import type { DeskJob } from './centreDesk';
import { Dataset, SUMMARY_WORDS, toInput } from './dataset';
import { caseNumbersInScope } from './inScope';
import { sectionFile, startedAs } from './sections';
import { round, summarise, timed, type Summary } from './stats';

/** A call's timings, and how many requests to the server it made on average (round trips). */
export type Measured = Summary & { roundTrips: number };

export interface CentreBenchResult {
  cases: number;
  migrateSeconds: number;
  vacuumSeconds: number;
  create: Measured;
  search: Record<'name2' | 'caseNumber' | 'idSuffix' | 'summaryWord', Measured>;
  listPage: Measured;
  listUnfiltered: Measured;
  /** eight: into one committee (the county centre's), as one; ownCommittees: each desk its own. */
  desks: { one: DeskRun; eight: DeskRun; ratio: number; ownCommittees: DeskRun; ownRatio: number };
}

interface DeskRun {
  desks: number;
  cases: number;
  seconds: number;
  casesPerSecond: number;
  /** Of the machine's cores (server, desks and all), the share busy during the run: 1 = all of them. */
  cpuBusy: number;
}

/** Busy and total CPU time of every core so far (ms), for the share busy over a stretch. */
function cpuTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq;
    busy += all - times.idle;
    total += all;
  }
  return { busy, total };
}

const CASES = Number(process.env.CENTRE_BENCH_CASES ?? 100_000);
const SAMPLE = Number(process.env.CENTRE_BENCH_SAMPLE ?? 500);
const SEARCHES = Number(process.env.CENTRE_BENCH_SEARCHES ?? 200);
/** Cases each desk registers in the concurrency run. */
const PER_DESK = Number(process.env.CENTRE_BENCH_PER_DESK ?? 150);
const CHEAP_COST = { N: 2 ** 10, r: 8, p: 1 };
const log = (message: string) => process.stderr.write(`[centre] ${message}\n`);

function build(root: string): Promise<BuildResult> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [sectionFile('index'), '--build-into', root, '--cases', String(CASES), '--seed', 'bench-centre'],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) fail(new Error(`building the database failed (exit ${code})`));
      else done(JSON.parse(readFileSync(join(root, 'build.json'), 'utf8')) as BuildResult);
    });
  });
}

/** `desks` desk processes, started together once all have signed in: how many cases a second. */
async function desksAtOnce(
  desks: number,
  job: Omit<DeskJob, 'dataDir' | 'seed' | 'committee'>,
  root: string,
  ownCommittees = false,
) {
  const starts: (() => void)[] = [];
  const outputs: Promise<string>[] = [];
  const ready: Promise<void>[] = [];
  for (let d = 0; d < desks; d++) {
    const child = spawn(process.execPath, [sectionFile('centreDesk')], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: {
        ...process.env,
        CENTRE_DESK_JOB: JSON.stringify({
          ...job,
          dataDir: join(root, `desk-${desks}-${ownCommittees ? 'own-' : ''}${d}`),
          seed: `d${d}${ownCommittees ? 'own' : ''}`,
          committee: ownCommittees ? d : null,
        } satisfies DeskJob),
      },
    });
    starts.push(() => child.stdin.end('go\n'));
    let out = '';
    child.stdout.setEncoding('utf8');
    ready.push(
      new Promise((done) =>
        child.stdout.on('data', (chunk: string) => {
          out += chunk;
          if (out.includes('ready\n')) done();
        }),
      ),
    );
    outputs.push(
      new Promise((done, fail) =>
        child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`desk ${d} failed (${code})`)))),
      ),
    );
  }
  await Promise.all(ready);
  const cpuBefore = cpuTimes();
  const started = performance.now();
  for (const start of starts) start();
  await Promise.all(outputs);
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuTimes();
  const cases = desks * job.count;
  return {
    desks,
    cases,
    seconds: round(seconds, 1),
    casesPerSecond: round(cases / seconds, 1),
    cpuBusy: round((cpuAfter.busy - cpuBefore.busy) / (cpuAfter.total - cpuBefore.total), 2),
  };
}

export async function centreBench(): Promise<CentreBenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'desk-centre-bench-'));
  const cluster = await startCluster({ fsync: true, asGuided: true });
  try {
    log(`${CASES.toLocaleString('en')} cases: building…`);
    const built = await build(root);
    const centre: PgConfig = {
      host: '127.0.0.1',
      port: cluster.port,
      database: cluster.database,
      user: cluster.user,
      password: cluster.password,
      tls: { mode: 'verify-full', ca: cluster.caPem },
      statementTimeoutMs: 600_000,
    };
    log('moving them to PostgreSQL…');
    const [, migrateMs] = await timed(() =>
      migrateToCentre({
        dataDir: join(root, 'data'),
        username: ADMIN.username,
        password: ADMIN.password,
        centre,
      }),
    );
    // As the operator guide's step 7 says after the move: the planner's statistics and the
    // visibility map made at once, not by autovacuum in the middle of the measurements.
    log('VACUUM ANALYZE…');
    const owner = PgBridge.open(centre);
    const [, vacuumMs] = await timed(() => Promise.resolve(owner.query('VACUUM ANALYZE')));
    owner.close();

    const app = createApp({ dataDir: join(root, 'desk'), kdfCost: CHEAP_COST, centre });
    const ok = client(app);
    await ok('auth:signIn', { username: CLERK.username, password: CLERK.password });
    const store = app.session.requireUnlocked().store;
    if (store.dialect !== 'postgres') throw new Error('the bench desk is not on the centre');
    const bridge = store.sql.bridge;
    /** Timings of `call` over the samples after the first `warm`, with its round trips. */
    const timedCalls = async (count: number, warm: number, call: (i: number) => Promise<unknown>) => {
      const times: number[] = [];
      let trips = 0;
      for (let i = 0; i < count + warm; i++) {
        const before = bridge.roundTrips;
        const [, ms] = await timed(() => call(i));
        if (i < warm) continue;
        times.push(ms);
        trips += bridge.roundTrips - before;
      }
      return { ...summarise(times), roundTrips: round(trips / count, 1) };
    };
    const catalog = await ok('catalog:get', {});
    const countyId = catalog.committees.find((c) => c.kind === 'county_center')!.id;
    const today = officeDate(new Date());
    const dataset = new Dataset({
      seed: 'bench-centre-new',
      committees: catalog.committees.map((c) => ({ id: c.id, township: c.township, kind: c.kind })),
      from: today,
      to: today,
    });
    log('creates…');
    const create = await timedCalls(SAMPLE, 30, () =>
      ok('cases:create', { ...toInput(dataset.newCase(today)), committeeId: countyId }),
    );
    log('searches…');
    const measure = (values: string[], input: (v: string) => ListCasesInput) =>
      timedCalls(SEARCHES, 20, (i) => ok('cases:list', input(values[i % values.length]!)));
    const picks = built.picks;
    const search = {
      name2: await measure(picks.name2, (query) => ({ query })),
      caseNumber: await measure(await caseNumbersInScope(ok, SEARCHES + 20), (query) => ({ query })),
      idSuffix: await measure(picks.idSuffix, (query) => ({ query })),
      summaryWord: await measure([...SUMMARY_WORDS], (query) => ({ query })),
    };
    const listPage = await measure(catalog.townships, (township) => ({
      statuses: ['accepted', 'mediating'],
      township,
    }));
    const listUnfiltered = await measure(['-'], () => ({}));
    await app.close();

    log('desks at once…');
    const job = {
      centre,
      username: CLERK.username,
      password: CLERK.password,
      kdfCost: CHEAP_COST,
      count: PER_DESK,
    };
    const one = await desksAtOnce(1, job, root);
    const eight = await desksAtOnce(8, job, root);
    const ownCommittees = await desksAtOnce(8, job, root, true);
    return {
      cases: CASES,
      migrateSeconds: round(migrateMs / 1000, 1),
      vacuumSeconds: round(vacuumMs / 1000, 1),
      create,
      search,
      listPage,
      listUnfiltered,
      desks: {
        one,
        eight,
        ratio: round(eight.casesPerSecond / one.casesPerSecond, 2),
        ownCommittees,
        ownRatio: round(ownCommittees.casesPerSecond / one.casesPerSecond, 2),
      },
    };
  } finally {
    cluster.destroy();
    rmSync(root, { recursive: true, force: true });
  }
}

if (startedAs('centre')) {
  centreBench()
    .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
