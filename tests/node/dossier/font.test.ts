import * as fontkit from 'fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { advance, fontkitAdapter, MAX_CACHED_GLYPHS, serifFont } from '../../../main/core/dossier/pdf/font';

// The typesetter measures with widths read straight from the font's metrics, and the shared
// parsed font must not keep every glyph a batch has drawn (a long batch over varied cases would
// otherwise hold most of the font's outlines, hundreds of MB, until the app quits).

const SAMPLE = '人民调解协议书第１２３号（2026）甲乙丙丁，。：；“”《》—ABCxyz 0.9%￥';

describe('dossier font', () => {
  it('measures each character as wide as the font says', () => {
    const fresh = fontkit.create(Buffer.from(serifFont().bytes)) as fontkit.Font;
    for (const ch of SAMPLE) {
      const glyph = fresh.glyphForCodePoint(ch.codePointAt(0)!);
      const expected = glyph.id === 0 ? 1 : glyph.advanceWidth / fresh.unitsPerEm;
      expect(advance(ch.codePointAt(0)!), ch).toBe(expected);
    }
  });

  it('keeps no more than a bounded number of decoded glyphs between PDFs', async () => {
    const cached = () => Object.keys((serifFont().font as unknown as { _glyphs: object })._glyphs).length;
    const pdfWith = async (text: string) => {
      const doc = await PDFDocument.create();
      doc.registerFontkit(fontkitAdapter() as never);
      const font = await doc.embedFont(serifFont().bytes, { subset: true });
      doc.addPage().drawText(text, { font, size: 12 });
      return doc.save();
    };
    // Two batches' worth of distinct Han characters, a PDF each, as varied cases would bring.
    const han = (from: number) =>
      Array.from({ length: MAX_CACHED_GLYPHS }, (_, i) => String.fromCodePoint(from + i)).join('');
    expect((await pdfWith(han(0x4e00))).length).toBeGreaterThan(1000);
    expect((await pdfWith(han(0x4e00 + MAX_CACHED_GLYPHS))).length).toBeGreaterThan(1000);
    expect(cached()).toBeLessThanOrEqual(MAX_CACHED_GLYPHS);
    // Drawing after the cache was emptied still works.
    expect((await pdfWith('调解员马秀英：欠款合计86,300元')).length).toBeGreaterThan(1000);
  });
});
