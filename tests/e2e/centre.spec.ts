import type { Page } from '@playwright/test';
import { ROSTER } from '../fixtures/roster';
import { DATABASE_OPTIONS, startCluster, type PgCluster } from '../helpers/pgCluster';
import { expect, launchDesk, test, type Desk } from './fixtures/desk';
import {
  addUser,
  CLERK,
  completeSetup,
  DISPATCHER,
  MEDIATOR,
  ok,
  registerCase,
  signIn,
} from './fixtures/world';

// The county centre on two PCs (issue 17): two app instances — two servers, two browsers — on
// one PostgreSQL. The intake desk connects first and, the centre's database being empty, sets
// the centre up; the dispatcher's desk connects and lands on the sign-in screen of the same
// office. A case the intake desk registers appears in the dispatcher's 分流 queue without a
// reload, and the dispatcher sends it on from there.

let cluster: PgCluster;
const DATABASE = 'tiaojie';

test.beforeAll(async () => {
  cluster = await startCluster();
  cluster.superSql(`CREATE DATABASE ${DATABASE} OWNER ${cluster.user} ${DATABASE_OPTIONS}`);
});

test.afterAll(() => cluster?.destroy());

/** 连接县中心数据库, filled in as the centre's administrator reads the details out. */
async function connect(page: Page, desk: Desk, screenshot?: string): Promise<void> {
  await page.goto(desk.url);
  await expect(page.getByText('首次使用设置')).toBeVisible();
  await page.getByText('连接县中心数据库', { exact: true }).click();
  await page.getByLabel('服务器地址').fill('127.0.0.1');
  await page.getByLabel('端口').fill(String(cluster.port));
  await page.getByLabel('数据库名').fill(DATABASE);
  await page.getByLabel('数据库用户名').fill(cluster.user);
  await page.getByLabel('数据库密码').fill(cluster.password);
  await page
    .getByLabel('服务器证书指纹', { exact: true })
    .fill(cluster.fingerprint.toUpperCase().match(/../g)!.join(':'));
  if (screenshot) await desk.screenshot(page, screenshot);
  await page.getByRole('button', { name: '连 接' }).click();
}

test('two desks on one PostgreSQL: the intake desk registers, the dispatcher sees it arrive and dispatches it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const intake = await launchDesk();
  const dispatch = await launchDesk();
  const intakePage = await (await browser.newContext()).newPage();
  const dispatchPage = await (await browser.newContext()).newPage();
  try {
    await test.step('the intake desk connects to the empty centre and sets it up', async () => {
      await connect(intakePage, intake.desk);
      await expect(intakePage.getByText('已连接县中心数据库，它还是空的')).toBeVisible();
      await intakePage.getByLabel('本机单位', { exact: true }).click();
      await intakePage.keyboard.type('平罗县人民调解中心');
      await intakePage.keyboard.press('Enter');
      await intake.desk.screenshot(intakePage, 'centre-02-empty-centre-setup');
      await completeSetup(intakePage, intake.desk, true);
      // The administrator of a centre desk: the server is backed up on the server, so neither a
      // 数据备份 page nor the backups' health on 我的待办 (setup signed the administrator in).
      await intakePage.reload();
      await intakePage.getByRole('menuitem', { name: '我的待办' }).click();
      await expect(intakePage.getByText('没有需要处理的事项')).toBeVisible();
      await expect(intakePage.getByText('上次验证的备份')).toHaveCount(0);
      await expect(intakePage.getByText('数据备份由县中心服务器统一进行')).toBeVisible();
      await expect(intakePage.getByRole('menuitem', { name: '系统设置' })).toBeVisible();
      await expect(intakePage.getByRole('menuitem', { name: '数据备份' })).toHaveCount(0);
      await intake.desk.screenshot(intakePage, 'centre-02b-admin-no-backups');
      const medical = await ok(intake.desk, intakePage, 'mediators:save', ROSTER.medical);
      await addUser(intakePage, intake.desk, CLERK, ['intake']);
      await addUser(intakePage, intake.desk, DISPATCHER, ['dispatcher']);
      await addUser(intakePage, intake.desk, MEDIATOR, ['mediator'], { mediatorId: medical.id });
      await ok(intake.desk, intakePage, 'auth:signOut', {});
      await intakePage.reload();
      await signIn(intakePage, CLERK);
    });

    await test.step('the dispatcher’s desk connects and signs in with the account made at the other desk', async () => {
      await connect(dispatchPage, dispatch.desk, 'centre-01-connect');
      await expect(dispatchPage.getByRole('button', { name: '登 录' })).toBeVisible();
      await expect(dispatchPage.getByText('平罗县人民调解中心')).toBeVisible();
      await dispatch.desk.screenshot(dispatchPage, 'centre-03-joined-sign-in');
      await signIn(dispatchPage, DISPATCHER);
      await dispatchPage.getByRole('menuitem', { name: '分流' }).click();
      await expect(dispatchPage.getByTestId('dispatch-queue')).toBeVisible();
    });

    let number = '';
    await test.step('the intake desk registers; the case appears in the dispatcher’s queue by itself', async () => {
      const created = await registerCase(intakePage, intake.desk, {
        disputeType: 'medical',
        summary: '申请人在姚伏镇卫生院输液后出现过敏反应，家属认为院方处置不当，要求赔偿医疗费用。',
      });
      number = created.caseNumber;
      // No reload, no click: the dispatcher's screen asks the centre for changes every two seconds.
      await expect(dispatchPage.getByTestId('dispatch-queue')).toContainText(number, { timeout: 8000 });
      await dispatch.desk.screenshot(dispatchPage, 'centre-04-case-arrived');
      // The clerk keeps the case list open meanwhile.
      await intakePage.getByRole('menuitem', { name: '案件查询' }).click();
      // (The list is virtualised: its rows are not table rows to the accessibility tree.)
      const list = intakePage.locator('.ant-table-wrapper');
      await expect(list).toContainText(number);
      await expect(list).toContainText('已受理');
    });

    await test.step('the dispatcher sends it to the medical committee', async () => {
      await dispatchPage.getByTestId('dispatch-queue').getByText(number).click();
      await expect(dispatchPage.getByTestId('dispatch-case-number')).toHaveText(number);
      await dispatchPage.getByTestId('committee-平罗县医疗纠纷人民调解委员会').click();
      await dispatchPage.getByLabel('指派马秀英').check();
      await dispatchPage.getByRole('button', { name: '分流指派' }).click();
      await expect(dispatchPage.getByText('已分流至平罗县医疗纠纷人民调解委员会，等待接收')).toBeVisible();
      await expect(dispatchPage.getByTestId('dispatch-queue')).not.toContainText(number);
    });

    await test.step('the clerk’s open case list shows it dispatched, again without a reload', async () => {
      await expect(intakePage.locator('.ant-table-wrapper')).toContainText('已分流', { timeout: 8000 });
      await intake.desk.screenshot(intakePage, 'centre-05-intake-sees-dispatch');
    });
  } finally {
    await intakePage.context().close();
    await dispatchPage.context().close();
    await intake.stop();
    await dispatch.stop();
  }
});
