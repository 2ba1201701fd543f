import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

// Checks generated .docx files for real: LibreOffice renders them to PDF, poppler reads the text
// and page size back. One LibreOffice profile per instance (one instance per test file): two
// soffice processes sharing a profile make the second exit 1 without output. The profile is
// reused across calls so only the first conversion pays the ~3 s start-up of a fresh profile,
// and a batch of files goes through one soffice run.

const run = promisify(execFile);

export const FONTS_CONF = fileURLToPath(new URL('../../resources/fonts/fonts.conf', import.meta.url));

/**
 * The project's fonts.conf as a machine without the metric-compatible Latin faces sees it: the
 * Liberation files are hidden and Times New Roman / Arial fall back to the wider DejaVu faces
 * (what a fresh Debian has). LibreOffice's own substitution table would otherwise still pick
 * Liberation, so hiding the files is what makes the fallback real.
 */
export function fallbackFontsConf(dir: string): string {
  const conf = readFileSync(FONTS_CONF, 'utf8')
    .replace(
      '<fontconfig>',
      '<fontconfig>\n  <selectfont><rejectfont><glob>*/liberation*</glob><glob>*/Liberation*</glob></rejectfont></selectfont>',
    )
    .replace('<string>Liberation Serif</string>', '<string>DejaVu Serif</string>')
    .replace('<string>Liberation Sans</string>', '<string>DejaVu Sans</string>');
  if (!conf.includes('DejaVu Serif')) throw new Error('fonts.conf no longer maps Times New Roman');
  const path = join(dir, 'fonts-fallback.conf');
  writeFileSync(path, conf);
  return path;
}

export interface PdfResult {
  pdfPath: string;
  /** pdftotext -layout output. */
  text: string;
  pages: number;
  /** Points, from pdfinfo. */
  pageSize: { width: number; height: number };
}

async function readPdf(pdfPath: string): Promise<PdfResult> {
  const [text, info] = await Promise.all([
    run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { maxBuffer: 32 * 1024 * 1024 }),
    run('pdfinfo', [pdfPath]),
  ]);
  const pages = /^Pages:\s+(\d+)/m.exec(info.stdout);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info.stdout);
  if (!pages || !size) throw new Error(`pdfinfo could not read ${pdfPath}:\n${info.stdout}`);
  return {
    pdfPath,
    text: text.stdout,
    pages: Number(pages[1]),
    pageSize: { width: Number(size[1]), height: Number(size[2]) },
  };
}

export class LibreOffice {
  private readonly root = mkdtempSync(join(tmpdir(), 'desk-lo-'));
  private readonly profile = join(this.root, 'profile');
  private readonly fontsConf: string;
  private queue: Promise<unknown> = Promise.resolve();
  private batch = 0;

  /** @param fonts 'fallback': lay out as a machine without Liberation fonts does (see fallbackFontsConf). */
  constructor(fonts: 'project' | 'fallback' = 'project') {
    this.fontsConf = fonts === 'fallback' ? fallbackFontsConf(this.root) : FONTS_CONF;
  }

  /** Converts every named .docx buffer in one soffice run; names must be file-name safe. */
  convert(files: Record<string, Buffer>): Promise<Record<string, PdfResult>> {
    const job = this.queue.then(() => this.convertNow(files));
    this.queue = job.catch(() => undefined);
    return job;
  }

  async convertOne(name: string, docx: Buffer): Promise<PdfResult> {
    return (await this.convert({ [name]: docx }))[name]!;
  }

  private async convertNow(files: Record<string, Buffer>): Promise<Record<string, PdfResult>> {
    const dir = join(this.root, `batch-${++this.batch}`);
    mkdirSync(dir, { recursive: true });
    const inputs = Object.entries(files).map(([name, buffer]) => {
      const path = join(dir, `${name}.docx`);
      writeFileSync(path, buffer);
      return path;
    });
    const args = [
      '--headless',
      '--norestore',
      '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(this.profile).href}`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...inputs,
    ];
    const env = { ...process.env, FONTCONFIG_FILE: this.fontsConf, SAL_USE_VCLPLUGIN: 'svp' };
    const out = await run('soffice', args, { env, timeout: 180_000, maxBuffer: 8 * 1024 * 1024 });
    const results: Record<string, PdfResult> = {};
    await Promise.all(
      Object.keys(files).map(async (name) => {
        const pdf = join(dir, `${name}.pdf`);
        if (!existsSync(pdf)) {
          throw new Error(
            `LibreOffice produced no PDF for ${name}\nstdout: ${out.stdout}\nstderr: ${out.stderr}`,
          );
        }
        results[name] = await readPdf(pdf);
      }),
    );
    return results;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** GB/T 9704 text area on A4, in points from the top: 37 mm top margin, 35 mm bottom margin. */
const TEXT_TOP = (37 / 25.4) * 72;
const TEXT_BOTTOM = 841.89 - (35 / 25.4) * 72;

/**
 * How much of each page's text area is empty below its last line, 0–1, from the words' boxes
 * (pdftotext -bbox). The page number sits below the text area and does not count.
 */
export async function pageEmptiness(pdfPath: string): Promise<number[]> {
  const { stdout } = await run('pdftotext', ['-bbox', pdfPath, '-'], { maxBuffer: 32 * 1024 * 1024 });
  return stdout
    .split('<page ')
    .slice(1)
    .map((page) => {
      let lowest = TEXT_TOP;
      for (const m of page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)) {
        if (Number(m[1]) < TEXT_BOTTOM) lowest = Math.max(lowest, Number(m[2]));
      }
      return Math.max(0, TEXT_BOTTOM - lowest) / (TEXT_BOTTOM - TEXT_TOP);
    });
}

/** Renders one PDF page to PNG (pdftoppm) and returns the file path. */
export async function renderPage(pdfPath: string, outPrefix: string, page = 1, dpi = 80): Promise<string> {
  mkdirSync(resolve(outPrefix, '..'), { recursive: true });
  await run('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdfPath,
    outPrefix,
  ]);
  return `${outPrefix}.png`;
}
