import type { Page } from '@playwright/test';
import { anOrganisation, aPerson, SEED } from '../fixtures/builders';
import { ROSTER } from '../fixtures/roster';
import { expect, test } from './fixtures/desk';
import {
  actAs,
  addUser,
  ADMIN,
  dispatchTo,
  handOver,
  ok,
  openCase,
  registerCase,
  setUpOffice,
  shootWindow,
  signIn,
  type Account,
} from './fixtures/world';

// Committee scope (issue 9), as two mediators of two committees see it. The administrator links
// 姚伏镇's mediator account to its roster entry and committee in 用户管理; each mediator then
// sees only their own committee's case in 我的待办, in the case list and in search, and the
// other's case by its address answers "未找到该案件". After the county sends its case on to
// 姚伏镇, the county's mediator still reads it, without a single step to take.

const YAOFU_CLERK: Account = { username: 'yfshouli', name: '王丽', password: 'Yaofu2026a' };
const YAOFU_DISPATCHER: Account = { username: 'yffenliu', name: '周强', password: 'Yaofu2026b' };
const COUNTY_CLERK: Account = { username: 'liqing', name: '李青', password: 'Shouli2026' };
const COUNTY_DISPATCHER: Account = { username: 'fenliu', name: '杨建华', password: 'Fenliu2026' };
const MEDICAL_MEDIATOR: Account = { username: 'tiaojie', name: '马秀英', password: 'Tiaojie2026' };
const YAOFU_MEDIATOR: Account = { username: 'zhanghong', name: '张宏', password: 'Zhanghong26' };

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登 录' })).toBeVisible();
}

