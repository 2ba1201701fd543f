import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementFingerprint,
  capitalYuan,
  formatYuan,
  renderDocument,
  type DocumentCase,
  type DocumentKindId,
} from '../../../main/core/documents';
import { fourPartyCase, RICH_TODAY, richCase } from '../../fixtures/documentCase';
import { LibreOffice, type PdfResult } from '../../helpers/libreoffice';

// A code never breaks across lines, whatever the font (issue 8): the agreement and the
// application are rendered with the project's fonts and again as a machine without the
// metric-compatible Latin faces lays them out (DejaVu Serif for Times New Roman, wider), and
// every ID number, phone, credit code, case or agreement number, verification code and amount
// must sit on one line of pdftotext's output each time it is printed.

const run = promisify(execFile);
const fonts = { project: new LibreOffice('project'), fallback: new LibreOffice('fallback') };
const kinds: DocumentKindId[] = ['agreement', 'confirmation-application'];
const cases: Record<string, DocumentCase> = { rich: richCase(), four: fourPartyCase() };
const pdfs: Record<string, PdfResult> = {};

beforeAll(async () => {
  for (const [fontName, lo] of Object.entries(fonts)) {
    const files: Record<string, Buffer> = {};
    for (const [caseName, c] of Object.entries(cases))
      for (const kind of kinds)
        files[`${caseName}-${kind}`] = await renderDocument(kind, c, { today: RICH_TODAY });
    for (const [name, pdf] of Object.entries(await lo.convert(files))) pdfs[`${fontName}-${name}`] = pdf;
  }
}, 240_000);

afterAll(() => {
  fonts.project.dispose();
  fonts.fallback.dispose();
});

/** Every value a line must never split, as the case holds it. */
function codesOf(c: DocumentCase, kind: DocumentKindId): string[] {
  const values = new Set<string>();
  for (const p of c.parties) {
    values.add(p.phone);
    values.add(p.kind === 'person' ? p.idNumber : p.uscc);
    for (const a of p.agents) {
      values.add(a.phone);
      if (a.idNumber) values.add(a.idNumber);
    }
  }
  const a = c.agreement!;
  values.add(a.number);
  if (kind === 'agreement') {
    values.add(agreementFingerprint(c).shortCode);
    values.add(formatYuan(a.amountFen!));
    values.add(capitalYuan(a.amountFen!));
  }
  return [...values];
}

const squeeze = (s: string) => s.replace(/\s+/g, '');
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe.each(Object.keys(fonts))('with the %s fonts', (fontName) => {
  it('really lays Latin text out in the font named', async () => {
    const { stdout } = await run('pdffonts', [pdfs[`${fontName}-rich-agreement`]!.pdfPath]);
    expect(stdout).toContain(fontName === 'fallback' ? 'DejaVuSerif' : 'LiberationSerif');
  });

  describe.each(Object.keys(cases))('the %s case', (caseName) => {
    it.each(kinds)('prints every code of the %s on one line', (kind) => {
      const text = pdfs[`${fontName}-${caseName}-${kind}`]!.text;
      const lines = text.split(/\n|\f/).map(squeeze);
      const all = squeeze(text);
      for (const code of codesOf(cases[caseName]!, kind)) {
        const printed = count(all, squeeze(code));
        expect(printed, `${code} is not printed at all`).toBeGreaterThan(0);
        const whole = lines.reduce((n, line) => n + count(line, squeeze(code)), 0);
        expect(whole, `${code} is broken across lines`).toBe(printed);
      }
    });
  });
});
