import { createHash } from 'node:crypto';
import type ExcelJS from 'exceljs';
import { excel } from '../files/excel';
import type { MonthlyReturnInput, ReturnStatusDto } from '../../contract';
import type { ServiceContext } from '../context';
import { today } from '../dates';
import { ConflictError } from '../errors';
import { newRecord } from '../newRecord';
import { XLSX_MIME } from '../cases/export';
import {
  differences,
  returnColumns,
  returnFigures,
  type ReturnFigures,
  type ReturnLine,
} from './returnFigures';

// 月报: the workbook. Numbers are numeric cells; every subtotal and total is a SUM formula (with
// its value cached, so a reader that does not recalculate still shows it) that Excel and WPS
// recompute. A submitted (报送) month prints the frozen figures, and any change since is listed
// on its own sheet next to them, never written into them.

const FIRST_VALUE_COLUMN = 2;

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function header(sheet: ExcelJS.Worksheet, title: string, lines: string[], first: string): number {
  const width = returnColumns.length + 1;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value = lines.join('    ');
  const head = sheet.getRow(3);
  head.values = [first, ...returnColumns.map((c) => c.header)];
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  head.height = 36;
  sheet.getColumn(1).width = 34;
  for (let i = 0; i < returnColumns.length; i++) sheet.getColumn(FIRST_VALUE_COLUMN + i).width = 12;
  sheet.views = [{ state: 'frozen', ySplit: 3, xSplit: 1 }];
  return 4;
}

function writeLine(sheet: ExcelJS.Worksheet, at: number, label: string, values: number[]): void {
  const row = sheet.getRow(at);
  row.getCell(1).value = label;
  values.forEach((v, i) => {
    const cell = row.getCell(FIRST_VALUE_COLUMN + i);
    cell.value = v;
    cell.numFmt = returnColumns[i]!.header.includes('金额') ? '#,##0.00' : '0';
  });
}

/** A row of SUM formulas over the given rows (a range, or a list of single rows), with the results cached. */
function writeSum(
  sheet: ExcelJS.Worksheet,
  at: number,
  label: string,
  rows: number[],
  values: number[],
): void {
  const row = sheet.getRow(at);
  row.getCell(1).value = label;
  row.font = { bold: true };
  values.forEach((v, i) => {
    const col = colLetter(FIRST_VALUE_COLUMN + i);
    const contiguous = rows.length > 0 && rows.every((r, k) => r === rows[0]! + k);
    const formula =
      rows.length === 0
        ? '0'
        : contiguous
          ? `SUM(${col}${rows[0]}:${col}${rows[rows.length - 1]})`
          : `SUM(${rows.map((r) => `${col}${r}`).join(',')})`;
    const cell = row.getCell(FIRST_VALUE_COLUMN + i);
    cell.value = { formula, result: v };
    cell.numFmt = returnColumns[i]!.header.includes('金额') ? '#,##0.00' : '0';
  });
}

const sumOf = (lines: ReturnLine[]) =>
  returnColumns.map((_, i) => Math.round(lines.reduce((s, l) => s + l.values[i]!, 0) * 100) / 100);