/** What one mediator sees: their case in 我的待办, in the list and in search; the other's nowhere. */
async function seesOnlyOwn(
  page: Page,
  mine: { id: string; number: string; party: string },
  theirs: { id: string; number: string; party: string },
  shots: (name: string) => Promise<void>,
) {
  await page.getByRole('menuitem', { name: '我的待办' }).click();
  const todo = page.getByTestId('todo-table');
  await expect(todo.getByRole('row', { name: new RegExp(mine.number) })).toContainText('待接收');
  await expect(todo).not.toContainText(theirs.number);
  await shots('todo');

  await page.getByRole('menuitem', { name: '案件查询' }).click();
  const rows = page.locator('[data-row-key]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(mine.number);
  await expect(page.getByText('共 1 件')).toBeVisible();
  await shots('list');
  const search = page.getByLabel('搜索案件');
  await search.fill(theirs.party);
  await expect(page.getByText(`没有找到与“${theirs.party}”相关的案件`)).toBeVisible();
  await search.fill(theirs.number);
  await expect(page.getByText(`没有找到与“${theirs.number}”相关的案件`)).toBeVisible();
  await search.fill(mine.party);
  await expect(rows.first()).toContainText(mine.number);
  await shots('search');

  await openCase(page, theirs.id);
  await expect(page.getByText('未找到该案件')).toBeVisible();
  await expect(page.getByText(theirs.number)).toHaveCount(0);
  await shots('other-case');
}

test('两个调委会的调解员各自只看到本会的案件；移交后原承办方只能查看', async ({ page, desk }) => {
  test.setTimeout(300_000);
  let medicalCase = { id: '', number: '', party: '韩玉梅' };
  let yaofuCase = { id: '', number: '', party: '冯建军' };

  await test.step('the office, its roster, and the county and 姚伏镇 desks (through the channels)', async () => {
    await setUpOffice(page, desk);
    const medical = await ok(desk, page, 'mediators:save', ROSTER.medical);
    await ok(desk, page, 'mediators:save', ROSTER.township);
    await addUser(page, desk, COUNTY_CLERK, ['intake']);
    await addUser(page, desk, COUNTY_DISPATCHER, ['dispatcher']);
    await addUser(page, desk, MEDICAL_MEDIATOR, ['mediator'], {
      organisationIds: [SEED.medicalCommitteeId],
      mediatorId: medical.id,
    });
    const yaofu = { organisationIds: [SEED.yaofuCommitteeId] };
    await addUser(page, desk, YAOFU_CLERK, ['intake'], yaofu);
    await addUser(page, desk, YAOFU_DISPATCHER, ['dispatcher'], yaofu);
  });

  await test.step('用户管理: 姚伏镇’s mediator account, its committee and its roster entry', async () => {
    await page.reload();
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(YAOFU_MEDIATOR.username);
    await dialog.getByLabel('姓名').fill(YAOFU_MEDIATOR.name);
    await dialog.getByLabel('调解员', { exact: true }).check();
    // The office is offered first; this account belongs to 姚伏镇 instead.
    const orgs = dialog.getByLabel('所属组织');
    await expect(
      dialog.locator('.ant-select-selection-item', { hasText: '平罗县人民调解中心' }),
    ).toBeVisible();
    await dialog.locator('.ant-select-selection-item-remove').first().click();
    await orgs.fill('姚伏镇');
    await page.getByRole('tree').getByText('姚伏镇人民调解委员会', { exact: true }).click();
    await dialog.getByLabel('调解员名册').click();
    await page.locator('.ant-select-item-option[title="张宏（姚伏镇人民调解委员会）"]').click();
    await dialog.getByLabel('初始密码', { exact: true }).fill(YAOFU_MEDIATOR.password);
    await dialog.getByLabel('确认初始密码').fill(YAOFU_MEDIATOR.password);
    await dialog.getByLabel('姓名').click();
    await shootWindow(page, 'scope-01-user-with-committee-and-roster');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row', { name: new RegExp(YAOFU_MEDIATOR.name) });
    await expect(row).toContainText('姚伏镇人民调解委员会');
    await expect(row).toContainText('名册：张宏');
    await desk.screenshot(page, 'scope-02-users');
  });

  await test.step('each committee registers and dispatches its own case', async () => {
    await actAs(page, desk, COUNTY_CLERK);
    const a = await registerCase(page, desk, {
      disputeType: 'medical',
      committeeId: SEED.countyCenterId,
      parties: [
        aPerson({ name: medicalCase.party, idNumber: '640221198503150026' }),
        anOrganisation({ name: '平罗县某医院' }),
      ],
    });
    medicalCase = { ...medicalCase, id: a.id, number: a.caseNumber };
    await actAs(page, desk, COUNTY_DISPATCHER);
    const roster = await ok(desk, page, 'mediators:list', { includeInactive: false });
    const byName = (name: string) => roster.find((m) => m.name === name)!.id;
    await dispatchTo(page, desk, a.id, SEED.medicalCommitteeId, byName('马秀英'));

    await actAs(page, desk, YAOFU_CLERK);
    const b = await registerCase(page, desk, {
      disputeType: 'neighbour',
      committeeId: SEED.yaofuCommitteeId,
      parties: [
        aPerson({ name: yaofuCase.party, idNumber: undefined, sex: 'male' }),
        aPerson({ role: 'respondent', name: '冯建国', idNumber: undefined, sex: 'male' }),
      ],
    });
    yaofuCase = { ...yaofuCase, id: b.id, number: b.caseNumber };
    await actAs(page, desk, YAOFU_DISPATCHER);
    await dispatchTo(page, desk, b.id, SEED.yaofuCommitteeId, byName('张宏'));
    await handOver(page, desk);
  });

  await test.step('the medical committee’s mediator sees only the medical case', async () => {
    await signIn(page, MEDICAL_MEDIATOR);
    await seesOnlyOwn(page, medicalCase, yaofuCase, (n) => desk.screenshot(page, `scope-03-medical-${n}`));
    await signOut(page);
  });

  await test.step('姚伏镇’s mediator sees only 姚伏镇’s case', async () => {
    await signIn(page, YAOFU_MEDIATOR);
    await seesOnlyOwn(page, yaofuCase, medicalCase, (n) => desk.screenshot(page, `scope-04-yaofu-${n}`));
    await signOut(page);
  });

  await test.step('after the county sends its case to 姚伏镇, its mediator may still read it, not work it', async () => {
    await signIn(page, { ...ADMIN });
    await actAs(page, desk, COUNTY_DISPATCHER);
    const roster = await ok(desk, page, 'mediators:list', { includeInactive: false });
    const zhang = roster.find((m) => m.name === '张宏')!.id;
    await ok(desk, page, 'workflow:transfer', {
      caseId: medicalCase.id,
      committeeId: SEED.yaofuCommitteeId,
      mediatorIds: [zhang],
      leadMediatorId: zhang,
      reason: '当事人均在姚伏镇，属地化解更合适',
    });
    await handOver(page, desk);
    await signIn(page, MEDICAL_MEDIATOR);
    await openCase(page, medicalCase.id);
    await expect(page.getByTestId('case-number')).toHaveText(medicalCase.number);
    const panel = page.getByTestId('workflow-panel');
    await expect(panel.getByTestId('assignment')).toContainText('姚伏镇人民调解委员会');
    await expect(panel.getByTestId('workflow-actions')).toHaveCount(0);
    await expect(panel.getByTestId('read-only')).toHaveText(
      '该案件现由姚伏镇人民调解委员会承办，您只能查看，不能办理或修改。',
    );
    await expect(page.getByTestId('documents-panel')).toContainText('您可以预览和导出已生成的文书');
    await expect(page.getByRole('button', { name: '生成' })).toHaveCount(0);
    await desk.screenshot(page, 'scope-05-sender-reads-only');
    // Nothing there says 可生成 to someone who may not generate.
    await expect(page.getByTestId('documents-panel')).not.toContainText('可生成');
    await page.getByTestId('documents-panel').scrollIntoViewIfNeeded();
    await desk.screenshot(page, 'scope-06-sender-documents-read-only');
    // Not on the sender's 我的待办 any more.
    await page.getByRole('menuitem', { name: '我的待办' }).click();
    await expect(page.getByTestId('todo-table')).not.toContainText(medicalCase.number);
    await signOut(page);
  });

  await test.step('姚伏镇 returns the case it was only sent: back on 我的待办, and the case is no longer its to see', async () => {
    await signIn(page, YAOFU_MEDIATOR);
    await openCase(page, medicalCase.id);
    await page
      .getByTestId('workflow-panel')
      .getByRole('button', { name: /^退\s?回$/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('退回理由').fill('当事人不在本镇居住，请县调解中心另行指派');
    await dialog.getByRole('button', { name: /^退\s?回$/ }).click();
    await expect(page.getByText('案件已退回分流')).toBeVisible();
    await expect(page).toHaveURL(/#?\/todo$/);
    await expect(page.getByTestId('todo-table')).not.toContainText(medicalCase.number);
    await desk.screenshot(page, 'scope-07-returned-back-to-todo');
    await openCase(page, medicalCase.id);
    await expect(page.getByText('未找到该案件')).toBeVisible();
  });
});
