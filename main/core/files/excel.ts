import type ExcelJS from 'exceljs';

// exceljs takes a quarter of a second to load: it is loaded with the first workbook a user
// exports, not with the app, whose start-up would otherwise pay for it every time.
export async function excel(): Promise<typeof ExcelJS> {
  const loaded = (await import('exceljs')) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  return loaded.default ?? loaded;
}
