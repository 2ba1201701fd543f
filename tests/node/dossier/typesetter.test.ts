import { existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import yauzl, { type Entry } from 'yauzl';
import type { ExportJobDto } from '../../../main/contract';
import * as dossierPdf from '../../../main/core/dossier/dossierPdf';
import { dossierPdfSource } from '../../../main/core/dossier/pdfFile';
import {
  DossierTypesetter,
  TYPESETTER_LIMITS,
  typesetDossier,
  typesetter,
} from '../../../main/core/dossier/typesetter/client';
import { today } from '../../../main/core/dates';
import { closedFailedCase, closedWrittenCase, dossierWorld, type DossierWorld } from './world';

// Dossier PDFs are typeset in a worker thread with a bounded heap (the batch export of 200 once
// peaked at 515 MB RSS in the desk's own heap). The worker must give the very PDF the in-process
// typesetter gives, the batch must really use it, and when the worker dies the batch stops with a
// clear Chinese message and leaves no half-written zip behind.

async function filedCases(w: DossierWorld): Promise<[string, string]> {
  await w.as('mediator');
  const one = await closedWrittenCase(w);
  const two = await closedFailedCase(w);
  await w.asArchivist();
  await w.app.ok('dossiers:file', { caseId: one, retention: '长期' });
  await w.app.ok('dossiers:file', { caseId: two, retention: '短期' });
  return [one, two];
}

async function settled(w: DossierWorld, job: ExportJobDto): Promise<ExportJobDto> {
  let status = job;
  for (let i = 0; i < 400 && status.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    status = await w.app.ok('dossiers:exportStatus', { jobId: job.jobId });
  }
  return status;
}

/** Every entry of a zip, read back in full. */
async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, z) => (error ? reject(error) : resolve(z))),
  );
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', reject);
        stream.on('end', () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return files;
}

/** The batch zips in the temporary folder (which a lock empties and removes). */
const exportZips = (w: DossierWorld) =>
  existsSync(w.app.session.paths.temp)
    ? readdirSync(w.app.session.paths.temp).filter((f) => f.startsWith('export-'))
    : [];

