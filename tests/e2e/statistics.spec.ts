import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SEED } from '../fixtures/builders';
import { RICH_CASE, RICH_PERFORMANCE, RICH_TERMS } from '../fixtures/richCase';
import { ROSTER } from '../fixtures/roster';
import { expect, test, type Desk } from './fixtures/desk';
import {
  actAs,
  addStaff,
  addUser,
  ADMIN,
  beijing,
  CLERK,
  DISPATCHER,
  dispatchTo,
  handOver,
  MEDIATOR,
  ok,
  openCase,
  registerCase as registerAt,
  setUpOffice,
  shootWindow,
  signIn,
  type Account,
} from './fixtures/world';

// 统计分析 as a 领导 (issue 15): three cases of this year are set up through the channels (one
// settled, performed and visited; one settled and still being performed; one still waiting), then
// the leader opens the dashboard, reads the rates against the plan's targets, drills into the
// success rate's numerator and lands on exactly those cases in the case list.

const OUT = join('test-results', 'statistics-e2e');
const LEADER: Account = { username: 'lingdao', name: '刘局长', password: 'Lingdao2026' };

async function settledCase(page: Page, desk: Desk, mediatorId: string, summary: string, visit: boolean) {
  const today = beijing();
  await actAs(page, desk, CLERK);
  const created = await registerCase(page, desk, summary);
  await actAs(page, desk, DISPATCHER);
  await dispatchTo(page, desk, created.id, SEED.medicalCommitteeId, mediatorId);
  await actAs(page, desk, MEDIATOR);
  await ok(desk, page, 'workflow:respond', { caseId: created.id, accept: true });
  await ok(desk, page, 'workflow:recordAgreement', {
    caseId: created.id,
    kind: 'written',
    facts: '被申请人自2025年起拖欠土地流转费共计86,300元，应承担主要责任。',
    terms: RICH_TERMS,
    ...RICH_PERFORMANCE,
    performanceDeadline: today,
    amountFen: '86300',
    reachedOn: today,
    effectiveOn: today,
    subjectMatter: 'ordinary',
  });
  await ok(desk, page, 'workflow:beginPerformance', { caseId: created.id });
  if (visit)
    await ok(desk, page, 'workflow:recordVisit', {
      caseId: created.id,
      visitedOn: today,
      visitor: '马秀英',
      performanceStatus: 'performed',
      satisfaction: 'satisfied',
      escalationSigns: false,
      situation: '款项已转账到位，双方满意。',
    });
  return created;
}

function registerCase(page: Page, desk: Desk, summary: string) {
  return registerAt(page, desk, { ...RICH_CASE, summary, repeatReason: '另一起独立纠纷' });
}

