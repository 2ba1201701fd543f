// 省级报送 benchmark (issue 16), run by `npm run bench` in a child process of its own so its peak
// RSS is the export's; also runnable alone: `npx tsx scripts/bench/province.ts`.
//   - a database of 10,000 intake cases (PROVINCE_BENCH_CASES), built by a grandchild (build.ts),
//     the settled ones given their agreement and return visit (as the statistics bench does);
//   - a county 档案员 exports the first batch (every organisation, mediator and case in scope),
//     password-encrypted, through the real job: records/s and MB/s of the whole job (validating
//     and freezing the batch, then writing), and of a re-export of that batch (writing only);
//   - the limit: the same JSON bytes, deflated, encrypted (AES-256-GCM), hashed (SHA-256) and
//     zipped to a file with nothing else in the way, measured in the same run;
//   - the reads alone: the batch's case rows read by the same repository calls the export makes,
//     warm, no record built: what the first batch spends before any JSON, check or compression;
//   - peak RSS of this process (it only opened the database before the export).
// Prints a JSON line last.
import { sqliteOf, type Repositories } from '../../db';
import { spawn } from 'node:child_process';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { ZipFile } from 'yazl';
import type { ProvinceJobDto } from '../../main/contract';
import { createApp } from '../../main/ipc';
import { CASE_PAGE } from '../../main/core/reporting/batches';
import { actorScope } from '../../main/core/scope/actorScope';
import { ADMIN, client } from './build';
import { addOutcomes } from './statistics';
import { round, ownPeakRssMb } from './stats';
import { sectionFile, startedAs } from './sections';

export interface ProvinceBenchResult {
  cases: number;
  records: number;
  plainMb: number;
  packageMb: number;
  exportSeconds: number;
  exportRecordsPerSecond: number;
  exportMbPerSecond: number;
  rewriteSeconds: number;
  rewriteRecordsPerSecond: number;
  rewriteMbPerSecond: number;
  limitSeconds: number;
  limitMbPerSecond: number;
  /** Export (whole job) throughput as a share of the limit. */
  exportShare: number;
  rewriteShare: number;
  peakRssMb: number;
  /** CPU time of the process (every thread: compression and scrypt run on the pool) for each run: steadier than wall time on a shared machine. */
  exportCpuSeconds: number;
  rewriteCpuSeconds: number;
  /** Peak RSS before the export: the opened database, its page cache, the bulk outcomes. */
  peakRssBeforeMb: number;
  /** The batch's case rows read by the export's own repository calls, warm, nothing built. */
  readsSeconds: number;
}

const CASES = Number(process.env.PROVINCE_BENCH_CASES ?? 10_000);
const ARCHIVIST = { username: 'benchdangan', displayName: '郭档案', password: 'Dangan2026ok' };
const PASSWORD = 'Pingluo2026report';
const mb = (bytes: number) => round(bytes / 1024 / 1024, 2);

function build(root: string): Promise<void> {
  const script = sectionFile('index');
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        script,
        '--build-into',
        root,
        '--cases',
        String(CASES),
        '--seed',
        'province-2026',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`build failed (exit ${code})`))));
  });
}

/** The same bytes through deflate, AES-256-GCM, SHA-256 and a zip, with nothing else in the way. */
async function limit(plain: Buffer, out: string): Promise<number> {
  const started = performance.now();
  const key = randomBytes(32);
  const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));
  const hash = createHash('sha256');
  const zip = new ZipFile();
  const written = pipeline(zip.outputStream, createWriteStream(out));
  const chunks = Readable.from(
    (function* () {
      for (let i = 0; i < plain.length; i += 64 * 1024) yield plain.subarray(i, i + 64 * 1024);
    })(),
  );
  const encrypted = chunks.pipe(createGzip({ level: 6 })).map((c: Buffer) => {
    const e = cipher.update(c);
    hash.update(e);
    return e;
  });
  zip.addReadStream(encrypted, 'data.json.gz.enc', { compress: false });
  zip.end();
  await written;
  hash.digest();
  return (performance.now() - started) / 1000;
}

