import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDocument,
  formatDate,
  packDocument,
  type DocumentCase,
  type DocumentKindId,
} from '../../../main/core/documents';
import { pageEmptiness as modelEmptiness } from '../../../main/core/documents/layout/flow';
import { fourPartyCase, manyPartiesCase, RICH_TODAY, richCase } from '../../fixtures/documentCase';
import { LibreOffice, pageEmptiness, renderPage, type PdfResult } from '../../helpers/libreoffice';
import { compact, lastPageOf, pagesOf } from './assertText';

// How the agreement and the confirmation application fall on paper (issue 10): no page but the
// last more than a third empty, measured from LibreOffice's PDF and from docx's layout model;
// only what must stay together does (the closing sentences, each signer's row, the seal with
// its signatories); a signature block that breaks repeats its heading with （续） at the top of
// the next page; the attachments never have a page to themselves; one full committee name; the
// quoted terms name every party as 申请人; an attachments list built from the case.

const lo = new LibreOffice();
const kinds: DocumentKindId[] = ['agreement', 'confirmation-application'];
const cases: Record<string, DocumentCase> = {
  rich: richCase(),
  four: fourPartyCase(),
  six: manyPartiesCase(6),
};
const pdfs: Record<string, PdfResult> = {};
const loEmpty: Record<string, number[]> = {};
const modelEmpty: Record<string, number[]> = {};

beforeAll(async () => {
  const files: Record<string, Buffer> = {};
  for (const [name, c] of Object.entries(cases)) {
    for (const kind of kinds) {
      const doc = await buildDocument(kind, c, { today: RICH_TODAY });
      modelEmpty[`${name}-${kind}`] = modelEmptiness(doc);
      files[`${name}-${kind}`] = await packDocument(doc);
    }
  }
  Object.assign(pdfs, await lo.convert(files));
  for (const [name, pdf] of Object.entries(pdfs)) loEmpty[name] = await pageEmptiness(pdf.pdfPath);
  // Page images for a person to look at (test-results/pages/*.png).
  for (const name of ['rich-agreement', 'four-agreement', 'four-confirmation-application', 'six-agreement']) {
    for (let page = 1; page <= pdfs[name]!.pages; page++)
      await renderPage(pdfs[name]!.pdfPath, `test-results/pages/${name}-${page}`, page, 60);
  }
}, 300_000);

afterAll(() => lo.dispose());

const percent = (shares: number[]) => shares.map((s) => `${Math.round(s * 100)}%`).join(' ');

describe.each(Object.keys(cases))('the %s case', (name) => {
  describe.each(kinds)('%s', (kind) => {
    const key = `${name}-${kind}`;

    it('leaves no page but the last more than a third empty, in LibreOffice', () => {
      const empty = loEmpty[key]!;
      expect(empty.length).toBe(pdfs[key]!.pages);
      expect(Math.max(...empty.slice(0, -1)), `empty share per page: ${percent(empty)}`).toBeLessThanOrEqual(
        1 / 3,
      );
    });

    it('leaves no page but the last more than a third empty, in the layout model (Word)', () => {
      const empty = modelEmpty[key]!;
      expect(empty.length, 'the model and LibreOffice agree on the number of pages').toBe(pdfs[key]!.pages);
      expect(Math.max(...empty.slice(0, -1)), `empty share per page: ${percent(empty)}`).toBeLessThanOrEqual(
        1 / 3,
      );
    });

    it('starts every page where the parties’ signatures continue with the heading and （续）', () => {
      const heading = kind === 'agreement' ? '当事人（签名、盖章或者按指印）：' : '申请人（签名或者盖章）：';
      const pages = pagesOf(pdfs[key]!.text);
      const first = pages.findIndex((p) => p.includes(compact(heading)));
      expect(first).toBeGreaterThanOrEqual(0);
      pages.forEach((page, i) => {
        const signs = /签名（指印）|法定代表人签名/.test(page);
        if (i > first && signs)
          expect(page.startsWith(compact(`${heading}（续）`)), `page ${i + 1}`).toBe(true);
        if (i <= first || !signs) expect(page, `page ${i + 1}`).not.toContain('（续）');
      });
    });
  });

  it('keeps the copies sentence with the sentence before it, and the recorder with the seal', () => {
    const text = pdfs[`${name}-agreement`]!.text;
    expect(lastPageOf(text, '本协议一式')).toBe(lastPageOf(text, '本协议自各方当事人签名'));
    expect(lastPageOf(text, '记录人：杨帆')).toBe(lastPageOf(text, '（印章）'));
  });

  it('carries the last signer and the date with the attachments', () => {
    const pages = pagesOf(pdfs[`${name}-confirmation-application`]!.text);
    const list = pages.findIndex((p) => p.includes('附件：'));
    const date = cases[name]!.confirmation?.applicationDate ?? RICH_TODAY;
    expect(pages[list]).toContain(formatDate(date));
    expect(pages[list]).toMatch(/签名（指印）|法定代表人签名/);
    expect(pages.slice(list + 1).join('')).toBe('');
  });
});