test('领导打开统计分析，查看成功率并钻取到案件列表；管理员设定年度目标并报送月报', async ({ page, desk }) => {
  test.setTimeout(300_000);
  const settled: string[] = [];
  const settledIds: string[] = [];
  await test.step('three cases of this year (through the channels)', async () => {
    await setUpOffice(page, desk);
    const medical = await ok(desk, page, 'mediators:save', ROSTER.medical);
    await addStaff(page, desk, medical.id);
    await addUser(page, desk, LEADER, ['leader']);
    for (const [i, visit] of [true, false].entries()) {
      const c = await settledCase(page, desk, medical.id, `${RICH_CASE.summary}（第${i + 1}起）`, visit);
      settled.push(c.caseNumber);
      settledIds.push(c.id);
    }
    await actAs(page, desk, CLERK);
    await registerCase(page, desk, `${RICH_CASE.summary}（待分流）`);
    await handOver(page, desk);
  });

  await test.step("the mediator records the court's ruling on one agreement", async () => {
    await signIn(page, MEDIATOR);
    await openCase(page, settledIds[0]!);
    await page.getByTestId('workflow-actions').getByRole('button', { name: /更多/ }).click();
    await page.getByRole('menuitem', { name: '登记司法确认结果' }).click();
    const dialog = page.getByRole('dialog', { name: '登记司法确认结果' });
    await expect(dialog.getByLabel('受理法院')).toHaveValue('平罗县人民法院');
    await dialog.getByText('裁定确认协议有效').click();
    // A ruling has a number: saving without it says so.
    await dialog.getByRole('button', { name: '保 存' }).click();
    await expect(dialog.getByText('请填写裁定书文号')).toBeVisible();
    await dialog.getByLabel('裁定书文号').fill('（2026）宁0221民特12号');
    await shootWindow(page, 'confirmation-ruling-form');
    await dialog.getByRole('button', { name: '保 存' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('confirmation-ruling')).toContainText(
      '裁定确认协议有效平罗县人民法院，' + beijing() + '，（2026）宁0221民特12号',
    );
    await page.getByTestId('agreement').scrollIntoViewIfNeeded();
    await shootWindow(page, 'confirmation-ruling');
    await handOver(page, desk);
  });

  await test.step('the leader reads the rates against the targets', async () => {
    await signIn(page, LEADER);
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    const success = page.locator('[data-rate="successRate"]');
    await expect(success).toContainText('100%');
    await expect(success).toContainText('目标 ≥ 98%');
    const performance = page.locator('[data-rate="performanceRate"]');
    await expect(performance).toContainText('50%');
    await expect(performance).toContainText('未达标');
    await expect(page.getByRole('img', { name: /逐月趋势/ })).toBeVisible();
    await expect(page.getByText(/共 3 件，涉及金额 172,600 元/)).toBeVisible();
    // 司法确认: applied (the court's answer proves it) and confirmed, each a case to open.
    await expect(page.getByLabel(/合计 司法确认有效：1件/)).toBeVisible();
    await expect(page.getByLabel(/合计 申请司法确认：1件/)).toBeVisible();
    await shootWindow(page, 'statistics-dashboard');
    // The trend chart as an image, for a report.
    const chart = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出图片' }).click();
    const png = await chart;
    expect(png.suggestedFilename()).toMatch(/^\d{4}年人民调解逐月趋势\.png$/);
    mkdirSync(OUT, { recursive: true });
    await png.saveAs(join(OUT, 'trend.png'));
    await page.screenshot({ path: 'test-results/screens/statistics-full.png', fullPage: true });
  });

  await test.step('drill into the success rate: exactly its cases', async () => {
    const success = page.locator('[data-rate="successRate"]');
    await success.getByLabel(/调解成功：2件/).click();
    await expect(page.getByText(/统计分析：.*调解成功/)).toBeVisible();
    const rows = page.locator('[data-row-key]');
    await expect(rows).toHaveCount(2);
    for (const number of settled)
      await expect(page.locator('[data-row-key]', { hasText: number })).toHaveCount(1);
    await shootWindow(page, 'statistics-drill');
    await page.getByRole('button', { name: '取消统计条件' }).click();
    await expect(rows).toHaveCount(3);
  });

  await test.step('export the monthly return of this month and read it back', async () => {
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    const month = beijing().slice(0, 7);
    const picker = page.getByLabel('月报月份');
    await picker.click();
    await picker.fill(month);
    await picker.press('Enter');
    await expect(page.getByText('本月尚未报送，导出的是当前数字。')).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出月报' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`人民调解工作统计表_${month}_汇总.xlsx`);
    mkdirSync(OUT, { recursive: true });
    const saved = join(OUT, 'monthly-return.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const sheet = wb.getWorksheet('按调委会')!;
    const medical = sheet
      .getColumn(1)
      .values.findIndex((v) => typeof v === 'string' && v.includes('医疗纠纷'));
    expect(medical).toBeGreaterThan(3);
    // 受理 2 at the medical committee (the waiting case is still at the county centre), both settled.
    expect(sheet.getCell(medical, 2).value).toBe(2);
    expect(sheet.getCell(medical, 4).value).toBe(2);
    await page.getByText('月报（人民调解工作统计表）').scrollIntoViewIfNeeded();
    await shootWindow(page, 'statistics-monthly-return');
  });
  await test.step('the 管理员 sets this year’s target, reads the figures (not the cases) and 报送 the month', async () => {
    await handOver(page, desk);
    await signIn(page, ADMIN);
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    const card = page.getByTestId('targets-card');
    await card.getByRole('button', { name: '添加年度' }).click();
    const year = beijing().slice(0, 4);
    const row = card.locator('tr').filter({ has: page.locator(`input[aria-label="年度"][value="${year}"]`) });
    await expect(row).toHaveCount(1);
    await row.getByLabel('调解成功率目标').fill('99');
    await card.getByRole('button', { name: '保 存' }).click();
    await expect(page.getByText('统计目标与口径已保存')).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    await shootWindow(page, 'statistics-targets');

    await page.getByRole('menuitem', { name: '统计分析' }).click();
    const success = page.locator('[data-rate="successRate"]');
    await expect(success).toContainText('100%');
    await expect(success).toContainText('目标 ≥ 99%');
    // The 管理员 keeps the system, not the case files: the figures are numbers, not links to cases.
    await expect(page.getByLabel(/合计 受理/)).toHaveCount(0);
    await expect(page.locator('a[aria-label*="查看案件"]')).toHaveCount(0);

    const month = beijing().slice(0, 7);
    const picker = page.getByLabel('月报月份');
    await picker.click();
    await picker.fill(month);
    await picker.press('Enter');
    await page.getByRole('button', { name: /报\s?送/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /报\s?送/ })
      .click();
    await expect(page.getByText(/^已报送：王建国/)).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出月报' }).click();
    expect((await downloading).suggestedFilename()).toBe(`人民调解工作统计表_${month}_汇总.xlsx`);
    await page.getByText('月报（人民调解工作统计表）').scrollIntoViewIfNeeded();
    await shootWindow(page, 'statistics-admin');
  });
});