/** Reads every case page of the batch as casePage (main/core/reporting/records.ts) does, building nothing. */
function readCasePages(repos: Repositories, principals: string[]): number {
  const started = performance.now();
  for (let after = ''; ;) {
    const rows = repos.province.casePage(principals, after, CASE_PAGE);
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    repos.province.partiesOf(ids);
    repos.province.mediatorsOf(ids);
    repos.province.agreementsOf(ids);
    repos.province.visitsOf(ids);
    after = rows.at(-1)!.id;
  }
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'desk-province-bench-'));
  try {
    await build(root);
    const app = createApp({ dataDir: join(root, 'data'), kdfCost: { N: 2 ** 10, r: 8, p: 1 } });
    const ok = client(app);
    await ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    addOutcomes(app);
    const roots = (await ok('catalog:get', {})).committees
      .filter((c) => c.parentId === null)
      .map((c) => c.id);
    await ok('users:create', { ...ARCHIVIST, roles: ['archivist'], organisationIds: roots });
    await ok('auth:signOut', {});
    await ok('auth:signIn', { username: ARCHIVIST.username, password: ARCHIVIST.password });

    const peakRssBeforeMb = ownPeakRssMb();
    const cpu: number[] = [];
    const run = async (): Promise<[ProvinceJobDto, number, number]> => {
      const cpuBefore = process.cpuUsage();
      // The job's last progress event ends the measurement (polling its status every few
      // milliseconds would add calls of its own to the work measured, and up to a period late).
      let ended!: (at: number) => void;
      const end = new Promise<number>((resolve) => (ended = resolve));
      const off = app.session.onEvent((name, payload) => {
        const p = payload as { label?: string; state?: string };
        if (name === 'job:progress' && p.label === '导出省级报送数据包' && p.state !== 'running')
          ended(performance.now());
      });
      const started = performance.now();
      let job = await ok('province:export', {
        mappingId: 'default',
        protection: { mode: 'password', password: PASSWORD },
      });
      const seconds = ((await end) - started) / 1000;
      off();
      job = await ok('province:exportStatus', { jobId: job.jobId });
      if (job.state !== 'finished') throw new Error(`export ${job.state}: ${job.message}`);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1e6);
      const file = await ok('province:download', { jobId: job.jobId });
      return [job, seconds, Buffer.byteLength(file.dataBase64, 'base64')];
    };
    const [first, exportSeconds, packageBytes] = await run();
    const [, rewriteSeconds] = await run();
    const peakRssMb = ownPeakRssMb();
    const repos = app.session.repos();
    const { principals } = actorScope(repos, app.session.actor!);
    readCasePages(repos, principals); // warm, as the second of the runs above was
    const readsSeconds = readCasePages(repos, principals);

    const sql = sqliteOf(app.session.requireUnlocked().store).sql;
    const payloads = sql.all<{ payload: string }>(`SELECT payload FROM province_batch_records`);
    const plain = Buffer.from(`[${payloads.map((p) => p.payload).join(',\n')}]`);
    const records = payloads.length;
    const cases = sql.get<{ n: number }>(
      `SELECT count(*) AS n FROM province_batch_records WHERE info_set = 'cases'`,
    )!.n;
    await app.close();
    const limitSeconds = await limit(plain, join(root, 'limit.zip'));

    const plainMb = mb(plain.length);
    const perSecond = (n: number, s: number) => round(n / s, 1);
    const result: ProvinceBenchResult = {
      cases,
      records,
      plainMb,
      packageMb: mb(packageBytes),
      exportSeconds: round(exportSeconds, 2),
      exportRecordsPerSecond: perSecond(records, exportSeconds),
      exportMbPerSecond: perSecond(plainMb, exportSeconds),
      rewriteSeconds: round(rewriteSeconds, 2),
      rewriteRecordsPerSecond: perSecond(records, rewriteSeconds),
      rewriteMbPerSecond: perSecond(plainMb, rewriteSeconds),
      limitSeconds: round(limitSeconds, 2),
      limitMbPerSecond: perSecond(plainMb, limitSeconds),
      exportShare: round(limitSeconds / exportSeconds, 2),
      rewriteShare: round(limitSeconds / rewriteSeconds, 2),
      exportCpuSeconds: round(cpu[0]!, 2),
      rewriteCpuSeconds: round(cpu[1]!, 2),
      peakRssMb,
      peakRssBeforeMb,
      readsSeconds: round(readsSeconds, 2),
    };
    if (first.batchNo !== 1) throw new Error('the first export did not make batch 1');
    console.log(JSON.stringify(result));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (startedAs('province')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(2);
  });
}
