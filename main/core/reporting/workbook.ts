import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { excel } from '../files/excel';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { infoSetNames } from '../../contract/province/infoSets';
import { compileMapping, flattenRow, sheetColumns } from './mapping';
import { PackageCancelled } from './cancelled';
import type { PackageInput } from './packageWriter';

// The spreadsheet form: one .xlsx with a sheet per info-set, written row by row with exceljs's
// streaming writer. An .xlsx is itself a zip whose entries carry the time they were written, so
// the file is then copied entry by entry with the batch's time, making a re-export byte-identical.

export async function writeWorkbook(input: PackageInput, mtime: Date): Promise<string> {
  await mkdir(input.tempDir, { recursive: true, mode: 0o700 });
  const raw = join(input.tempDir, `province-${randomUUID()}.xlsx`);
  const fixed = join(input.tempDir, `province-${randomUUID()}.xlsx`);
  try {
    const ExcelJS = await excel();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: raw,
      useStyles: false,
      useSharedStrings: false,
    });
    workbook.created = mtime;
    workbook.modified = mtime;
    workbook.creator = '人民调解工作台';
    for (const set of infoSetNames) {
      const columns = sheetColumns(input.mapping, set);
      const sheet = workbook.addWorksheet(input.mapping.infoSets[set].name);
      sheet.columns = columns.map((c) => ({ header: c.name, key: c.name }));
      const map = compileMapping(input.mapping, set);
      for await (const page of input.pages(set)) {
        if (input.cancelled()) throw new PackageCancelled();
        for (const r of page) sheet.addRow(flattenRow(map(JSON.parse(r.payload) as object))).commit();
        input.onRecords(page.length);
      }
      sheet.commit();
    }
    await workbook.commit();
    await restamp(raw, fixed, mtime);
    return fixed;
  } catch (error) {
    await rm(fixed, { force: true });
    throw error;
  } finally {
    await rm(raw, { force: true });
  }
}

/** Copies a zip entry by entry, in the same order, each with the given time. */
async function restamp(from: string, to: string, mtime: Date): Promise<void> {
  const source = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(from, { lazyEntries: true }, (error, zip) => (error ? reject(error) : resolve(zip))),
  );
  const target = new ZipFile();
  const written = pipeline(target.outputStream, createWriteStream(to, { mode: 0o600 }));
  await new Promise<void>((resolve, reject) => {
    source.on('error', reject);
    source.on('end', resolve);
    source.on('entry', (entry: yauzl.Entry) => {
      source.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        target.addReadStream(stream, entry.fileName, { mtime, compress: true, mode: 0o100644 });
        stream.on('end', () => source.readEntry());
      });
    });
    source.readEntry();
  });
  source.close();
  target.end();
  await written;
}
