import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

// The one typeface of every dossier PDF: Noto Serif CJK SC (SIL Open Font License 1.1), shipped in
// resources/fonts as a subset covering every Han character GBK encodes (scripts/fonts/). Each PDF
// embeds only the glyphs it uses.
//
// pdf-lib is given upstream fontkit 2 instead of its own stale fork (@pdf-lib/fontkit), whose
// subsetter writes CID-keyed CFF fonts that FreeType and Acrobat reject (blank text) — through a
// thin adapter: fontkit 2 renamed encodeStream() to encode(), and our "layout" is a plain cmap
// look-up (Chinese needs no shaping; full OpenType layout would only cost time). The parsed font
// is shared by every PDF of the process; each PDF gets its own subset.

export const FONT_FILE = 'NotoSerifSC-Dossier.otf';

// fontkit decodes its Unicode property tables when it is loaded (~200 ms of CPU): loaded with the
// first dossier PDF, not with the app, whose start-up would otherwise pay for it every time.
let fontkitModule: typeof Fontkit | null = null;
function fontkit(): typeof Fontkit {
  fontkitModule ??= createRequire(__filename)('fontkit') as typeof Fontkit;
  return fontkitModule;
}

function fontPath(): string {
  const candidates: string[] = [];
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, 'app.asar', 'resources', 'fonts', FONT_FILE));
  // Source tree (tests, tsx) and the bundle in out/main: walk up to the folder holding resources/.
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    candidates.push(join(dir, 'resources', 'fonts', FONT_FILE));
    dir = dirname(dir);
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`找不到卷宗字体文件 ${FONT_FILE}`);
  return found;
}

interface Loaded {
  bytes: Uint8Array;
  font: Fontkit.Font;
  /** Advance widths in em, by code point. */
  widths: Map<number, number>;
  unitsPerEm: number;
}

let loaded: Loaded | null = null;

export function serifFont(): Loaded {
  if (!loaded) {
    const bytes = readFileSync(fontPath());
    const font = fontkit().create(bytes) as Fontkit.Font;
    // One copy of the 7 MB file: fontkit reads glyphs from it and pdf-lib is handed the same
    // memory (a file this size is never a slice of Node's shared pool, so it starts at 0).
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    loaded = { bytes: view, font, widths: new Map(), unitsPerEm: font.unitsPerEm };
  }
  return loaded;
}

/** The horizontal metrics table: advance widths by glyph id. */
interface Hmtx {
  metrics: { length: number; get(i: number): { advance: number } | undefined };
}

/**
 * A glyph's advance width read from the hmtx table, as fontkit's Glyph.advanceWidth reads it —
 * but without asking the glyph: the font has no vmtx, so advanceWidth makes fontkit decode the
 * outline (about 12 KB a glyph) and keep it for the life of the process.
 */
function advanceOf(f: Loaded, glyphId: number): number {
  const { metrics } = (f.font as unknown as { hmtx: Hmtx }).hmtx;
  return (metrics.get(Math.min(glyphId, metrics.length - 1))?.advance ?? 0) / f.unitsPerEm;
}

/** Width of one character in em (a missing glyph measures as a full-width box). */
export function advance(codePoint: number): number {
  const f = serifFont();
  let w = f.widths.get(codePoint);
  if (w === undefined) {
    const glyph = f.font.glyphForCodePoint(codePoint);
    w = glyph.id === 0 ? 1 : advanceOf(f, glyph.id);
    f.widths.set(codePoint, w);
  }
  return w;
}

export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += advance(ch.codePointAt(0)!);
  return w * size;
}

/** Characters the shipped font cannot draw (rare Han characters outside GBK). */
export function missingCharacters(text: string): string[] {
  const f = serifFont();
  const out = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x20 && !f.font.hasGlyphForCodePoint(cp)) out.add(ch);
  }
  return [...out];
}

type Subset = ReturnType<Fontkit.Font['createSubset']>;

/**
 * Glyphs kept decoded between PDFs (about 12 KB each): enough for the characters most dossiers
 * share, so a batch does not decode them again for every PDF.
 */
export const MAX_CACHED_GLYPHS = 1500;

/**
 * fontkit keeps every glyph it has handed out, outline decoded, in the shared font for good: a
 * long batch over varied cases would end holding most of the 21,000 glyphs (about 250 MB). Once
 * a PDF's subset is written and the cache has passed its bound, it is emptied. The widths the
 * typesetter measures with are kept apart (a number per character).
 */
function forgetGlyphs(): void {
  const font = serifFont().font as unknown as { _glyphs: Record<number, unknown> };
  if (Object.keys(font._glyphs).length > MAX_CACHED_GLYPHS) font._glyphs = {};
}

function adaptSubset(subset: Subset): unknown {
  return new Proxy(subset, {
    get(target, prop) {
      if (prop === 'encodeStream') {
        return () => {
          const stream = new EventEmitter();
          setImmediate(() => {
            try {
              stream.emit('data', target.encode());
              stream.emit('end');
            } catch (error) {
              stream.emit('error', error);
            } finally {
              forgetGlyphs();
            }
          });
          return stream;
        };
      }
      const value = (target as unknown as Record<string | symbol, unknown>)[prop];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** What pdf-lib's registerFontkit expects, backed by the shared parsed font. */
export function fontkitAdapter(): { create: () => unknown } {
  const { font } = serifFont();
  const adapted = new Proxy(font, {
    get(target, prop) {
      if (prop === 'layout') {
        return (text: string) => ({
          glyphs: Array.from(text, (ch) => target.glyphForCodePoint(ch.codePointAt(0)!)),
        });
      }
      if (prop === 'createSubset') return () => adaptSubset(target.createSubset());
      const value = (target as unknown as Record<string | symbol, unknown>)[prop];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { create: () => adapted };
}
