import { describe, expect, it } from 'vitest';
import {
  brokenXrefPdf,
  CORRUPT_JPEG,
  CORRUPT_PDF,
  encryptedPdf,
  pdfScan,
  TINY_JPEG,
} from '../../fixtures/scans';
import { readDossierPdf } from './pdfText';
import { closedWrittenCase, dossierWorld } from './world';

// Paper as it arrives: a corrupt scan, an empty file, an encrypted PDF, one with a broken
// cross-reference table, a 100-page scan. Each gets a clear message or correct pages — never a
// crash, never a dossier with half of something in it.

const b64 = (b: Buffer) => b.toString('base64');

async function openDossier() {
  const w = await dossierWorld();
  await w.as('mediator');
  const caseId = await closedWrittenCase(w);
  await w.asArchivist();
  await w.app.ok('dossiers:file', { caseId, retention: '长期' });
  return { w, caseId };
}

describe('scanning paper into a dossier', () => {
  it('refuses broken files with a message that says what to do, and stores none of them', async () => {
    const { w, caseId } = await openDossier();
    const attempt = (fileName: string, mimeType: 'application/pdf' | 'image/jpeg', data: Buffer) =>
      w.app.call('dossiers:attachPaper', {
        caseId,
        item: 'id-proofs',
        fileName,
        mimeType,
        dataBase64: b64(data),
      });
    expect(await attempt('空文件.pdf', 'application/pdf', Buffer.alloc(0))).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '文件：文件是空的（0字节），请重新扫描上传',
        issues: [{ path: ['dataBase64'], field: '文件', message: '文件是空的（0字节），请重新扫描上传' }],
      },
    });
    expect(await attempt('坏.pdf', 'application/pdf', CORRUPT_PDF)).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '文件：当事人身份证明“坏.pdf”：PDF文件已损坏，无法读取，请重新扫描上传',
      },
    });
    expect(await attempt('加密.pdf', 'application/pdf', await encryptedPdf())).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message:
          '文件：当事人身份证明“加密.pdf”：PDF已加密（设有密码或权限限制），请用扫描软件另存为不加密的PDF后重新上传',
      },
    });
    expect(await attempt('坏.jpg', 'image/jpeg', CORRUPT_JPEG)).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '文件：当事人身份证明“坏.jpg”：图片文件已损坏或格式不受支持，请重新扫描为 JPG 或 PNG 后上传',
      },
    });
    const view = await w.app.ok('dossiers:get', { caseId });
    expect(view.papers).toEqual([]);
    expect(view.items.find((i) => i.key === 'id-proofs')!.status).toBe('missing');
  });

  it('places a PDF with a broken cross-reference table and a 100-page scan page by page, in order', async () => {
    const { w, caseId } = await openDossier();
    await w.app.ok('dossiers:attachPaper', {
      caseId,
      item: 'id-proofs',
      fileName: '身份证（xref损坏）.pdf',
      mimeType: 'application/pdf',
      dataBase64: b64(await brokenXrefPdf(2)),
    });
    const view = await w.app.ok('dossiers:attachPaper', {
      caseId,
      item: 'evidence',
      fileName: '银行流水.pdf',
      mimeType: 'application/pdf',
      dataBase64: b64(await pdfScan(100, 'BANK')),
    });
    expect(view.papers.map((p) => [p.fileName, p.pages])).toEqual([
      ['身份证（xref损坏）.pdf', 2],
      ['银行流水.pdf', 100],
    ]);
    await w.app.ok('dossiers:attachPaper', {
      caseId,
      item: 'powers-of-attorney',
      fileName: '委托书.jpg',
      mimeType: 'image/jpeg',
      dataBase64: b64(TINY_JPEG),
    });
    const file = await w.app.ok('dossiers:pdf', { caseId });
    const read = await readDossierPdf(Buffer.from(file.dataBase64, 'base64'));
    const evidence = read.bookmarks.find((b) => b.title === '证据材料')!.page;
    const bank = read.pages
      .slice(evidence - 1, evidence + 99)
      .map((p) => /BANK PAGE (\d+) OF 100/.exec(p)?.[1]);
    expect(bank).toEqual(Array.from({ length: 100 }, (_, i) => String(i + 1)));
    const id = read.bookmarks.find((b) => b.title === '当事人身份证明')!.page;
    expect(read.pages.slice(id - 1, id + 1).map((p) => /BROKEN-XREF PAGE (\d) OF 2/.exec(p)?.[1])).toEqual([
      '1',
      '2',
    ]);
    expect(read.pages.length).toBe(file.pageCount);
    expect(file.pageCount).toBeGreaterThan(113);
  });

  it('refuses to archive when stored evidence cannot be placed, names it, and writes no archive', async () => {
    const { w, caseId } = await openDossier();
    // Evidence uploaded while mediating passes a first-bytes check only; its body is garbage.
    await w.as('admin');
    // The case is closed: the archivist cannot add evidence through the workflow, so plant it directly.
    const repos = w.app.session.repos();
    const good = repos.workflow.attachments(caseId);
    expect(good).toEqual([]);
    await w.app.session.transaction(async (tx) => {
      tx.workflow.insertAttachment(
        {
          id: '11111111-2222-4333-8444-555555555555',
          originOfficeId: '7da55d92-5712-44e5-beb3-bda8994c7a55',
          version: 1,
          createdAt: '2026-11-30T02:00:00.000Z',
          updatedAt: '2026-11-30T02:00:00.000Z',
          deletedAt: null,
          caseId,
          recordId: null,
          fileName: '现场照片.pdf',
          mimeType: 'application/pdf',
          size: CORRUPT_PDF.length,
          sha256: 'x'.repeat(64),
          description: '现场照片',
          addedByName: '马秀英',
        },
        CORRUPT_PDF,
      );
    });
    await w.asArchivist();
    const refused = await w.app.call('dossiers:archive', {
      caseId,
      missingReason: '身份证明与委托书另行补交，先行归档',
    });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '证据材料“现场照片.pdf”：PDF文件已损坏，无法读取，请重新扫描上传' },
    });
    const view = await w.app.ok('dossiers:get', { caseId });
    expect(view).toMatchObject({
      caseStatus: 'closed',
      archives: [],
      dossier: { state: 'open', revision: 0 },
    });
  });
});