describe.each(['rich', 'four'])('the %s case, what the pages say', (name) => {
  const c = () => cases[name]!;
  const agreement = () => compact(pdfs[`${name}-agreement`]!.text);
  const application = () => compact(pdfs[`${name}-confirmation-application`]!.text);

  it('keeps each party’s signature row on one page', () => {
    const text = pdfs[`${name}-agreement`]!.text;
    for (const p of c().parties) {
      const page = lastPageOf(
        text,
        p.kind === 'person' ? `${p.role}：${p.name}签名` : `${p.name}（单位盖章）`,
      );
      for (const agent of p.agents)
        expect(lastPageOf(text, `委托代理人：${agent.name}签名`), p.name).toBe(page);
    }
  });

  it('prints the committee’s one full name everywhere', () => {
    // The clerk's own words in term 3 name the committee as they wrote it; nothing else may.
    const clerks = '由渠口乡人民调解委员会会同村民委员会';
    for (const text of [agreement(), application()]) {
      const printed = text.replaceAll(clerks, '');
      expect(printed).toContain('平罗县渠口乡人民调解委员会');
      expect(printed.replaceAll('平罗县渠口乡人民调解委员会', '')).not.toContain('渠口乡人民调解委员会');
    }
  });

  it('names every party as 申请人 in the terms the application quotes', () => {
    const quoted = application().slice(
      application().indexOf('协议约定：'),
      application().indexOf('申请人出于解决纠纷'),
    );
    const withoutOriginalRoles = quoted.replace(/（原(被申请人|第三人)）/g, '');
    expect(withoutOriginalRoles).not.toContain('被申请人');
    expect(withoutOriginalRoles).not.toContain('第三人');
    expect(quoted).toContain('申请人宁夏塞上沃土农业发展有限公司（原被申请人）');
    expect(quoted).toContain('申请人马玉兰（原第三人）');
    for (const p of c().parties) {
      const mentions = quoted.split(p.name).length - 1;
      const asApplicant = quoted.split(`申请人${p.name}`).length - 1;
      expect(asApplicant, p.name).toBe(mentions);
    }
  });

  it('lists a 授权委托书 for each party acting through an agent, with the copies of each', () => {
    const text = application();
    const attachments = text.slice(text.lastIndexOf('附件'));
    expect(attachments).toContain('授权委托书（张志军委托张晓峰）1份');
    expect(attachments).toContain('授权委托书（宁夏塞上沃土农业发展有限公司委托刘志强）1份');
    expect(attachments.split('授权委托书').length - 1).toBe(2);
    const n = c().parties.length;
    expect(attachments).toContain(`申请人身份证明、资格证明${n}份`);
    expect(attachments).toContain(`送达地址确认书${n}份`);
    expect(attachments).toContain('与调解协议相关的财产权利证明1份');
  });
});

describe('an agreement that concerns no property rights', () => {
  it('attaches no property-rights proof to the application', async () => {
    const c = richCase();
    const doc = await packDocument(
      await buildDocument(
        'confirmation-application',
        { ...c, confirmation: { ...c.confirmation!, propertyRights: false } },
        { today: RICH_TODAY },
      ),
    );
    const text = compact((await lo.convertOne('no-property', doc)).text);
    expect(text).toContain('送达地址确认书3份');
    expect(text).not.toContain('财产权利证明');
  });
});
