// Dossier benchmark, run by `npm run bench` in a child process of its own (so its peak RSS is the
// batch's, not the 100k-case database's); also runnable alone: `npx tsx scripts/bench/dossiers.ts`.
//   - ms per dossier PDF for the rich case (p50/p95): a 30-page dossier — the forms typeset from
//     the case (cover, contents, application, register, notice, records, visit, back cover) plus
//     scanned paper (ID proofs, power of attorney, signed agreement, evidence) — built through the
//     service the app uses (dossierPdfFile: load, lay out, draw, embed, save);
//   - dossiers per second in a batch of 200 through the real batch-export job (zip), and peak RSS
//     during that batch.
// Prints a JSON line last.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../main/contract';
import { ManualClock } from '../../main/core/clock';
import { today } from '../../main/core/dates';
import { dossierPdfFile } from '../../main/core/dossier';
import { createApp } from '../../main/ipc';
import { aCase } from '../../tests/fixtures/builders';
import { RICH_CASE, RICH_PERFORMANCE, RICH_TERMS } from '../../tests/fixtures/richCase';
import { ROSTER } from '../../tests/fixtures/roster';
import { pdfScan, TINY_JPEG } from '../../tests/fixtures/scans';
import { round, summarise, timed, ownPeakRssMb } from './stats';

export interface DossierBenchResult {
  pages: number;
  pdfP50: number;
  pdfP95: number;
  pdfBytes: number;
  /** CPU time of one render (user + system): what the render costs when the machine is shared. */
  pdfCpuP50: number;
  pdfCpuP95: number;
  rssAfterSetupMb: number;
  rssAfterRendersMb: number;
  /** 1-minute load average when the batch ended (2 cores: above 2, others are using the CPU too). */
  loadAverage: number;
  batchSize: number;
  batchSeconds: number;
  dossiersPerSecond: number;
  peakRssMb: number;
  batchPeakRssMb: number;
}