export async function monthlyReturnWorkbook(
  figures: ReturnFigures,
  meta: {
    unit: string;
    committee: string | null;
    submitted: ReturnStatusDto['submitted'];
    changes: ReturnStatusDto['differences'];
    printedAt: string;
  },
): Promise<Buffer> {
  const Excel = await excel();
  const wb = new Excel.Workbook();
  wb.creator = meta.unit;
  // Excel and WPS recompute every formula when the file opens.
  wb.calcProperties.fullCalcOnLoad = true;
  const [y, m] = figures.month.split('-');
  const title = `人民调解工作统计表（${y}年${Number(m)}月）`;
  const lines = [
    `填报单位：${meta.unit}${meta.committee ? `（${meta.committee}）` : '（汇总）'}`,
    `统计期间：${y}年${Number(m)}月受理的案件`,
    meta.submitted
      ? `报送：${meta.submitted.byName} ${meta.submitted.at.slice(0, 16).replace('T', ' ')}`
      : '未报送（当前数据）',
    `制表：${meta.printedAt}`,
  ];

  const byCommittee = wb.addWorksheet('按调委会');
  let at = header(byCommittee, title, lines, '调委会类型 / 调委会');
  const subtotalRows: number[] = [];
  for (const group of figures.committees) {
    const subtotalAt = at++;
    const first = at;
    for (const l of group.lines) writeLine(byCommittee, at++, `\u3000${l.label}`, l.values);
    writeSum(byCommittee, subtotalAt, `${group.label} 小计`, range(first, at - 1), sumOf(group.lines));
    subtotalRows.push(subtotalAt);
  }
  writeSum(byCommittee, at, '合计', subtotalRows, sumOf(figures.committees.flatMap((g) => g.lines)));

  const byType = wb.addWorksheet('按纠纷类型');
  at = header(byType, title, lines, '纠纷类型');
  const first = at;
  for (const l of figures.types) writeLine(byType, at++, l.label, l.values);
  writeSum(byType, at, '合计', range(first, at - 1), sumOf(figures.types));

  if (meta.changes.length) {
    const changed = wb.addWorksheet('报送后变动');
    changed.addRow(['以下数字在报送后因案件数据变化而不同；上表为报送时的数字，未作改动。']);
    changed.addRow(['表', '行', '栏目', '报送时', '现在', '差额']).font = { bold: true };
    for (const d of meta.changes)
      changed.addRow([d.sheet, d.row, d.column, d.submitted, d.now, d.now - d.submitted]);
    changed.getColumn(2).width = 30;
    changed.getColumn(3).width = 20;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function range(from: number, to: number): number[] {
  return to < from ? [] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The figures now, the submitted snapshot if any, and what changed between them. */
async function state(ctx: ServiceContext, input: MonthlyReturnInput) {
  const committeeId = input.committeeId ?? null;
  const now = await returnFigures(
    ctx.repos,
    ctx.scope.principals,
    input.month,
    committeeId,
    today(ctx.clock),
  );
  const row = ctx.repos.monthlyReturns.find(input.month, committeeId);
  const frozen = row ? (JSON.parse(row.figures) as ReturnFigures) : null;
  const status: ReturnStatusDto = {
    month: input.month,
    committeeId,
    submitted: row ? { byName: row.submittedByName, at: row.submittedAt } : null,
    differences: frozen ? differences(frozen, now) : [],
  };
  return { now, frozen, status };
}

export async function returnStatus(ctx: ServiceContext, input: MonthlyReturnInput): Promise<ReturnStatusDto> {
  return (await state(ctx, input)).status;
}

/** 报送: the month's figures as they are now become the return; a month is submitted once. */
export async function submitReturn(ctx: ServiceContext, input: MonthlyReturnInput): Promise<ReturnStatusDto> {
  const { now, status } = await state(ctx, input);
  if (status.submitted)
    throw new ConflictError(
      `${input.month} 的月报已由${status.submitted.byName}报送，不能重复报送；之后的变动会列在月报旁`,
    );
  const at = ctx.clock.now().toISOString();
  ctx.repos.monthlyReturns.insert({
    ...newRecord(ctx, at),
    month: input.month,
    committeeId: input.committeeId ?? null,
    figures: JSON.stringify(now),
    submittedBy: ctx.actor.userId,
    submittedByName: ctx.actor.displayName,
    submittedAt: at,
  });
  ctx.audit.detail = `${input.month}${input.committeeId ? '' : '（汇总）'}`;
  return { ...status, submitted: { byName: ctx.actor.displayName, at } };
}

export async function monthlyReturnFile(ctx: ServiceContext, input: MonthlyReturnInput) {
  const { now, frozen, status } = await state(ctx, input);
  const committee = input.committeeId
    ? ((await ctx.repos.catalog.organisation(input.committeeId))?.name ?? null)
    : null;
  const data = await monthlyReturnWorkbook(frozen ?? now, {
    unit: ctx.office.name,
    committee,
    submitted: status.submitted,
    changes: status.differences,
    printedAt: today(ctx.clock),
  });
  const fileName = `人民调解工作统计表_${input.month}${committee ? `_${committee}` : '_汇总'}.xlsx`;
  ctx.audit.detail = `${fileName}${status.submitted ? '（已报送）' : ''}`;
  return {
    fileName,
    mimeType: XLSX_MIME,
    sha256: createHash('sha256').update(data).digest('hex'),
    dataBase64: data.toString('base64'),
  };
}
