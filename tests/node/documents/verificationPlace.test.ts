import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { VERIFICATION_CODE_PLACE } from '../../../main/contract';
import { renderDocument } from '../../../main/core/documents';
import { RICH_TODAY, richCase } from '../../fixtures/documentCase';
import { LibreOffice } from '../../helpers/libreoffice';

// The 核验 page tells the clerk where on the agreement the code is printed; this renders the
// agreement and finds the code there, so the words and the print cannot drift apart again.

const run = promisify(execFile);
const lo = new LibreOffice();
afterAll(() => lo.dispose());

/** Page, position and page size of the first word containing `needle` (pdftotext -bbox). */
async function wordBox(pdfPath: string, needle: string) {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdfPath, '-'], {
    maxBuffer: 32 * 1024 * 1024,
  });
  const pages = stdout.split('<page ').slice(1);
  for (const [index, page] of pages.entries()) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!;
    for (const m of page.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      if (m[5]!.includes(needle))
        return {
          page: index + 1,
          pages: pages.length,
          x: (Number(m[1]) + Number(m[3])) / 2,
          y: (Number(m[2]) + Number(m[4])) / 2,
          width: Number(size[1]),
          height: Number(size[2]),
        };
    }
  }
  return null;
}

const places: Record<string, (b: { x: number; y: number; width: number; height: number }) => boolean> = {
  左下角: (b) => b.x < b.width / 2 && b.y > b.height / 2,
  右下角: (b) => b.x > b.width / 2 && b.y > b.height / 2,
};

describe('where the 核验码 is printed', () => {
  it(`is where the 核验 page says: ${VERIFICATION_CODE_PLACE} of the agreement's last page`, async () => {
    const docx = await renderDocument('agreement', richCase(), { today: RICH_TODAY });
    const pdf = await lo.convertOne('agreement', docx);
    const box = await wordBox(pdf.pdfPath, '核验码');
    expect(box, 'the agreement prints a 核验码').not.toBeNull();
    expect(box!.page).toBe(box!.pages);
    expect(places[VERIFICATION_CODE_PLACE], `no check for “${VERIFICATION_CODE_PLACE}”`).toBeDefined();
    expect(places[VERIFICATION_CODE_PLACE]!(box!), JSON.stringify(box)).toBe(true);
  }, 60_000);
});
