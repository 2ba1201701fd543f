import { existsSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementFingerprint,
  documentKinds,
  renderDocument,
  type DocumentKindId,
} from '../../../main/core/documents';
import { caseFor, RICH_TODAY, richCase } from '../../fixtures/documentCase';
import { LibreOffice, renderPage, type PdfResult } from '../../helpers/libreoffice';
import { compact, expectInOrder, expectNoBlankFields, lastPageOf } from './assertText';
import { contains, order, printedTitle } from './expected';

// Every document of the rich case, rendered by LibreOffice and read back with pdftotext: the
// sections in their legal order, every field filled, A4 pages. One soffice run converts all
// fourteen files (≈ 5 s); the assertions then only read text.

const lo = new LibreOffice();
let pdfs: Record<string, PdfResult> = {};
const shortCode = agreementFingerprint(richCase()).shortCode;

beforeAll(async () => {
  const files: Record<string, Buffer> = {};
  for (const kind of documentKinds) {
    files[kind.id] = await renderDocument(kind.id, caseFor(kind.id), { today: RICH_TODAY });
  }
  pdfs = await lo.convert(files);
}, 180_000);

afterAll(() => lo.dispose());

const pdf = (id: DocumentKindId): PdfResult => pdfs[id]!;

describe('documents of the rich case, rendered by LibreOffice', () => {
  it('converts all fourteen kinds', () => {
    expect(Object.keys(pdfs).sort()).toEqual(documentKinds.map((k) => k.id).sort());
  });

  describe.each(documentKinds.map((k) => [k.id, k.title] as const))('%s (%s)', (id, title) => {
    it('is A4 portrait', () => {
      const { width, height } = pdf(id).pageSize;
      expect(width).toBeGreaterThanOrEqual(595);
      expect(width).toBeLessThan(596);
      expect(height).toBeGreaterThanOrEqual(841);
      expect(height).toBeLessThan(842);
    });

    it('has its title and sections in the legal order', () => {
      expect(compact(pdf(id).text)).toContain(compact(printedTitle[id] ?? title));
      expectInOrder(pdf(id).text, order[id]);
      for (const value of contains(shortCode)[id] ?? [])
        expect(compact(pdf(id).text)).toContain(compact(value));
    });

    it('has no blank field and no leaked placeholder', () => {
      expectNoBlankFields(pdf(id).text);
    });
  });

  it('prints every agreement term in full, punctuation included', () => {
    const text = compact(pdf('agreement').text);
    for (const term of richCase().agreement!.terms) expect(text).toContain(compact(term));
    expect(text).toContain(compact(richCase().agreement!.facts));
  });

  it('keeps together only what must be: the closing sentences, each signer, the seal with its signatories', () => {
    const text = pdf('agreement').text;
    const sealPage = lastPageOf(text, '平罗县渠口乡人民调解委员会（印章）');
    expect(sealPage).toBeGreaterThan(0);
    expect(lastPageOf(text, '本协议一式4份')).toBe(lastPageOf(text, '本协议自各方当事人签名'));
    expect(lastPageOf(text, '申请人：张志军签名（指印）')).toBe(lastPageOf(text, '委托代理人：张晓峰签名'));
    expect(lastPageOf(text, '宁夏塞上沃土农业发展有限公司（单位盖章）')).toBe(
      lastPageOf(text, '委托代理人：刘志强签名'),
    );
    for (const line of ['记录人：杨帆', `核验码：${shortCode}`])
      expect(lastPageOf(text, line), line).toBe(sealPage);
  });

  it('lists all three parties as joint applicants of the confirmation, with no respondent', () => {
    const text = compact(pdf('confirmation-application').text);
    expect(text).not.toContain('被申请人：');
    expect(text).not.toContain('第三人：');
    expect(text.match(/申请人：(张志军|宁夏塞上沃土农业发展有限公司|马玉兰)/g)?.length).toBe(6); // party lines + signatures
  });

  it('renders page 1 of the agreement for a human to look at', async () => {
    const png = await renderPage(pdf('agreement').pdfPath, 'test-results/documents/agreement-page1', 1, 80);
    expect(existsSync(png)).toBe(true);
    expect(statSync(png).size).toBeGreaterThan(10_000);
    const last = await renderPage(
      pdf('agreement').pdfPath,
      'test-results/documents/agreement-last',
      pdf('agreement').pages,
      80,
    );
    expect(existsSync(last)).toBe(true);
  });
});
