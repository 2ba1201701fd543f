import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PDF_FILE, PNG_FILE } from '../../fixtures/files';
import { agreedCase, workflowWorld } from './world';
import { whole } from '../../../main/core/documents/layout/unbreakable';

// Every generation is a stored version inside the encrypted database: numbered per document,
// with who, when and the SHA-256 of the exact bytes. Packing is deterministic, so the hash of a
// regenerated document changes exactly when what it prints changes.

// Real files: the upload check reads more than the first bytes (main/core/files/fileType.ts).
const PDF = PDF_FILE;
const PNG = PNG_FILE;

describe('document versions', () => {
  it('numbers each generation; the hash stays when nothing printed changed and moves when it did', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(w);

    const v1 = await w.app.ok('documents:generate', { caseId, kind: 'agreement' });
    expect(v1).toMatchObject({
      versionNo: 1,
      latest: true,
      generatedByName: '测试tiaojie',
      title: '人民调解协议书',
    });
    expect(v1.fileName).toBe('（2026）平调字第0001号-人民调解协议书-第1版.docx');
    const bytes = Buffer.from((await w.app.ok('documents:get', { versionId: v1.id })).dataBase64, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(v1.sha256);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(v1.size).toBe(bytes.length);

    expect(v1.unchanged).toBe(false);
    // Regenerated a minute later with the same data: the same bytes, so no 第2版 — version 1 is
    // returned and marked unchanged (the screen says so).
    w.app.clock.advance(60_000);
    const v2 = await w.app.ok('documents:generate', { caseId, kind: 'agreement' });
    expect(v2).toMatchObject({ id: v1.id, versionNo: 1, latest: true, unchanged: true, sha256: v1.sha256 });
    expect(v2.shortCode).toBe(v1.shortCode);

    // A new session record changes what the mediation record prints: a different hash.
    const r1 = await w.app.ok('documents:generate', { caseId, kind: 'mediation-record' });
    const r2 = await w.app.ok('documents:generate', { caseId, kind: 'mediation-record' });
    expect(r2).toMatchObject({ id: r1.id, unchanged: true });
    await w.app.ok('workflow:beginPerformance', { caseId });
    await w.app.ok('workflow:addRecord', {
      caseId,
      kind: 'mediation',
      heldAt: '2026-11-30T00:50:00.000Z',
      place: '渠口乡人民调解委员会调解室',
      partiesPresent: '张志军、马玉兰',
      rightsNotified: true,
      statements: '调解员马秀英：督促被申请人按期支付。',
      result: '各方确认履行安排。',
      recorder: '杨帆',
    });
    const r3 = await w.app.ok('documents:generate', { caseId, kind: 'mediation-record' });
    expect(r3).toMatchObject({ versionNo: 2, unchanged: false });
    expect(r3.sha256).not.toBe(r1.sha256);

    const versions = await w.app.ok('documents:versions', { caseId, kind: 'agreement' });
    expect(versions.map((v) => [v.versionNo, v.latest])).toEqual([[1, true]]);
    const overview = await w.app.ok('documents:list', { caseId });
    expect(overview.kinds.find((k) => k.kind === 'mediation-record')).toMatchObject({
      versionCount: 2,
      latest: { versionNo: 2 },
    });

    // Who generated what is in the case history and the audit log.
    const detail = await w.app.ok('cases:get', { id: caseId });
    expect(detail.history.map((h) => h.action)).toContain('生成人民调解协议书');
    await w.as('admin');
    const audit = await w.app.ok('audit:list', { page: 1, pageSize: 50, action: 'documents:generate' });
    expect(audit.items[0]).toMatchObject({ outcome: 'ok', actorName: '测试tiaojie' });
    expect(audit.items.at(-1)!.detail).toContain(`人民调解协议书 第1版（SHA-256 ${v1.sha256.slice(0, 12)}`);
  });

  it('keeps the bytes only inside the encrypted store: the data directory holds no .docx', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(w);
    const v = await w.app.ok('documents:generate', { caseId, kind: 'agreement' });
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) =>
        statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
      );
    const files = walk(w.app.dataDir);
    expect(files.filter((f) => f.endsWith('.docx'))).toEqual([]);
    // Every .docx carries its part names in clear in the zip headers; none may be readable on disk.
    // The code is printed with word joiners between its characters (it never breaks across lines).
    const needles = [
      Buffer.from('word/document.xml'),
      Buffer.from(v.shortCode!),
      Buffer.from(whole(v.shortCode!)),
    ];
    for (const file of files)
      for (const needle of needles) expect(readFileSync(file).includes(needle), file).toBe(false);
  });
});

