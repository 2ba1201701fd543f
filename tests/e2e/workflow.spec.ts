import type { Page } from '@playwright/test';
import { anOrganisation, aPerson } from '../fixtures/builders';
import { ROSTER } from '../fixtures/roster';
import { expect, test } from './fixtures/desk';
import {
  actAs,
  addStaff,
  beijing,
  CLERK,
  DISPATCHER,
  dispatchTo,
  handOver,
  MEDIATOR,
  ok,
  ONE_PIXEL_PNG,
  openCase,
  registerCase,
  setUpOffice,
  shootWindow,
  signIn,
} from './fixtures/world';

// The case workflow as the people do it: a 分流员 sends a medical dispute to the medical
// committee (the mediator related to a party is blocked), the mediator accepts it, records a
// session and a written agreement, sees the confirmation window and visit date; time passes and
// the case is overdue in 我的待办; a failed case cannot close without telling the parties the
// other routes. Setting up the office, people and cases is done through the channels to save time.

const MEDICAL = '平罗县医疗纠纷人民调解委员会';
const DAY = 86_400_000;

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登 录' })).toBeVisible();
}

/** Types a date into an antd DatePicker and confirms it. */
async function pickDate(page: Page, label: string, date: string, scope = page.locator('body')) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
}

/** antd puts a space between two Chinese characters on a button ("保 存"); match either way. */
function cn(label: string): RegExp {
  return new RegExp(`^${[...label].join('\\s?')}$`);
}