const SAMPLES = Number(process.env.DOSSIER_BENCH_SAMPLES ?? 40);
const BATCH = Number(process.env.DOSSIER_BENCH_BATCH ?? 200);
const DISTINCT = 10;
const PASSWORD = 'Bench2026x';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-dossier-bench-'));
  const clock = new ManualClock({ now: () => new Date('2026-11-30T01:00:00.000Z') });
  const app = createApp({ dataDir: dir, clock, kdfCost: { N: 2 ** 10, r: 8, p: 1 } });
  const ok = async <K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> => {
    const r = await app.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as ChannelOutput<K>;
  };
  const as = async (username: string) => {
    if (app.session.state === 'unlocked') await ok('auth:signOut', {});
    await ok('auth:signIn', { username, password: PASSWORD });
  };
  try {
    const { recoveryCode } = await ok('setup:begin', {});
    const offices = await ok('setup:offices', {});
    await ok('setup:complete', {
      office: { kind: 'listed', id: offices[0]!.id },
      admin: { username: 'admin', displayName: '王管理', password: PASSWORD, passwordConfirm: PASSWORD },
      recoveryCode,
    });
    const user = (username: string, roles: ChannelInput<'users:create'>['roles']) =>
      ok('users:create', { username, displayName: `测试${username}`, roles, password: PASSWORD });
    await user('clerk', ['intake']);
    await user('fenliu', ['dispatcher']);
    const mediator = await ok('mediators:save', ROSTER.medical);
    await ok('users:create', {
      username: 'tiaojie',
      displayName: '测试tiaojie',
      roles: ['mediator'],
      password: PASSWORD,
      mediatorId: mediator.id,
    });
    await user('dangan', ['archivist']);
    const idProofs = (await pdfScan(4, 'ID')).toString('base64');
    const agreementScan = (await pdfScan(3, 'SIGNED')).toString('base64');
    const evidence = (await pdfScan(8, 'EVIDENCE')).toString('base64');
    const caseIds: string[] = [];
    for (let i = 0; i < DISTINCT; i++) {
      await as('clerk');
      const created = await ok(
        'cases:create',
        aCase({ ...RICH_CASE, ...(i > 0 ? { repeatReason: '另一起独立纠纷' } : {}) }),
      );
      const caseId = created.id;
      await as('fenliu');
      await ok('workflow:dispatch', {
        caseId,
        committeeId: ROSTER.medical.memberships[0]!.organisationId,
        mediatorIds: [mediator.id],
        leadMediatorId: mediator.id,
      });
      await as('tiaojie');
      await ok('workflow:respond', { caseId, accept: true });
      for (const kind of ['investigation', 'mediation'] as const) {
        await ok('workflow:addRecord', {
          caseId,
          kind,
          heldAt: '2026-11-30T00:30:00.000Z',
          place: '平罗县人民调解中心第一调解室',
          participants: '周文斌（六顷地村村委会主任）',
          partiesPresent: '张志军、张晓峰（委托代理人）、王建国（法定代表人）、马玉兰',
          rightsNotified: true,
          statements:
            '调解员马秀英：欠款合计86,300元，各方是否认可？\n被申请人法定代表人王建国：认可，公司可以在12月20日前一次付清。',
          result: '经调解，各方自愿达成书面调解协议，当场签字。',
          recorder: '杨帆',
        });
      }
      await ok('workflow:recordAgreement', {
        caseId,
        kind: 'written',
        facts: '被申请人自2025年起拖欠流转费共计86,300元，并要求提前解除合同，应承担主要责任。',
        terms: RICH_TERMS,
        ...RICH_PERFORMANCE,
        performanceDeadline: '2026-12-31',
        amountFen: '86300',
        reachedOn: '2026-11-30',
        effectiveOn: '2026-11-30',
        subjectMatter: 'ordinary',
      });
      await ok('workflow:beginPerformance', { caseId });
      await ok('workflow:recordVisit', {
        caseId,
        visitedOn: '2026-11-30',
        visitor: '马秀英',
        performanceStatus: 'performed',
        satisfaction: 'satisfied',
        escalationSigns: false,
        situation: '被申请人已通过银行转账付清全部流转费。',
      });
      await ok('workflow:close', { caseId });
      await as('dangan');
      await ok('dossiers:file', { caseId, retention: '长期' });
      const paper = (
        item: ChannelInput<'dossiers:attachPaper'>['item'],
        fileName: string,
        mimeType: 'application/pdf' | 'image/jpeg',
        dataBase64: string,
      ) => ok('dossiers:attachPaper', { caseId, item, fileName, mimeType, dataBase64 });
      await paper('id-proofs', '身份证复印件.pdf', 'application/pdf', idProofs);
      await paper('powers-of-attorney', '授权委托书.jpg', 'image/jpeg', TINY_JPEG.toString('base64'));
      await paper('agreement', '协议书签字件.pdf', 'application/pdf', agreementScan);
      await paper('evidence', '银行转账凭证.pdf', 'application/pdf', evidence);
      caseIds.push(caseId);
    }

    const mb = (n: number) => round(n / 1024 / 1024, 1);
    const rssAfterSetup = mb(process.memoryUsage().rss);
    const opts = () => ({
      today: today(app.session.clock),
      actorName: '测试dangan',
      at: app.session.clock.now(),
    });
    const render = () =>
      app.session.mutex.run(() => dossierPdfFile(app.session.repos(), caseIds[0]!, opts()));
    let first = await render();
    for (let i = 0; i < 5; i++) first = await render();
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const before = process.cpuUsage();
      times.push((await timed(render))[1]);
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    }
    const pdf = summarise(times);
    const pdfCpu = summarise(cpu);
    const rssAfterRenders = mb(process.memoryUsage().rss);

    let batchPeak = process.memoryUsage().rss;
    const sampler = setInterval(() => (batchPeak = Math.max(batchPeak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const ids = Array.from({ length: BATCH }, (_, i) => caseIds[i % caseIds.length]!);
    const job = await ok('dossiers:exportBatch', { caseIds: ids, target: 'zip' });
    let status = job;
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 25));
      status = await ok('dossiers:exportStatus', { jobId: job.jobId });
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (status.exported !== BATCH)
      throw new Error(`batch exported ${status.exported} of ${BATCH}: ${JSON.stringify(status.skipped)}`);

    const result: DossierBenchResult = {
      pages: first.pageCount,
      pdfP50: pdf.p50,
      pdfP95: pdf.p95,
      pdfBytes: first.bytes.length,
      pdfCpuP50: pdfCpu.p50,
      pdfCpuP95: pdfCpu.p95,
      rssAfterSetupMb: rssAfterSetup,
      rssAfterRendersMb: rssAfterRenders,
      loadAverage: round(loadavg()[0]!, 1),
      batchSize: BATCH,
      batchSeconds: round(seconds, 1),
      dossiersPerSecond: round(BATCH / seconds, 1),
      peakRssMb: ownPeakRssMb(),
      batchPeakRssMb: round(batchPeak / 1024 / 1024, 1),
    };
    console.log(
      `卷宗PDF ${result.pages}页：p50 ${result.pdfP50} ms, p95 ${result.pdfP95} ms (CPU ${result.pdfCpuP50} / ${result.pdfCpuP95} ms; ${SAMPLES} runs, ${round(result.pdfBytes / 1024, 0)} KiB); ` +
        `batch of ${BATCH}: ${result.dossiersPerSecond} dossiers/s (${result.batchSeconds} s), batch peak RSS ${result.batchPeakRssMb} MB (after setup ${rssAfterSetup}, after renders ${rssAfterRenders}); load average ${result.loadAverage}`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
