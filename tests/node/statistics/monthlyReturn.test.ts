import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DashboardDto } from '../../../main/contract';
import { returnColumns } from '../../../main/core/statistics';
import { addUser, switchUser } from '../../helpers/app';
import { ORGS } from '../../helpers/workflow';
import { statisticsWorld, type StatisticsWorld } from '../../fixtures/statisticsWorld';

// 月报 (issue 15): the .xlsx read back and reconciled cell by cell with the dashboard of the same
// month; totals are formulas; 报送 freezes the month and later changes show as differences.

const MONTH = '2026-11';
const PERIOD = { from: '2026-11-01', to: '2026-11-30' };
let world: StatisticsWorld;

beforeEach(async () => {
  world = await statisticsWorld(30);
  await world.as('admin');
  await addUser(world.app, 'lingdao', ['leader'], 'Leader2026ok', {
    organisationIds: [ORGS.county, ORGS.yaofu],
  });
  await switchUser(world.app, 'lingdao', 'Leader2026ok');
}, 120_000);

async function workbook(committeeId?: string) {
  const file = await world.app.ok('statistics:monthlyReturn', {
    month: MONTH,
    ...(committeeId ? { committeeId } : {}),
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
  return { wb, file };
}

/** label → the row's cells (numbers, or formula cells with their results) from row 4 on. */
function rowsOf(sheet: ExcelJS.Worksheet) {
  const out = new Map<string, ExcelJS.CellValue[]>();
  sheet.eachRow((row, n) => {
    if (n < 4) return;
    const label = row.getCell(1).text.trim();
    out.set(
      label,
      returnColumns.map((_, i) => row.getCell(2 + i).value),
    );
  });
  return out;
}

/** What a recalculating reader (Excel, WPS) shows for a cell: SUM over ranges and lists, recursively. */
function evaluate(sheet: ExcelJS.Worksheet, v: ExcelJS.CellValue): number {
  if (typeof v === 'number') return v;
  const formula = (v as ExcelJS.CellFormulaValue).formula;
  const m = /^SUM\((.*)\)$/.exec(formula);
  if (!m) return formula === '0' ? 0 : NaN;
  let sum = 0;
  for (const part of m[1]!.split(',')) {
    const [a, b] = part.split(':') as [string, string | undefined];
    const col = a.replace(/\d+/g, '');
    const from = Number(a.replace(/\D+/g, ''));
    const to = b ? Number(b.replace(/\D+/g, '')) : from;
    for (let r = from; r <= to; r++) sum += evaluate(sheet, sheet.getCell(`${col}${r}`).value);
  }
  return Math.round(sum * 100) / 100;
}

/** The dashboard's row as the return's columns compute it. */
function expectedCells(r: DashboardDto['total']): number[] {
  return returnColumns.map((c) =>
    c.value({ key: null, counts: r.counts, amountFen: r.amountFen, persons: r.criminalPreventedPersons }),
  );
}

describe('月报', () => {
  it('reconciles with the dashboard cell by cell, by committee and by dispute type; totals are formulas', async () => {
    const { wb, file } = await workbook();
    expect(file.fileName).toBe('人民调解工作统计表_2026-11_汇总.xlsx');
    const byCommittee = rowsOf(wb.getWorksheet('按调委会')!);
    const dash = await world.app.ok('statistics:dashboard', { ...PERIOD, dimension: 'committee' });
    expect(dash.rows.length).toBeGreaterThan(1);
    for (const row of dash.rows) {
      const cells = byCommittee.get(row.label);
      expect(cells, row.label).toBeDefined();
      // Numbers are numeric cells, not text.
      for (const c of cells!) expect(typeof c).toBe('number');
      expect(cells, row.label).toEqual(expectedCells(row));
    }
    const total = byCommittee.get('合计')!;
    for (const c of total) expect((c as ExcelJS.CellFormulaValue).formula).toMatch(/^SUM\(/);
    const committeeSheet = wb.getWorksheet('按调委会')!;
    expect(total.map((c) => evaluate(committeeSheet, c))).toEqual(expectedCells(dash.total));
    // Each kind's subtotal sums its committees.
    const subtotals = [...byCommittee.keys()].filter((k) => k.endsWith('小计'));
    expect(subtotals.length).toBeGreaterThan(0);

    const types = rowsOf(wb.getWorksheet('按纠纷类型')!);
    const byType = await world.app.ok('statistics:dashboard', { ...PERIOD, dimension: 'disputeType' });
    for (const row of byType.rows) expect(types.get(row.label), row.label).toEqual(expectedCells(row));
    const typeSheet = wb.getWorksheet('按纠纷类型')!;
    expect(types.get('合计')!.map((c) => evaluate(typeSheet, c))).toEqual(expectedCells(byType.total));
  });

  it('a committee return holds that committee figures only', async () => {
    const dash = await world.app.ok('statistics:dashboard', { ...PERIOD, dimension: 'committee' });
    const medical = dash.rows.find((r) => r.key === ORGS.medical)!;
    const { wb } = await workbook(ORGS.medical);
    const sheet = wb.getWorksheet('按调委会')!;
    const rows = rowsOf(sheet);
    expect([...rows.keys()].filter((k) => !k.endsWith('小计'))).toEqual([medical.label, '合计']);
    expect(rows.get('合计')!.map((c) => evaluate(sheet, c))).toEqual(expectedCells(medical));
    const typeSheet = wb.getWorksheet('按纠纷类型')!;
    const types = rowsOf(typeSheet);
    expect(types.get('合计')!.map((c) => evaluate(typeSheet, c))).toEqual(expectedCells(medical));
  });

  it('报送 freezes the month: later changes are listed beside it, never written into it', async () => {
    await world.as('dispatcher');
    const before = await world.app.ok('statistics:dashboard', { ...PERIOD, dimension: 'committee' });
    const submitted = await world.app.ok('statistics:submitReturn', { month: MONTH });
    expect(submitted.submitted?.byName).toBeTruthy();
    const again = await world.app.call('statistics:submitReturn', { month: MONTH });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toContain('已由');
    // A 领导 reads; only 管理员 and 分流员 submit.
    await switchUser(world.app, 'lingdao', 'Leader2026ok');
    expect((await world.app.call('statistics:submitReturn', { month: '2026-10' })).ok).toBe(false);

    // A case of November is voided after the return went in.
    const november = world.cases.find((c) => c.receivedOn.startsWith(MONTH) && c.outcome === 'waiting')!;
    world.app.session
      .requireUnlocked()
      .store.sql.run(`UPDATE cases SET status = 'voided' WHERE id = ?`, november.id);
    const status = await world.app.ok('statistics:returnStatus', { month: MONTH });
    const accepted = status.differences.find((d) => d.sheet === '按调委会' && d.column === '受理纠纷（件）')!;
    expect(accepted.now).toBe(accepted.submitted - 1);

    const { wb } = await workbook();
    const sheet = wb.getWorksheet('按调委会')!;
    const total = rowsOf(sheet).get('合计')!;
    // The frozen numbers, as submitted …
    expect(evaluate(sheet, total[0])).toBe(before.total.counts.accepted);
    // … and the change beside them.
    const changes = wb.getWorksheet('报送后变动')!;
    expect(changes.getRow(3).values).toEqual(
      expect.arrayContaining(['按调委会', '受理纠纷（件）', accepted.submitted, accepted.now, -1]),
    );
  });
});
