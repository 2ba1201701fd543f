import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocument, type DocumentKindId } from '../../../main/core/documents';
import { manyPartiesCase, RICH_TODAY } from '../../fixtures/documentCase';
import { LibreOffice, type PdfResult } from '../../helpers/libreoffice';
import { compact, expectInOrder, expectNoBlankFields, lastPageOf, pagesOf } from './assertText';

// Ten parties (people and companies, each with an agent) and ten terms: the documents must flow
// over several pages with every party present, party blocks unbroken and the signature block
// ending on the page that carries the seal.

const lo = new LibreOffice();
const c = manyPartiesCase(10);
const kinds: DocumentKindId[] = [
  'agreement',
  'confirmation-application',
  'application',
  'intake-register',
  'dossier-cover',
];
let pdfs: Record<string, PdfResult> = {};

beforeAll(async () => {
  const files: Record<string, Buffer> = {};
  for (const id of kinds)
    files[id] = await renderDocument(id, { ...c, stage: 'archived' }, { today: RICH_TODAY });
  pdfs = await lo.convert(files);
}, 180_000);

afterAll(() => lo.dispose());

const names = c.parties.map((p) => p.name);

describe('a ten-party case', () => {
  it('lays the agreement out over several A4 pages with all parties in order', () => {
    const agreement = pdfs.agreement!;
    expect(agreement.pages).toBeGreaterThanOrEqual(4);
    expect(Math.round(agreement.pageSize.width)).toBe(595);
    expectInOrder(agreement.text, [
      ...names,
      '经调解，自愿达成如下协议：',
      '十、',
      '本协议一式11份',
      ...names,
      '（印章）',
    ]);
    expectNoBlankFields(agreement.text);
  });

  it('ends the signature block on the seal page', () => {
    const text = pdfs.agreement!.text;
    const sealPage = lastPageOf(text, '（印章）');
    expect(lastPageOf(text, `第三人：${names.at(-1)}`)).toBe(sealPage);
    expect(lastPageOf(text, '记录人：杨帆')).toBe(sealPage);
    expect(lastPageOf(text, '核验码：')).toBe(sealPage);
  });

  it('makes every party a joint applicant of the confirmation', () => {
    const text = pdfs['confirmation-application']!.text;
    for (const name of names) expect(compact(text)).toContain(`申请人：${name}`);
    expect(compact(text)).not.toContain('被申请人：');
    expectNoBlankFields(text);
  });

  it('never splits a party block of the application grid across pages', () => {
    const pages = pagesOf(pdfs.application!.text);
    expect(pages.length).toBeGreaterThan(2);
    const count = (page: string, word: string) => page.split(word).length - 1;
    for (const page of pages) {
      // Each person block opens with 姓名 and ends with 住址; each organisation's with 名称 … 住所.
      expect(count(page, '姓名')).toBe(count(page, '住址'));
      expect(count(page, '名称')).toBe(count(page, '住所'));
    }
    for (const name of names) expect(compact(pdfs.application!.text)).toContain(name);
  });

  it('lists all parties on the register and the cover title', () => {
    for (const name of names) expect(compact(pdfs['intake-register']!.text)).toContain(name);
    expect(pdfs['dossier-cover']!.pages).toBe(1);
  });
});