describe('dossier typesetter worker', () => {
  afterEach(() => vi.restoreAllMocks());

  it('typesets in a worker thread the very PDF the in-process typesetter makes, and the batch uses it', async () => {
    const w = await dossierWorld();
    const [one, two] = await filedCases(w);
    const source = await w.app.session.mutex.run(() =>
      dossierPdfSource(w.app.session.repos(), one, {
        today: today(w.app.session.clock),
        actorName: '测试danganyuan',
        at: w.app.session.clock.now(),
      }),
    );
    if (!('job' in source)) throw new Error('expected a dossier to typeset');
    const inProcess = await dossierPdf.renderDossierJob(source.job);
    const inWorker = await typesetDossier(source.job);
    expect(inWorker.pageCount).toBe(inProcess.pageCount);
    expect(inWorker.bookmarks).toEqual(inProcess.bookmarks);
    expect([...inWorker.ranges]).toEqual([...inProcess.ranges]);
    expect(Buffer.from(inWorker.bytes).equals(Buffer.from(inProcess.bytes))).toBe(true);

    // The batch: every dossier goes to the worker; the desk's thread lays out none of them.
    const inMain = vi.spyOn(dossierPdf, 'renderDossierJob');
    const viaWorker = vi.spyOn(DossierTypesetter.prototype, 'render');
    const job = await w.app.ok('dossiers:exportBatch', { caseIds: [one, two], target: 'zip' });
    const done = await settled(w, job);
    expect(done).toMatchObject({ state: 'finished', exported: 2, skipped: [] });
    expect(viaWorker).toHaveBeenCalledTimes(2);
    expect(inMain).not.toHaveBeenCalled();
    const file = await w.app.ok('dossiers:exportZip', { jobId: job.jobId });
    const entries = await unzip(Buffer.from(file.dataBase64, 'base64'));
    expect([...entries.keys()].sort()).toEqual([
      expect.stringMatching(/第001号-未归档\.pdf$/),
      expect.stringMatching(/第002号-未归档\.pdf$/),
    ]);
    for (const pdf of entries.values()) {
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    }
  });

  it('stops the batch with a clear message when the worker dies, leaves no zip, and starts afresh for the next PDF', async () => {
    const w = await dossierWorld();
    const [one, two] = await filedCases(w);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A worker starved of memory dies as one would on a huge dossier: out of memory.
    await typesetter().close();
    const limits = { ...TYPESETTER_LIMITS };
    Object.assign(TYPESETTER_LIMITS, { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 });
    let failed: ExportJobDto;
    try {
      const job = await w.app.ok('dossiers:exportBatch', { caseIds: [one, two], target: 'zip' });
      failed = await settled(w, job);
    } finally {
      Object.assign(TYPESETTER_LIMITS, limits);
    }
    expect(failed.state).toBe('failed');
    expect(failed.exported).toBe(0);
    expect(failed.skipped.at(-1)?.reason).toBe(
      '卷宗排版线程意外终止（可能是内存不足），卷宗PDF未能生成。请关闭其他程序后重试。批量导出已中止，未保存不完整的压缩文件',
    );
    expect(failed.zipName).toBeNull();
    expect(exportZips(w)).toEqual([]);
    expect(await w.app.call('dossiers:exportZip', { jobId: failed.jobId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '该导出任务没有可下载的压缩文件' },
    });
    expect(errors).toHaveBeenCalledWith('[dossier typesetter]', expect.anything());

    // The next PDF gets a new worker.
    const pdf = await w.app.ok('dossiers:pdf', { caseId: one });
    expect(pdf.pageCount).toBeGreaterThan(3);
  });

  it('stops when its sign-in ends (someone else signs in): nothing more read in its name, no zip left', async () => {
    const w = await dossierWorld();
    const [one, two] = await filedCases(w);
    const caseIds = Array.from({ length: 40 }, (_, i) => (i % 2 ? two : one));
    const job = await w.app.ok('dossiers:exportBatch', { caseIds, target: 'zip' });
    for (let i = 0; i < 400; i++) {
      if ((await w.app.ok('dossiers:exportStatus', { jobId: job.jobId })).exported >= 1) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await w.as('mediator');
    // The batch's next step finds the mediator signed in (or, on a slow machine, the archivist
    // back in a new sign-in): either way it stops.
    await new Promise((r) => setTimeout(r, 1_000));
    // The job is the archivist's: the mediator cannot see it, and it has stopped on its own.
    expect(await w.app.call('dossiers:exportStatus', { jobId: job.jobId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await w.asArchivist();
    const stopped = await settled(w, await w.app.ok('dossiers:exportStatus', { jobId: job.jobId }));
    expect(stopped.state).toBe('failed');
    expect(stopped.exported).toBeLessThan(40);
    expect(['已有其他用户登录，批量导出已中止', '会话曾被锁定，批量导出已中止']).toContain(
      stopped.skipped.at(-1)?.reason,
    );
    expect(exportZips(w)).toEqual([]);
  });

  it('cancelled mid-batch, keeps a zip of whole PDFs only', async () => {
    const w = await dossierWorld();
    const [one, two] = await filedCases(w);
    const job = await w.app.ok('dossiers:exportBatch', { caseIds: [one, two, one, two], target: 'zip' });
    // Cancel once the first dossier is in the zip, while the next is being typeset.
    for (let i = 0; i < 400; i++) {
      if ((await w.app.ok('dossiers:exportStatus', { jobId: job.jobId })).exported >= 1) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await w.app.ok('dossiers:cancelExport', { jobId: job.jobId });
    const cancelled = await settled(w, job);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.exported).toBeGreaterThanOrEqual(1);
    expect(cancelled.exported).toBeLessThan(4);
    const file = await w.app.ok('dossiers:exportZip', { jobId: job.jobId });
    const entries = await unzip(Buffer.from(file.dataBase64, 'base64'));
    expect(entries.size).toBe(cancelled.exported);
    for (const pdf of entries.values()) {
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    }
    expect(exportZips(w)).toEqual([]);
  });
});