describe('signed scans', () => {
  it('attaches a PDF or image to a version and refuses anything else, in Chinese', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(w);
    const v = await w.app.ok('documents:generate', { caseId, kind: 'agreement' });

    const gif = await w.app.call('documents:attachScan', {
      versionId: v.id,
      fileName: '签字页.gif',
      mimeType: 'image/gif' as 'image/png',
      dataBase64: Buffer.from('GIF89a....').toString('base64'),
    });
    expect(gif).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '文件类型：签署扫描件只能是 PDF、JPG 或 PNG 文件' },
    });

    const disguised = await w.app.call('documents:attachScan', {
      versionId: v.id,
      fileName: '签字页.pdf',
      mimeType: 'application/pdf',
      dataBase64: Buffer.from('MZ this is an executable').toString('base64'),
    });
    expect(disguised).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '文件：文件内容与类型不符：签署扫描件只能是真实的 PDF、JPG 或 PNG 文件',
      },
    });

    const tooBig = await w.app.call('documents:attachScan', {
      versionId: v.id,
      fileName: '签字页.pdf',
      mimeType: 'application/pdf',
      dataBase64: 'A'.repeat(14_000_100),
    });
    expect(tooBig).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('扫描件超过10 MB') as unknown },
    });

    const withPdf = await w.app.ok('documents:attachScan', {
      versionId: v.id,
      fileName: '协议书签署件.pdf',
      mimeType: 'application/pdf',
      dataBase64: PDF.toString('base64'),
    });
    const withPng = await w.app.ok('documents:attachScan', {
      versionId: v.id,
      fileName: '第3页.png',
      mimeType: 'image/png',
      dataBase64: PNG.toString('base64'),
    });
    expect(withPdf.scans).toHaveLength(1);
    expect(withPng.scans.map((s) => [s.fileName, s.mimeType, s.addedByName])).toEqual([
      ['协议书签署件.pdf', 'application/pdf', '测试tiaojie'],
      ['第3页.png', 'image/png', '测试tiaojie'],
    ]);
    const back = await w.app.ok('documents:getScan', { scanId: withPdf.scans[0]!.id });
    expect(Buffer.from(back.dataBase64, 'base64').equals(PDF)).toBe(true);
    expect(back.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));

    // A read-only 档案员 sees the scans but cannot add one.
    const { addUser, switchUser, ADMIN } = await import('../../helpers/app');
    await switchUser(w.app, ADMIN.username, ADMIN.password);
    const archivist = await addUser(w.app, 'dangan', ['archivist']);
    await switchUser(w.app, archivist.username, archivist.password);
    expect((await w.app.ok('documents:versions', { caseId }))[0]!.scans).toHaveLength(2);
    expect(
      await w.app.call('documents:attachScan', {
        versionId: v.id,
        fileName: 'x.png',
        mimeType: 'image/png',
        dataBase64: PNG.toString('base64'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('exporting a copy', () => {
  it('hands the browser its download (audited) and says the desktop doors are closed in browser mode', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(w);
    const v = await w.app.ok('documents:generate', { caseId, kind: 'agreement' });
    expect(await w.app.ok('documents:platform', {})).toEqual({
      desktop: false,
      saveAs: false,
      openWithDefaultApp: false,
    });
    const download = await w.app.ok('documents:export', { versionId: v.id, mode: 'download' });
    expect(download).toMatchObject({
      mode: 'download',
      done: true,
      file: { fileName: v.fileName, sha256: v.sha256 },
    });
    expect(await w.app.call('documents:export', { versionId: v.id, mode: 'saveAs' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '“另存为”仅在桌面版中可用，浏览器中请使用“下载”' },
    });
    await w.as('admin');
    const audit = await w.app.ok('audit:list', { page: 1, pageSize: 10, action: 'documents:export' });
    expect(audit.items.map((e) => [e.outcome, e.detail])).toEqual([
      ['error', '“另存为”仅在桌面版中可用，浏览器中请使用“下载”'],
      ['ok', '（2026）平调字第0001号：人民调解协议书 第1版，下载'],
    ]);
  });
});
