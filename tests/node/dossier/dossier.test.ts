import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfScan, pngScan, TINY_JPEG } from '../../fixtures/scans';
import { pageImages, readDossierPdf } from './pdfText';
import { closedFailedCase, closedWrittenCase, dossierWorld } from './world';

// The rich 渠口乡 case through the real services: 立卷 after closing, what is missing and how to
// fix it, scanning in the missing paper, archiving, and the one PDF read back with poppler.

const b64 = (b: Buffer) => b.toString('base64');
const compact = (s: string) => s.replace(/\s+/g, '');

async function filedRichCase() {
  const w = await dossierWorld();
  await w.as('mediator');
  const caseId = await closedWrittenCase(w);
  await w.asArchivist();
  const filed = await w.app.ok('dossiers:file', { caseId, retention: '长期' });
  return { w, caseId, filed };
}

describe('立卷 and completeness', () => {
  it('refuses 立卷 before the case is closed, saying why', async () => {
    const w = await dossierWorld();
    const caseId = await w.newCase();
    await w.asArchivist();
    expect(await w.app.call('dossiers:file', { caseId, retention: '长期' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '案件当前状态为“已受理”，结案后才能立卷' },
    });
  });

  it('files a closed case with a 卷号 of its committee and year, and names what is missing', async () => {
    const { filed } = await filedRichCase();
    expect(filed.dossier).toMatchObject({
      filedByName: '测试danganyuan',
      filedOn: '2026-11-30',
      retention: '长期',
      state: 'open',
    });
    expect(filed.dossier!.volumeNumber).toMatch(/^（2026）.+人调卷字第001号$/);
    expect(filed.dossier!.title).toMatch(/^张志军与宁夏塞上沃土农业发展有限公司、马玉兰.+纠纷$/);
    expect(filed.caseKind).toBe('written');
    expect(filed.items.map((i) => [i.title, i.status])).toEqual([
      ['人民调解申请书', 'present'],
      ['人民调解受理登记表', 'present'],
      ['当事人权利义务告知书', 'present'],
      ['当事人身份证明', 'missing'],
      ['授权委托书', 'missing'],
      ['人民调解调查记录', 'present'],
      ['证据材料', 'notApplicable'],
      ['人民调解记录', 'present'],
      ['人民调解协议书', 'missing'],
      ['人民调解口头协议登记表', 'notApplicable'],
      ['调解终止告知书', 'notApplicable'],
      ['履行凭证', 'notApplicable'],
      ['人民调解回访记录', 'present'],
      ['司法确认材料', 'notApplicable'],
      ['卷内备注材料', 'notApplicable'],
    ]);
    expect(filed.missing).toEqual([
      '缺少当事人身份证明：请扫描各方当事人的身份证复印件或营业执照复印件，在本页“补充扫描件”中上传',
      '缺少授权委托书：本案有委托代理人，请扫描其授权委托书，在本页“补充扫描件”中上传',
      '缺少人民调解协议书签字扫描件：请在文书中上传当事人签字、盖章后的协议书扫描件，或在本页“补充扫描件”中上传',
    ]);
  });

  it('asks a failed mediation for its termination notice, not for an agreement', async () => {
    const w = await dossierWorld();
    await w.as('mediator');
    const caseId = await closedFailedCase(w);
    const filed = await w.app.ok('dossiers:file', { caseId, retention: '短期' });
    expect(filed.caseKind).toBe('failed');
    const status = Object.fromEntries(filed.items.map((i) => [i.key, [i.status, i.mandatory]]));
    expect(status['termination-notice']).toEqual(['present', true]);
    expect(status['mediation-records']).toEqual(['present', true]);
    expect(status.agreement).toEqual(['notApplicable', false]);
    expect(status['return-visits']).toEqual(['notApplicable', false]);
  });

  it('needs no mediation record for a refusal', async () => {
    const w = await dossierWorld();
    await w.as('mediator');
    const caseId = await closedFailedCase(w, 'refused');
    const filed = await w.app.ok('dossiers:file', { caseId, retention: '短期' });
    expect(filed.caseKind).toBe('refused');
    const status = Object.fromEntries(filed.items.map((i) => [i.key, [i.status, i.mandatory]]));
    expect(status['mediation-records']).toEqual(['notApplicable', false]);
    expect(status['rights-notice']![1]).toBe(false);
    expect(status['termination-notice']).toEqual(['present', true]);
  });
});

