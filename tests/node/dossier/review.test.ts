import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../main/contract';
import { closedFailedCase, closedWrittenCase, dossierWorld } from './world';

// 案卷评查 (checklist scores → grade, stored for the subsidy), the archive list found by 卷号 and
// filtered by review, the case search that also knows 卷号, and batch export with progress events,
// cancel and a summary of what was skipped.

describe('案卷评查 and the archive list', () => {
  it('scores a dossier on the seven dimensions, grades it, and lists reviewed and unreviewed files per committee', async () => {
    const w = await dossierWorld();
    await w.as('mediator');
    const written = await closedWrittenCase(w);
    const failed = await closedFailedCase(w);
    await w.asArchivist();
    const a = await w.app.ok('dossiers:file', { caseId: written, retention: '长期' });
    await w.app.ok('dossiers:file', { caseId: failed, retention: '短期' });
    const checklist = await w.app.ok('dossiers:checklist', {});
    expect(checklist.items.map((i) => i.label)).toEqual([
      '受理',
      '调查',
      '调解过程',
      '协议',
      '回访',
      '文书规范',
      '装订归档',
    ]);
    expect(checklist.items.reduce((s, i) => s + i.max, 0)).toBe(100);
    const over = await w.app.call('dossiers:review', {
      caseId: written,
      reviewedOn: '2026-11-30',
      scores: {
        intake: 16,
        investigation: 15,
        process: 15,
        agreement: 20,
        visit: 10,
        forms: 15,
        binding: 10,
      },
    });
    expect(over).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '受理：不能超过15分' } });
    const reviewed = await w.app.ok('dossiers:review', {
      caseId: written,
      reviewedOn: '2026-11-30',
      scores: { intake: 15, investigation: 13, process: 14, agreement: 18, visit: 9, forms: 13, binding: 9 },
      comments: '卷宗完整，证据收集规范；授权委托书复印件不清晰。',
    });
    expect(reviewed.reviews).toEqual([
      expect.objectContaining({
        reviewerName: '测试danganyuan',
        reviewedOn: '2026-11-30',
        total: 91,
        grade: '优秀',
      }),
    ]);
    const summary = await w.app.ok('dossiers:reviewSummary', { year: 2026 });
    expect(summary).toEqual([
      expect.objectContaining({
        committeeName: '平罗县医疗纠纷人民调解委员会',
        filed: 2,
        archived: 0,
        reviewed: 1,
      }),
    ]);
    const unreviewed = await w.app.ok('dossiers:list', { reviewed: false, page: 1, pageSize: 20 });
    expect(unreviewed.items.map((i) => i.caseId)).toEqual([failed]);
    const found = await w.app.ok('dossiers:list', { query: a.dossier!.volumeNumber, page: 1, pageSize: 20 });
    expect(found.items).toEqual([expect.objectContaining({ caseId: written, grade: '优秀', total: 91 })]);
    // The case search box finds the case by its 卷号 too.
    const cases = await w.app.ok('cases:list', { query: a.dossier!.volumeNumber, page: 1, pageSize: 20 });
    expect(cases.items.map((c) => c.id)).toEqual([written]);
  });
});

describe('batch export', () => {
  it('exports the selected dossiers in the background with progress, skips and names what it cannot, and can be cancelled', async () => {
    const w = await dossierWorld();
    await w.as('mediator');
    const one = await closedWrittenCase(w);
    const two = await closedFailedCase(w);
    const unfiled = await closedFailedCase(w, 'refused');
    await w.asArchivist();
    await w.app.ok('dossiers:file', { caseId: one, retention: '长期' });
    await w.app.ok('dossiers:file', { caseId: two, retention: '短期' });
    await w.app.ok('dossiers:archive', { caseId: two, missingReason: '当事人身份证明由县局另行保管' });
    const events: EventPayload<'job:progress'>[] = [];
    w.app.session.onEvent((name, payload) => {
      if (name === 'job:progress') events.push(payload as EventPayload<'job:progress'>);
    });
    const job = await w.app.ok('dossiers:exportBatch', { caseIds: [one, two, unfiled], target: 'folder' });
    expect(job).toMatchObject({ total: 3, done: 0, state: 'running' });
    // The desk keeps answering while the job runs.
    expect((await w.app.ok('dossiers:get', { caseId: one })).dossier?.state).toBe('open');
    let status = job;
    for (let i = 0; i < 200 && status.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = await w.app.ok('dossiers:exportStatus', { jobId: job.jobId });
    }
    const unfiledNumber = (await w.app.ok('cases:get', { id: unfiled })).caseNumber;
    expect(status).toMatchObject({
      state: 'finished',
      done: 3,
      exported: 2,
      skipped: [{ caseNumber: unfiledNumber, reason: '尚未立卷' }],
    });
    expect(readdirSync(status.folder!).sort()).toEqual([
      expect.stringMatching(/第001号-未归档\.pdf$/),
      expect.stringMatching(/第002号-第1版\.pdf$/),
    ]);
    expect(status.folder!.startsWith(join(w.app.dataDir, '导出'))).toBe(true);
    expect(events.map((e) => [e.done, e.state])).toEqual([
      [0, 'running'],
      [1, 'running'],
      [2, 'running'],
      [3, 'finished'],
    ]);

    const zip = await w.app.ok('dossiers:exportBatch', { caseIds: [one, two], target: 'zip' });
    const cancelled = await w.app.ok('dossiers:cancelExport', { jobId: zip.jobId });
    expect(cancelled.jobId).toBe(zip.jobId);
    let after = cancelled;
    for (let i = 0; i < 200 && after.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = await w.app.ok('dossiers:exportStatus', { jobId: zip.jobId });
    }
    expect(after.state).toBe('cancelled');
    expect(after.exported).toBeLessThan(2);

    const full = await w.app.ok('dossiers:exportBatch', { caseIds: [one, two], target: 'zip' });
    let done = full;
    for (let i = 0; i < 200 && done.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      done = await w.app.ok('dossiers:exportStatus', { jobId: full.jobId });
    }
    const file = await w.app.ok('dossiers:exportZip', { jobId: full.jobId });
    const bytes = Buffer.from(file.dataBase64, 'base64');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(file.fileName).toMatch(/^卷宗-\d{8}-\d{6}\.zip$/);
  });
});
