import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ROSTER } from '../fixtures/roster';
import { closedCase } from './fixtures/closedCase';
import { expect, test } from './fixtures/desk';
import {
  actAs,
  ADMIN,
  addStaff,
  addUser,
  beijing,
  CLERK,
  handOver,
  ok,
  setUpOffice,
  shootWindow,
  signIn,
  type Account,
} from './fixtures/world';

// 两排查 and 以案定补 in the browser: the intake clerk records a screening round whose found
// dispute becomes a 主动调解 case; the county reviewer (档案员) confirms a closed, archived and
// reviewed case's grade, computes the month's subsidy, approves and locks it, and exports it.

const ARCHIVIST: Account = { username: 'dangan', name: '郭晓燕', password: 'Dangan2026' };
const OUT = join('test-results', 'screening-e2e');
const passing = {
  intake: 15,
  investigation: 13,
  process: 14,
  agreement: 18,
  visit: 9,
  forms: 13,
  binding: 9,
};

test('排查发现的纠纷登记为案件；以案定补：定级、计算、审批锁定、导出', async ({ page, desk }) => {
  test.setTimeout(300_000);
  const closed = await test.step('set up the office, a closed case archived and reviewed', async () => {
    await setUpOffice(page, desk);
    const mediator = await ok(desk, page, 'mediators:save', { ...ROSTER.medical, specialties: ['contract'] });
    await addStaff(page, desk, mediator.id);
    await addUser(page, desk, ARCHIVIST, ['archivist']);
    const caseId = await closedCase(page, desk, mediator.id);
    await actAs(page, desk, ARCHIVIST);
    await ok(desk, page, 'dossiers:file', { caseId, retention: '长期' });
    await ok(desk, page, 'dossiers:archive', {
      caseId,
      missingReason: '当事人身份证复印件在县局复核，复核后补入卷宗',
    });
    await ok(desk, page, 'dossiers:review', { caseId, reviewedOn: beijing(), scores: passing });
    await handOver(page, desk);
    return caseId;
  });

  await test.step('the clerk records a round: one found dispute registered as a case', async () => {
    await signIn(page, CLERK);
    await page.getByRole('menuitem', { name: '矛盾纠纷排查' }).click();
    await page.getByRole('button', { name: '登记排查' }).click();
    const dialog = page.getByRole('dialog', { name: '登记矛盾纠纷排查' });
    await dialog.getByLabel('排查范围').fill('姚伏镇永丰村、五香村');
    await dialog.getByLabel('排查人员').fill('李青、张宏');
    await dialog.getByRole('button', { name: /添加排查发现/ }).click();
    const finding = dialog.getByTestId('finding-0');
    await finding.getByLabel('登记为案件（主动调解）').check();
    await finding
      .getByLabel('排查情况（纠纷简要情况）')
      .fill('永丰村三队杨金花与李德明因院墙排水沟渗水发生争吵，已有推搡。');
    await finding.getByLabel('纠纷类型').click();
    await page.getByTitle('邻里', { exact: true }).click();
    await finding.getByLabel('纠纷发生地（乡镇）').click();
    await page.getByTitle('姚伏镇', { exact: true }).click();
    await finding.getByLabel('申请人', { exact: true }).fill('杨金花');
    await finding.getByLabel('被申请人').fill('李德明');
    await finding.getByLabel('当事人申请事项').fill('请求排水沟改道并赔偿墙体损失。');
    await shootWindow(page, 'screening-01-round-form');
    await dialog.getByRole('button', { name: '保存排查记录' }).click();
    await expect(page.getByText(/已登记排查，发现1条，登记案件 /)).toBeVisible();
    const rounds = page.getByTestId('screening-rounds');
    await expect(rounds).toContainText('姚伏镇永丰村、五香村');
    await rounds
      .getByRole('button', { name: /展开行|Expand row/ })
      .first()
      .click();
    await expect(rounds).toContainText('登记为案件（主动调解）');
    await shootWindow(page, 'screening-02-log');
    await rounds.locator('a[href*="/cases/"]').first().click();
    await expect(page.getByText('主动调解').first()).toBeVisible();
    await expect(page.getByText('杨金花').first()).toBeVisible();
    await shootWindow(page, 'screening-03-case');
  });

  await test.step('the cadence tab and 我的待办 show what is due', async () => {
    await page.getByRole('menuitem', { name: '矛盾纠纷排查' }).click();
    await page.getByRole('tab', { name: /排查周期/ }).click();
    await expect(page.getByTestId('screening-due')).toContainText('本期已排查');
    await shootWindow(page, 'screening-04-cadence');
    await page.getByRole('tab', { name: '月度分析' }).click();
    const analysis = page.getByTestId('screening-analysis');
    await expect(analysis).toContainText('排查次数');
    await analysis
      .getByLabel('形势研判')
      .fill('本月矛盾纠纷总体平稳，邻里纠纷多因排水、灌溉引起，需提前介入。');
    await analysis
      .getByLabel('工作措施')
      .fill('一、入冬前开展一次集中排查。\n二、对已登记的邻里纠纷及时调解。');
    await analysis.getByRole('button', { name: '保存分析' }).click();
    await expect(page.getByText('月度分析已保存')).toBeVisible();
    const word = page.waitForEvent('download');
    await analysis.getByRole('button', { name: '导出 Word' }).click();
    const docx = join(OUT, 'analysis.docx');
    await (await word).saveAs(docx);
    expect(readFileSync(docx).subarray(0, 2).toString('latin1')).toBe('PK');
    await shootWindow(page, 'screening-06-analysis');
    await page.getByRole('menuitem', { name: '我的待办' }).click();
    await expect(page.getByTestId('screening-todo')).toContainText('本期待排查');
    await shootWindow(page, 'screening-05-todo');
  });

  await test.step('the county reviewer confirms the grade and runs the month', async () => {
    await handOver(page, desk);
    await signIn(page, ARCHIVIST);
    await page.getByRole('menuitem', { name: '以案定补' }).click();
    const cases = page.getByTestId('subsidy-cases');
    await expect(cases).toContainText('案件等级待县级审核确认');
    await cases
      .getByRole('button', { name: /定\s?级/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: /审核补贴等级/ });
    await expect(dialog).toContainText('系统建议');
    await shootWindow(page, 'subsidy-01-grade');
    await dialog.getByRole('button', { name: '确定等级' }).click();
    await expect(cases).toContainText('可补贴');
    await page.getByRole('tab', { name: '补贴结算' }).click();
    const panel = page.getByTestId('subsidy-settlement');
    await panel.getByRole('button', { name: '计算本期补贴' }).click();
    await expect(panel.getByTestId('subsidy-by-mediator')).toContainText('马秀英');
    await expect(panel.getByTestId('subsidy-total')).toContainText('150.00');
    await panel.getByRole('button', { name: '审批锁定' }).click();
    await page.getByRole('button', { name: '审批锁定' }).last().click();
    await expect(panel).toContainText('已审批锁定');
    await shootWindow(page, 'subsidy-02-settlement');
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: '导出 Excel' }).click();
    const file = join(OUT, 'subsidy.xlsx');
    await (await download).saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('结算明细')!;
    expect(sheet.getRow(sheet.rowCount).getCell(7).value).toEqual({ formula: 'SUM(G3:G3)', result: 150 });
    expect(closed).toBeTruthy();
    await page.getByRole('tab', { name: /案件定级/ }).click();
    await expect(page.getByTestId('subsidy-cases')).toContainText('已结算');
    await shootWindow(page, 'subsidy-03-cases');
  });

  await test.step('the 管理员 sees the cadence and the rates in 系统设置', async () => {
    await handOver(page, desk);
    await signIn(page, ADMIN);
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    const cadence = page.getByTestId('cadence-card');
    await cadence.scrollIntoViewIfNeeded();
    await expect(cadence).toContainText('村（居）人民调解委员会');
    await shootWindow(page, 'screening-07-settings');
  });
});
