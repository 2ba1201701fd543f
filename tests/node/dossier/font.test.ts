import * as fontkit from 'fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { advance, fontkitAdapter, serifFont } from '../../../main/core/dossier/pdf/font';

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

  it('lets go of the glyphs of a PDF once its font subset is written', async () => {
    const cached = () => Object.keys((serifFont().font as unknown as { _glyphs: object })._glyphs).length;
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkitAdapter() as never);
    const font = await doc.embedFont(serifFont().bytes, { subset: true });
    doc.addPage().drawText('调解员马秀英：欠款合计86,300元，各方是否认可？', { font, size: 12 });
    expect(cached()).toBeGreaterThan(0);
    const bytes = await doc.save();
    expect(cached()).toBe(0);
    // Drawing again after the cache was emptied still works in a new PDF.
    const again = await PDFDocument.create();
    again.registerFontkit(fontkitAdapter() as never);
    const f2 = await again.embedFont(serifFont().bytes, { subset: true });
    again.addPage().drawText('调解员马秀英', { font: f2, size: 12 });
    expect((await again.save()).length).toBeGreaterThan(1000);
    expect(bytes.length).toBeGreaterThan(1000);
  });
});
