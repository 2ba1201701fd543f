import { describe, expect, it } from 'vitest';
import { displayNameFor } from '../../../main/contract';
import { contentMatches } from '../../../main/core/files/fileType';
import { JPEG_FILE, PDF_FILE, PDF_THEN_HTML, PNG_FILE, TIFF_FILE } from '../../fixtures/files';
import { agreedCase, mediatingCase, workflowWorld } from '../documentStore/world';

// Issue 8 §3, plaintext leftovers: file names were stored as typed (../../etc/cron.d/x.pdf, bidi
// controls), and a file starting with %PDF- followed by HTML passed the five-byte type check.

const b = (s: string) => Buffer.from(s, 'latin1');

describe('what an upload really is', () => {
  it('accepts real PDF, JPEG, PNG and TIFF files', () => {
    expect(contentMatches('application/pdf', PDF_FILE)).toBe(true);
    expect(contentMatches('image/jpeg', JPEG_FILE)).toBe(true);
    expect(contentMatches('image/png', PNG_FILE)).toBe(true);
    expect(contentMatches('image/tiff', TIFF_FILE)).toBe(true);
  });

  it('refuses files that only start like one', () => {
    expect(contentMatches('application/pdf', PDF_THEN_HTML)).toBe(false);
    expect(contentMatches('application/pdf', b('%PDF-1.7\n1 0 obj\n'))).toBe(false); // no %%EOF
    expect(contentMatches('application/pdf', b('%PDF-\n%%EOF'))).toBe(false); // no version
    const svg = Buffer.concat([PDF_FILE.subarray(0, 40), b('<svg onload=alert(1)>'), PDF_FILE.subarray(40)]);
    expect(contentMatches('application/pdf', svg)).toBe(false);
    expect(contentMatches('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0x00, 1, 2, 3, 4, 0xff, 0xd9]))).toBe(
      false,
    );
    expect(contentMatches('image/jpeg', JPEG_FILE.subarray(0, JPEG_FILE.length - 2))).toBe(false); // no EOI
    expect(contentMatches('image/png', PNG_FILE.subarray(0, 16))).toBe(false);
    expect(
      contentMatches('image/png', Buffer.concat([PNG_FILE.subarray(0, 8), b('<html>'.padEnd(60))])),
    ).toBe(false);
    expect(contentMatches('image/tiff', b('II*\u0000\u00ff\u00ff\u00ff\u0000padding'))).toBe(false);
    for (const t of ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const)
      expect(contentMatches(t, Buffer.alloc(0)), t).toBe(false);
  });

  it('shows a file under a safe name that ends in its type', () => {
    expect(displayNameFor('../../etc/cron.d/x.pdf', 'application/pdf')).toBe('x.pdf');
    expect(displayNameFor('invoice\u202efdp.exe', 'application/pdf')).toBe('invoicefdp.exe.pdf');
    expect(displayNameFor('照片.JPG', 'image/jpeg')).toBe('照片.JPG');
    expect(displayNameFor('照片', 'image/png')).toBe('照片.png');
    expect(displayNameFor(`${'长'.repeat(120)}.exe`, 'image/png')).toMatch(/^长+\.png$/);
    expect([...displayNameFor(`${'长'.repeat(120)}.exe`, 'image/png')].length).toBe(100);
  });
});

describe('uploads through the desk', () => {
  it('stores evidence under its safe display name and refuses a PDF that is a web page', async () => {
    const w = await workflowWorld();
    const caseId = await mediatingCase(w);
    const path = await w.app.ok('workflow:addAttachment', {
      caseId,
      fileName: '../../etc/cron.d/x.pdf',
      mimeType: 'application/pdf',
      dataBase64: PDF_FILE.toString('base64'),
    });
    expect(path.fileName).toBe('x.pdf');
    const bidi = await w.app.ok('workflow:addAttachment', {
      caseId,
      fileName: 'invoice\u202efdp.exe',
      mimeType: 'application/pdf',
      dataBase64: PDF_FILE.toString('base64'),
    });
    expect(bidi.fileName).toBe('invoicefdp.exe.pdf');
    expect((await w.app.ok('workflow:getAttachment', { id: bidi.id })).fileName).toBe('invoicefdp.exe.pdf');
    const workflow = await w.app.ok('workflow:get', { caseId });
    expect(workflow.attachments.map((a) => a.fileName).sort()).toEqual(['invoicefdp.exe.pdf', 'x.pdf']);

    const html = await w.app.call('workflow:addAttachment', {
      caseId,
      fileName: '协议.pdf',
      mimeType: 'application/pdf',
      dataBase64: PDF_THEN_HTML.toString('base64'),
    });
    expect(html).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '文件：文件内容与类型不符：只能上传真实的 JPG、PNG、TIFF 图片或 PDF 文件',
      },
    });
    for (const [mimeType, data] of [
      ['image/jpeg', JPEG_FILE],
      ['image/tiff', TIFF_FILE],
    ] as const) {
      await w.app.ok('workflow:addAttachment', {
        caseId,
        fileName: 'scan',
        mimeType,
        dataBase64: data.toString('base64'),
      });
    }
  });

  it('does the same for signed scans of a printed agreement', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(w);
    const version = await w.app.ok('documents:generate', { caseId, kind: 'agreement' });
    const scanned = await w.app.ok('documents:attachScan', {
      versionId: version.id,
      fileName: '..\\..\\Windows\\协议书签字页\u202egnp.pdf',
      mimeType: 'application/pdf',
      dataBase64: PDF_FILE.toString('base64'),
    });
    expect(scanned.scans.map((s) => s.fileName)).toEqual(['协议书签字页gnp.pdf']);
    const html = await w.app.call('documents:attachScan', {
      versionId: version.id,
      fileName: '签字页.pdf',
      mimeType: 'application/pdf',
      dataBase64: PDF_THEN_HTML.toString('base64'),
    });
    expect(html).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const nothingLeft = await w.app.call('documents:attachScan', {
      versionId: version.id,
      fileName: '../../',
      mimeType: 'image/png',
      dataBase64: PNG_FILE.toString('base64'),
    });
    expect(nothingLeft).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '文件名：文件名无效，请重命名文件后重新上传' },
    });
  });
});