test('分流 → 接收 → 调解记录与协议 → 期限与超期 → 终止须告知其他途径', async ({ page, desk }) => {
  // A long scenario (two cases, twelve days of clock): more than two minutes on a busy machine.
  test.setTimeout(300_000);
  const today = beijing();
  const performBy = beijing(10);
  let caseA = { id: '', number: '' };
  let caseB = { id: '', number: '' };

  await test.step('set up the office, people, roster and two medical disputes', async () => {
    await setUpOffice(page, desk);
    const medical = await ok(desk, page, 'mediators:save', ROSTER.medical);
    await addStaff(page, desk, medical.id);
    await ok(desk, page, 'mediators:save', ROSTER.related);
    await ok(desk, page, 'mediators:save', ROSTER.township);

    await actAs(page, desk, CLERK);
    const medicalCase = (
      applicant: string,
      idNumber: string | undefined,
      hospital: string,
      summary: string,
    ) =>
      registerCase(page, desk, {
        disputeType: 'medical',
        receivedOn: today,
        summary,
        requests: '请求院方赔偿医疗费、误工费等损失。',
        amountFen: '1.5万',
        parties: [
          aPerson({
            name: applicant,
            idNumber,
            phone: applicant === '马玉兰' ? '13909521234' : '13995221876',
          }),
          anOrganisation({
            name: hospital,
            creditCode: undefined,
            representative: '王立新',
            phone: '0952-6018899',
          }),
        ],
        repeatReason: applicant === '马玉兰' ? undefined : '不同当事人的另一起纠纷',
      });
    const a = await medicalCase(
      '马玉兰',
      '640221198503150026',
      '平罗县姚伏镇卫生院',
      '申请人在姚伏镇卫生院输液后出现过敏反应，家属认为院方处置不当、告知不足，要求赔偿医疗费用。',
    );
    const b = await medicalCase(
      '李建军',
      undefined,
      '平罗县城关镇社区卫生服务中心',
      '申请人拔牙后感染住院治疗，认为诊所消毒不规范，要求赔偿住院费用及误工损失。',
    );
    caseA = { id: a.id, number: a.caseNumber };
    caseB = { id: b.id, number: b.caseNumber };
    await handOver(page, desk);
  });

  await test.step('the 分流员 lands on 我的待办 and opens 分流', async () => {
    await signIn(page, DISPATCHER);
    await expect(page.getByRole('menuitem', { name: '我的待办' })).toHaveClass(/ant-menu-item-selected/);
    await expect(page.getByTestId('todo-newArrivals')).toContainText('2');
    await expect(page.getByTestId('todo-table')).toContainText(caseA.number);
    await page.getByRole('menuitem', { name: '分流' }).click();
    await page.getByTestId('dispatch-queue').getByText(caseA.number).click();
    await expect(page.getByTestId('dispatch-case-number')).toHaveText(caseA.number);
  });

  await test.step('the medical committee comes first; the related mediator is blocked with the reason', async () => {
    const committee = page.getByTestId(`committee-${MEDICAL}`);
    await expect(committee).toContainText('专业对口：医疗');
    await expect(committee).toContainText('首选');
    await committee.click();
    const related = page.getByTestId('mediator-马德明');
    await expect(related.getByTestId('conflict')).toHaveText('须回避：调解员的妹妹马玉兰是本案当事人');
    await expect(related.getByLabel('指派马德明')).toBeDisabled();
    // 回避例外 enables him only with a written reason; the dispatcher tries, then thinks better of it.
    await related.getByRole('checkbox', { name: '回避例外' }).check();
    await related.getByLabel('指派马德明').check();
    await related.getByLabel('马德明回避例外理由').fill('同意');
    await page.getByRole('button', { name: '分流指派' }).click();
    await expect(page.getByText('马德明：回避例外理由至少6个字')).toBeVisible();
    await related.getByRole('checkbox', { name: '回避例外' }).uncheck();
    await expect(related.getByLabel('指派马德明')).not.toBeChecked();
    await expect(related.getByLabel('指派马德明')).toBeDisabled();
    await expect(page.getByTestId('mediator-马秀英')).toContainText('在办0件');
    await expect(page.getByTestId('mediator-马秀英')).toContainText('本调委会');
    await page.getByLabel('指派马秀英').check();
    await page.getByLabel('分流说明').fill('涉及医疗过错争议，请医疗纠纷调委会办理');
    await desk.screenshot(page, 'workflow-01-dispatch-blocked-mediator');
    await page.getByRole('button', { name: '分流指派' }).click();
    await expect(page.getByText(`已分流至${MEDICAL}，等待接收`)).toBeVisible();
    await expect(page.getByTestId('dispatch-queue')).not.toContainText(caseA.number);
    // The second dispute goes the same way (through the channel, to save time).
    const suggestion = await ok(desk, page, 'dispatch:suggest', { caseId: caseB.id });
    const xiuying = suggestion.mediators.find((m) => m.name === '马秀英')!.id;
    await dispatchTo(page, desk, caseB.id, suggestion.committees[0]!.id, xiuying);
    await signOut(page);
  });

  await test.step('the 调解员 accepts the case from 我的待办', async () => {
    await signIn(page, MEDIATOR);
    await expect(page.getByRole('menuitem', { name: '我的待办' })).toHaveClass(/ant-menu-item-selected/);
    const table = page.getByTestId('todo-table');
    await expect(table.getByRole('row', { name: new RegExp(caseA.number) })).toContainText('待接收');
    await table.getByRole('link', { name: caseA.number }).click();
    const panel = page.getByTestId('workflow-panel');
    await expect(panel.getByTestId('assignment')).toContainText(MEDICAL);
    await expect(panel.getByTestId('assignment')).toContainText('马秀英主持');
    await expect(panel.getByRole('button', { name: '登记调解协议' })).toHaveCount(0);
    await panel.getByRole('button', { name: '接收案件' }).click();
    await page.getByRole('button', { name: cn('接收') }).click();
    await expect(page.getByText('已接收，开始调解')).toBeVisible();
    await expect(panel.getByTestId('deadline-mediation')).toContainText(beijing(30));
  });

  await test.step('the mediator records a mediation session with a photo', async () => {
    const panel = page.getByTestId('workflow-panel');
    await panel.getByRole('button', { name: '登记调解记录' }).click();
    const drawer = page.getByRole('dialog', { name: '登记调解记录' });
    await drawer.getByLabel('调解地点').fill('平罗县医疗纠纷人民调解委员会第一调解室');
    await expect(drawer.getByLabel('到场当事人')).toHaveValue('马玉兰、平罗县姚伏镇卫生院');
    await drawer.getByLabel('已向当事人告知人民调解的性质、原则和当事人的权利义务').check();
    await drawer
      .getByLabel(/调解情况/)
      .fill(
        '申请人陈述了输液过敏的经过，院方说明了处置过程；双方就补偿数额协商，院方同意承担告知不足的责任。',
      );
    await drawer.getByLabel(/调解结果/).fill('双方自愿达成调解协议');
    // She mediates this case, so she is not the recorder by default: a colleague keeps the record.
    await expect(drawer.getByLabel('记录人')).toHaveValue('');
    await drawer.getByLabel('记录人').fill('杨帆');
    await drawer
      .locator('input[type=file]')
      .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await expect(drawer.getByText('现场照片.png')).toBeVisible();
    await shootWindow(page, 'workflow-01a-mediation-record-form');
    await drawer.getByRole('button', { name: cn('保存') }).click();
    await expect(page.getByText('调解记录已保存')).toBeVisible();
    await expect(page.getByTestId('timeline-record')).toContainText('马玉兰、平罗县姚伏镇卫生院');
    // The photo is kept encrypted with the case and opens again from it.
    await page.getByRole('tab', { name: '证据材料（1）' }).click();
    await page.getByRole('button', { name: '预览' }).click();
    const photo = page.getByRole('dialog', { name: '现场照片.png' }).locator('img');
    await expect
      .poll(() => photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(1);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: '现场照片.png' })).toBeHidden();
  });

  await test.step('the mediator records a written agreement with a performance deadline', async () => {
    const panel = page.getByTestId('workflow-panel');
    // The medical committee accepted the centre's case: its own number sits beside the intake number.
    await expect(page.getByTestId('handling-number')).toHaveText(/^承办编号 （\d{4}）平医调字第\d{4}号$/);
    await panel.getByRole('button', { name: '登记调解协议' }).click();
    const drawer = page.getByRole('dialog', { name: '登记调解协议' });
    await drawer
      .getByLabel('各方当事人的责任')
      .fill('被申请人输液后观察处置不及时，应承担主要责任；申请人未如实告知过敏史，承担次要责任。');
    await drawer
      .getByLabel('协议第1条')
      .fill('被申请人一次性补偿申请人医疗费、误工费共计人民币捌仟陆佰叁拾元整。');
    await drawer.getByRole('button', { name: '添加一条' }).click();
    await drawer.getByLabel('协议第2条').fill('申请人收到款项后不再就此事向被申请人主张其他权利。');
    await drawer.getByLabel('履行方式').fill('银行转账一次性支付');
    await drawer.getByLabel('履行地点').fill('平罗县姚伏镇卫生院');
    await pickDate(page, '履行期限', performBy, drawer);
    await drawer.getByLabel('协议金额（元）').fill('8630');
    await expect(drawer.getByTestId('agreement-amount')).toHaveText(
      '= 8,630.00 元（人民币捌仟陆佰叁拾元整）',
    );
    await pickDate(page, '生效日期', today, drawer);
    await drawer.getByText('经调解，自愿达成如下协议').click(); // closes the calendar
    await shootWindow(page, 'workflow-02a-agreement-form');
    await drawer.getByRole('button', { name: cn('保存') }).click();
    await expect(page.getByText('调解协议已登记')).toBeVisible();
  });

  await test.step('the confirmation window and the visit due date appear on the case', async () => {
    const panel = page.getByTestId('workflow-panel');
    await expect(panel.getByTestId('deadline-confirmation')).toContainText(`司法确认申请期限${beijing(30)}`);
    await expect(panel.getByTestId('deadline-performance')).toContainText(`履行期限${performBy}剩10天`);
    await expect(panel.getByTestId('deadline-visit')).toContainText(`回访${beijing(17)}`);
    await expect(panel.getByTestId('deadline-mediation')).toHaveCount(0);
    await expect(page.getByTestId('agreement')).toContainText('8,630.00 元');
    await expect(page.getByTestId('agreement')).toContainText('被申请人输液后观察处置不及时，应承担主要责任');
    await expect(page.getByTestId('agreement')).toContainText(/平医调字第\d{4}号/);
    // Only the steps that follow an agreement are offered now.
    await expect(panel.getByRole('button', { name: '进入履行期' })).toBeVisible();
    await expect(panel.getByRole('button', { name: '终止调解' })).toHaveCount(0);
    await expect(page.getByText('调解协议已登记')).toBeHidden();
    await desk.screenshot(page, 'workflow-02-panel-deadlines');
  });

  await test.step('twelve days later the performance deadline is overdue in 我的待办', async () => {
    await desk.advanceClock(page, 12 * DAY);
    await page.reload();
    // The jump counts as twelve idle days: the session has locked itself.
    await signIn(page, MEDIATOR);
    await page.getByRole('menuitem', { name: '我的待办' }).click();
    await page.getByTestId('todo-overdue').click();
    const overdue = page.getByTestId('todo-table').getByRole('row', { name: new RegExp(caseA.number) });
    await expect(overdue).toContainText('履行期限');
    await expect(overdue).toContainText(performBy);
    await expect(overdue).toContainText('已超期2天');
    await page.mouse.move(640, 780);
    await desk.screenshot(page, 'workflow-03-todo-overdue');
    await page.getByTestId('todo-dueSoon').click();
    await expect(page.getByTestId('todo-table').getByRole('row', { name: /回访/ })).toContainText('剩5天');
  });

  await test.step('a terminated case cannot close until the parties were told the other routes', async () => {
    await ok(desk, page, 'workflow:respond', { caseId: caseB.id, accept: true });
    await openCase(page, caseB.id);
    const panel = page.getByTestId('workflow-panel');
    await expect(panel.getByRole('button', { name: '终止调解' })).toBeVisible();
    await panel.getByRole('button', { name: '终止调解' }).click();
    const dialog = page.getByRole('dialog', { name: '终止调解' });
    await dialog.getByLabel('调解不成').check();
    await dialog.getByLabel('终止情况说明').fill('双方对赔偿数额分歧过大，经两次调解未能达成一致');
    await dialog.getByRole('button', { name: '终止调解' }).click();
    await expect(page.getByText('已终止调解，请告知当事人其他解决途径')).toBeVisible();

    await expect(panel.getByRole('button', { name: '告知其他途径' })).toBeVisible();
    await expect(panel.getByRole('button', { name: cn('结案') })).toHaveCount(0);
    await desk.screenshot(page, 'workflow-05-terminated-no-close');
    expect(await desk.invoke(page, 'workflow:close', { caseId: caseB.id })).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: '调解终止的案件须先登记“告知其他途径”（人民调解法第二十六条），才能结案',
      },
    });

    await panel.getByRole('button', { name: '告知其他途径' }).click();
    const inform = page.getByRole('dialog', { name: '告知其他途径' });
    await expect(inform.getByLabel('向人民法院起诉')).toBeChecked();
    await inform.getByLabel('告知方式').fill('当面告知并发放告知书');
    await inform.getByRole('button', { name: cn('保存') }).click();
    await expect(page.getByText('已登记告知情况，可以结案')).toBeVisible();

    await panel.getByRole('button', { name: cn('结案') }).click();
    await page
      .getByRole('dialog', { name: '结案' })
      .getByRole('button', { name: cn('结案') })
      .click();
    await expect(page.getByText('已结案', { exact: true }).first()).toBeVisible();
    await expect(panel.getByTestId('workflow-actions')).toHaveCount(0);
    await signOut(page);
  });

  await test.step('the county overview shows the overdue case under the medical committee', async () => {
    await signIn(page, DISPATCHER);
    await page.getByRole('menuitem', { name: '全县概况' }).click();
    const row = page.getByTestId('overview-table').getByRole('row', { name: new RegExp(MEDICAL) });
    await expect(row.getByRole('cell')).toHaveText([MEDICAL, '1', '0', '1', '1', '0']);
    await page.mouse.move(640, 780);
    await desk.screenshot(page, 'workflow-04-overview');
  });
});
