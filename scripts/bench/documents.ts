// Documents benchmark, called by `npm run bench` (scripts/bench/index.ts):
//   - ms per 人民调解协议书 and per 司法确认申请书, p50/p95 over `samples` runs after a warm-up
//     (generate + pack to .docx bytes, QR code included: what documents:generate spends before
//     storing the version);
//   - the limit, in the same run: the same agreement filled into a template by docxtemplater
//     (templateBaseline.ts), timed between the agreement's runs;
//   - documents per second for a batch of `batch` documents cycling through all 13 forms.
// Pure document layer on the rich fixture (3 parties, 5 terms, an amount); no database, no disk.
// Run by the bench in a process of its own (DOCUMENT_BENCH_* set the sizes); prints a JSON line.
import { performance } from 'node:perf_hooks';
import {
  documentKinds,
  renderAgreement,
  renderConfirmationApplication,
  renderDocument,
} from '../../main/core/documents';
import { caseFor, RICH_TODAY, richCase } from '../../tests/fixtures/documentCase';
import { startedAs } from './sections';
import { round, summarise, timed } from './stats';
import { agreementTemplate, fillTemplate } from './templateBaseline';

export interface DocumentsBenchOptions {
  /** Timed runs per document type (default 200). */
  samples?: number;
  /** Untimed runs first (default 30): the first ~100 ms are JIT and font tables. */
  warmup?: number;
  /** Documents in the throughput batch (default 1,000). */
  batch?: number;
}

export interface DocumentsBenchResult {
  agreementP50: number;
  agreementP95: number;
  confirmationP50: number;
  confirmationP95: number;
  /** The same agreement filled into a docxtemplater template: the limit. */
  templateP50: number;
  templateP95: number;
  batchDocsPerSecond: number;
  batchSize: number;
  /** Mean .docx size in the batch, bytes. */
  batchMeanBytes: number;
}

export async function benchDocuments(options: DocumentsBenchOptions = {}): Promise<DocumentsBenchResult> {
  const samples = options.samples ?? 200;
  const warmup = options.warmup ?? 30;
  const batch = options.batch ?? 1_000;
  const c = richCase();
  const at = { today: RICH_TODAY };

  const template = agreementTemplate(await renderAgreement(c, at));
  for (let i = 0; i < warmup; i++) {
    await renderAgreement(c, at);
    await renderConfirmationApplication(c, at);
    fillTemplate(template);
  }
  const agreement: number[] = [];
  const confirmation: number[] = [];
  const templated: number[] = [];
  for (let i = 0; i < samples; i++) {
    agreement.push((await timed(() => renderAgreement(c, at)))[1]);
    confirmation.push((await timed(() => renderConfirmationApplication(c, at)))[1]);
    templated.push((await timed(() => fillTemplate(template)))[1]);
  }

  const cases = documentKinds.map((k) => [k.id, caseFor(k.id)] as const);
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < batch; i++) {
    const [id, kindCase] = cases[i % cases.length]!;
    bytes += (await renderDocument(id, kindCase, at)).length;
  }
  const seconds = (performance.now() - started) / 1000;

  const a = summarise(agreement);
  const k = summarise(confirmation);
  const t = summarise(templated);
  return {
    agreementP50: a.p50,
    agreementP95: a.p95,
    confirmationP50: k.p50,
    confirmationP95: k.p95,
    templateP50: t.p50,
    templateP95: t.p95,
    batchDocsPerSecond: round(batch / seconds, 1),
    batchSize: batch,
    batchMeanBytes: Math.round(bytes / batch),
  };
}

if (startedAs('documents')) {
  const size = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  benchDocuments({
    samples: size('DOCUMENT_BENCH_SAMPLES'),
    batch: size('DOCUMENT_BENCH_BATCH'),
    warmup: size('DOCUMENT_BENCH_WARMUP'),
  }).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