describe('归档', () => {
  it('refuses to archive with a missing item unless a written reason is given, which the 备考表 prints', async () => {
    const { w, caseId } = await filedRichCase();
    const refused = await w.app.call('dossiers:archive', { caseId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/^卷宗缺少必备材料，不能归档：缺少当事人身份证明/);
    const archived = await w.app.ok('dossiers:archive', {
      caseId,
      missingReason: '当事人身份证复印件在县局复核，复核后补入卷宗',
    });
    expect(archived.caseStatus).toBe('archived');
    expect(archived.archives).toMatchObject([
      { revision: 1, missingReason: '当事人身份证复印件在县局复核，复核后补入卷宗' },
    ]);
    const pdf = await w.app.ok('dossiers:pdf', { caseId });
    const read = await readDossierPdf(Buffer.from(pdf.dataBase64, 'base64'));
    const note = compact(read.pages.at(-1)!);
    expect(note).toContain('备考表');
    expect(note).toContain(
      '缺项归档：缺少当事人身份证明；缺少授权委托书；缺少人民调解协议书签字扫描件。理由：当事人身份证复印件在县局复核',
    );
  });

  it('archives the complete file: one PDF with every item in order, numbered pages and matching contents', async () => {
    const { w, caseId } = await filedRichCase();
    await w.app.ok('dossiers:attachPaper', {
      caseId,
      item: 'id-proofs',
      fileName: '身份证复印件.pdf',
      mimeType: 'application/pdf',
      dataBase64: b64(await pdfScan(3, 'ID')),
    });
    await w.app.ok('dossiers:attachPaper', {
      caseId,
      item: 'powers-of-attorney',
      fileName: '授权委托书.jpg',
      mimeType: 'image/jpeg',
      dataBase64: b64(TINY_JPEG),
    });
    const ready = await w.app.ok('dossiers:attachPaper', {
      caseId,
      item: 'agreement',
      fileName: '协议书签字件.png',
      mimeType: 'image/png',
      dataBase64: b64(await pngScan('人民调解协议书签字页')),
    });
    expect(ready.missing).toEqual([]);
    const archived = await w.app.ok('dossiers:archive', { caseId });
    expect(archived).toMatchObject({ caseStatus: 'archived', dossier: { state: 'archived', revision: 1 } });

    const file = await w.app.ok('dossiers:pdf', { caseId });
    expect(file.fileName).toMatch(/人调卷字第001号-第1版\.pdf$/);
    const read = await readDossierPdf(Buffer.from(file.dataBase64, 'base64'));
    expect(read.pages.length).toBe(file.pageCount);
    expect(archived.archives[0]!.pageCount).toBe(file.pageCount);

    // Every page carries its number in the dossier's sequence, top right.
    read.pages.forEach((text, i) => {
      expect(
        text
          .split('\n')
          .find((l) => l.trim())!
          .trim()
          .split(/\s+/)
          .at(-1),
        `page ${i + 1}`,
      ).toBe(String(i + 1));
    });

    // The bookmarks: every item in binding order.
    expect(read.bookmarks.map((b) => b.title)).toEqual([
      '卷宗封面',
      '卷内目录',
      '人民调解申请书',
      '人民调解受理登记表',
      '当事人权利义务告知书',
      '当事人身份证明',
      '授权委托书',
      '人民调解调查记录',
      '人民调解记录',
      '人民调解协议书',
      '人民调解回访记录',
      '备考表',
    ]);

    // The contents list: each item's page range starts where its bookmark (and its text) starts.
    const contents = read.pages[1]!;
    expect(compact(contents)).toContain('卷内目录');
    const starts = new Map(read.bookmarks.map((b) => [b.title, b.page]));
    for (const title of [...starts.keys()].slice(2)) {
      const row = contents.split('\n').find((l) => compact(l).includes(title));
      expect(row, title).toBeDefined();
      const range = /(\d+)(?:-(\d+))?\s*(?:\S+份|签字扫描件)?\s*$/.exec(row!.trim());
      expect(range, `${title}: ${row}`).not.toBeNull();
      expect(Number(range![1]), title).toBe(starts.get(title));
    }
    // Forms typeset from the document model start with their own title on that page.
    for (const title of [
      '人民调解受理登记表',
      '当事人权利义务告知书',
      '人民调解记录',
      '人民调解回访记录',
      '备考表',
    ]) {
      expect(compact(read.pages[starts.get(title)! - 1]!), title).toContain(title);
    }
    // The scanned ID proof's three pages follow in order.
    const id = starts.get('当事人身份证明')!;
    expect(read.pages.slice(id - 1, id + 2).map((p) => /ID PAGE (\d) OF 3/.exec(p)?.[1])).toEqual([
      '1',
      '2',
      '3',
    ]);

    // Cover and back cover carry the real values.
    const cover = compact(read.pages[0]!);
    expect(cover).toContain('调解卷宗');
    expect(cover).toContain(archived.dossier!.volumeNumber);
    expect(cover).toContain('测试danganyuan');
    expect(cover).toContain('长期');
    expect(cover).toContain('2026年11月30日');
    expect(compact(read.pages.at(-1)!)).toContain(`本卷共有文件材料10件，共${file.pageCount}页`);

    // Archival habits: embedded subset font, title, no JavaScript.
    expect(read.fonts).toMatch(/DOSSIE\+NotoSerifCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    expect(read.info).toContain(`Title:           ${archived.dossier!.volumeNumber}`);
    expect(read.info).toMatch(/Author:\s+平罗县医疗纠纷人民调解委员会/);
    expect(read.info).toContain('JavaScript:      no');

    mkdirSync('test-results/dossier', { recursive: true });
    await pageImages(read.path, 'test-results/dossier/rich');
  });
});
