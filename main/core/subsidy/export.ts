import { createHash } from 'node:crypto';
import { excel } from '../files/excel';
import type { DocumentFileDto } from '../../contract';
import type { ServiceContext } from '../context';
import { ConflictError } from '../errors';
import { subsidyGradeLabels } from './labels';
import { settlementView } from './settlement';

// The approved settlement as .xlsx: the lines (one per case and mediator, adjustments marked),
// then the totals per mediator and per committee. Amounts are numbers in yuan; totals are SUM
// formulas (with their value cached) so Excel and WPS recompute them.

const MONEY = '#,##0.00';

export async function exportSettlement(ctx: ServiceContext, period: string): Promise<DocumentFileDto> {
  const s = await settlementView(ctx, period);
  if (s.state !== 'locked') throw new ConflictError('请先审批锁定该期补贴，再导出');
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = ctx.office.name;
  const [year, month] = period.split('-');
  const title = `${year}年${Number(month)}月人民调解以案定补结算表`;

  const lines = workbook.addWorksheet('结算明细', { views: [{ state: 'frozen', ySplit: 2 }] });
  lines.addRow([title]);
  lines.mergeCells(1, 1, 1, 7);
  lines.getRow(1).font = { bold: true, size: 14 };
  lines.addRow(['序号', '案号', '调委会', '调解员', '案件等级', '类别', '金额（元）', '说明']).font = {
    bold: true,
  };
  s.lines.forEach((l, i) =>
    lines.addRow([
      i + 1,
      l.caseNumber,
      l.committeeName,
      l.mediatorName,
      subsidyGradeLabels[l.grade],
      l.kind === 'case' ? '本期案件' : '更正调整',
      l.amountFen / 100,
      l.note ?? '',
    ]),
  );
  const last = s.lines.length + 2;
  const total = lines.addRow([
    '合计',
    '',
    '',
    '',
    '',
    '',
    { formula: `SUM(G3:G${last})`, result: s.totalFen / 100 },
    '',
  ]);
  total.font = { bold: true };
  lines.getColumn(7).numFmt = MONEY;
  [6, 24, 30, 12, 10, 10, 14, 50].forEach((w, i) => (lines.getColumn(i + 1).width = w));

  const summary = (name: string, header: string[], rows: (string | number)[][], amountAt: number) => {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(header).font = { bold: true };
    for (const r of rows) sheet.addRow(r);
    const col = String.fromCharCode(64 + amountAt);
    const casesCol = String.fromCharCode(63 + amountAt);
    const sum = sheet.addRow([
      '合计',
      ...Array.from({ length: amountAt - 3 }, () => ''),
      {
        formula: `SUM(${casesCol}2:${casesCol}${rows.length + 1})`,
        result: rows.reduce((s, r) => s + Number(r[amountAt - 2]), 0),
      },
      {
        formula: `SUM(${col}2:${col}${rows.length + 1})`,
        result: rows.reduce((s, r) => s + Number(r[amountAt - 1]), 0),
      },
    ]);
    sum.font = { bold: true };
    sheet.getColumn(amountAt).numFmt = MONEY;
    header.forEach((_h, i) => (sheet.getColumn(i + 1).width = i === 0 ? 30 : 16));
  };
  summary(
    '按调解员',
    ['调解员', '调委会', '案件数', '金额（元）'],
    s.byMediator.map((m) => [m.mediatorName, m.committeeName, m.cases, m.amountFen / 100]),
    4,
  );
  summary(
    '按调委会',
    ['调委会', '案件数', '金额（元）'],
    s.byCommittee.map((k) => [k.committeeName, k.cases, k.amountFen / 100]),
    3,
  );
  const about = workbook.addWorksheet('审批信息');
  for (const row of [
    ['结算期', period],
    ['状态', '已审批锁定'],
    ['审批人', s.approvedByName ?? ''],
    ['审批时间', s.approvedAt ?? ''],
    ['导出人', ctx.actor.displayName],
  ])
    about.addRow(row);
  about.getColumn(1).width = 12;
  about.getColumn(2).width = 40;

  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  const fileName = `以案定补结算表-${period}.xlsx`;
  const sha256 = createHash('sha256').update(data).digest('hex');
  ctx.audit.detail = `${fileName}（合计${(s.totalFen / 100).toFixed(2)}元）`;
  return {
    fileName,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    sha256,
    dataBase64: data.toString('base64'),
  };
}
