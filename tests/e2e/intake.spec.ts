import type { Page } from '@playwright/test';
import { expect, test, type Desk } from './fixtures/desk';
import { addUser, ADMIN, CLERK, handOver, ok, setUpOffice, shootWindow, signIn } from './fixtures/world';

// The intake desk as a clerk uses it: a 3-party case typed without touching the mouse, the
// wrong check digit, finding the case again, the repeat warning on a second intake, a refusal.

const APPLICANT = {
  name: '马玉兰',
  id: '640221198503150026',
  wrongId: '640221198503150027',
  phone: '13909521234',
};
const COMPANY = { name: '平罗县塞上农业科技有限公司', creditCode: '91512081MA62K0260E' };
const THIRD = { name: '张伟', id: '640221197806120030' };

/** Office, administrator, a village and a 受理员 — through the channels, as setup is not under test here. */
async function prepareOffice(page: Page, desk: Desk) {
  await setUpOffice(page, desk);
  await ok(desk, page, 'catalog:saveVillage', { township: '姚伏镇', name: '永丰村', active: true });
  await addUser(page, desk, CLERK, ['intake']);
  await handOver(page, desk);
}

/** Types into whatever has focus, then moves on with Tab. */
async function typeAndTab(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

/**
 * Full-page screenshots draw the sticky action bar where the window's bottom edge was; scrolled to
 * the end, that is the page's bottom, where it belongs.
 */
async function shoot(page: Page, desk: Desk, name: string) {
  await page.mouse.move(0, 0);
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
  await desk.screenshot(page, name);
}

/** Types into a Select or AutoComplete and takes the highlighted match with Enter, once it is listed. */
async function choose(page: Page, text: string, option: string) {
  const field = page.locator(':focus');
  await page.keyboard.type(text);
  // Playwright types faster than any clerk; let the list open and close as a person would see it.
  await expect(field).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('option', { name: option, exact: true })).toBeAttached();
  await page.keyboard.press('Enter');
  await expect(field).toHaveAttribute('aria-expanded', 'false');
}

async function tab(page: Page, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press('Tab');
}

test('受理登记 by keyboard → case number → find it → repeat warning → 不予受理', async ({ page, desk }) => {
  // One long clerk's session typed key by key: more than the default two minutes on a busy machine.
  test.setTimeout(240_000);
  await prepareOffice(page, desk);
  await signIn(page, CLERK);
  const intake = page.locator('form#intake');

  await test.step('a 受理员 lands on 受理登记 with the cursor in the first field', async () => {
    await expect(page.getByRole('menuitem', { name: '受理登记' })).toBeVisible();
    await expect(page.getByText('Ctrl').first()).toBeVisible();
    await expect(intake.getByLabel('纠纷类型')).toBeFocused();
  });

  await test.step('Ctrl+S on the empty form says what is missing and puts the cursor there', async () => {
    await page.keyboard.press('Control+s');
    await expect(page.getByText('请先改正标红的栏目')).toBeVisible();
    await expect(intake.getByText('请选择纠纷类型')).toBeVisible();
    await expect(intake.getByText('请填写纠纷简要情况')).toBeVisible();
    await expect(intake.getByText('请填写姓名')).toHaveCount(2);
    await expect(intake.getByLabel('纠纷类型')).toBeFocused();
  });

  await test.step('case fields, typed and chosen with the keyboard', async () => {
    await choose(page, '合同', '合同');
    await tab(page, 4); // 案件来源, 受理调委会 and 受理日期 keep their defaults
    await expect(intake.getByLabel('纠纷发生地（乡镇）')).toBeFocused();
    await choose(page, '姚伏', '姚伏镇');
    await tab(page);
    await choose(page, '永丰', '永丰村');
    await expect(intake.getByLabel('村（社区）')).toHaveValue('永丰村');
    await tab(page);
    await page.keyboard.type('1.5万');
    await expect(page.getByTestId('amount-parsed')).toHaveText('= 15,000.00 元');
    await tab(page, 3); // 风险等级, 风险标记
    await typeAndTab(page, '申请人为被申请人种植玉米，被申请人收购后拖欠货款一万五千元，多次催要未果。');
    await typeAndTab(page, '请求被申请人支付拖欠的玉米收购款15000元。');
  });

  await test.step('party 1: a person with an agent; a wrong check digit names the right one', async () => {
    const card = page.locator('[data-party-index="0"]');
    await expect(card.getByRole('radio', { name: '申请人', exact: true })).toBeFocused();
    await tab(page, 2); // 身份 → 类型 → 姓名
    await typeAndTab(page, APPLICANT.name);
    await tab(page); // 证件类型: 居民身份证
    await page.keyboard.type(APPLICANT.wrongId);
    await expect(
      card.getByText('身份证号码校验位不正确：按前17位计算，最后一位应为“6”，请核对号码'),
    ).toBeVisible();
    await shoot(page, desk, 'intake-01-wrong-check-digit');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('6');
    await expect(card.getByText('女 · 1985-03-15 出生')).toBeVisible();
    await tab(page);
    await typeAndTab(page, APPLICANT.phone);
    // 性别 and 出生日期 came from the ID number and are locked, so Tab skips them.
    await expect(card.getByLabel('性别')).toBeDisabled();
    await expect(card.getByLabel('民族')).toBeFocused();
    await choose(page, '回族', '回族');
    await tab(page);
    await typeAndTab(page, '农民');
    await typeAndTab(page, '平罗县姚伏镇永丰村三队');
    await page.keyboard.press('Space'); // 委托代理人
    await expect(card.getByLabel('委托代理人')).toBeChecked();
    await tab(page);
    await typeAndTab(page, '马建军');
    await typeAndTab(page, '儿子');
    await tab(page, 2); // 代理权限 一般授权, 代理人证件号码
    await typeAndTab(page, '代为参加调解、签收文书');
    await typeAndTab(page, '13995201234');
    const expected: [string, string][] = [
      ['联系电话', APPLICANT.phone],
      ['职业', '农民'],
      ['住址', '平罗县姚伏镇永丰村三队'],
      ['代理人姓名', '马建军'],
      ['与当事人关系', '儿子'],
      ['代理事项', '代为参加调解、签收文书'],
      ['代理人电话', '13995201234'],
    ];
    for (const [label, value] of expected)
      await expect(card.getByLabel(label, { exact: true })).toHaveValue(value);
    await expect(card.getByTitle('回族')).toBeVisible();
  });

  await test.step('party 2: an organisation with its credit code; Enter in the last field adds party 3', async () => {
    const card = page.locator('[data-party-index="1"]');
    await expect(card.getByRole('radio', { name: '被申请人' })).toBeFocused();
    await tab(page);
    await page.keyboard.press('ArrowRight'); // 类型 → 单位
    await tab(page);
    await typeAndTab(page, COMPANY.name);
    // A wrong check character only warns (yellow): real licences with such codes exist.
    await page.keyboard.type(`${COMPANY.creditCode.slice(0, 17)}X`);
    const warning = card.locator('.ant-form-item-explain-warning');
    await expect(warning).toContainText('最后一位应为“E”');
    await shoot(page, desk, 'intake-02-credit-code-warning');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('E');
    await expect(warning).toHaveCount(0);
    await tab(page);
    await typeAndTab(page, '0952-6012345');
    await typeAndTab(page, '王建军');
    await typeAndTab(page, '总经理');
    await page.keyboard.type('平罗县城关镇工业园区');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-party-index="2"]').getByRole('radio', { name: '第三人' })).toBeFocused();
    const expected: [string, string][] = [
      ['单位名称', COMPANY.name],
      ['统一社会信用代码', COMPANY.creditCode],
      ['联系电话', '0952-6012345'],
      ['法定代表人（负责人）', '王建军'],
      ['职务', '总经理'],
      ['住所', '平罗县城关镇工业园区'],
    ];
    for (const [label, value] of expected)
      await expect(card.getByLabel(label, { exact: true })).toHaveValue(value);
  });

  await test.step('party 3: another person, then Ctrl+S', async () => {
    await tab(page, 2);
    await typeAndTab(page, THIRD.name);
    await tab(page);
    await typeAndTab(page, THIRD.id);
    await typeAndTab(page, '13709521111');
    await choose(page, '汉族', '汉族');
    await tab(page, 2);
    await page.keyboard.type('平罗县姚伏镇永丰村五队');
    const card = page.locator('[data-party-index="2"]');
    await expect(card.getByLabel('姓名', { exact: true })).toHaveValue(THIRD.name);
    await expect(card.getByLabel('证件号码', { exact: true })).toHaveValue(THIRD.id);
    await expect(card.getByLabel('住址', { exact: true })).toHaveValue('平罗县姚伏镇永丰村五队');
    await expect(card.getByTitle('汉族')).toBeVisible();
    await expect(page.getByTestId('draft-status')).toBeVisible();
    await shoot(page, desk, 'intake-03-form-filled');
    await page.keyboard.press('Control+s');
  });

  let caseNumber = '';
  await test.step('the new case number, large', async () => {
    const number = page.getByTestId('new-case-number');
    await expect(number).toHaveText(/^（\d{4}）平调字第0001号$/);
    caseNumber = (await number.textContent()) ?? '';
    await expect(page.getByRole('button', { name: '继续登记' })).toBeFocused();
    await desk.screenshot(page, 'intake-04-success');
  });

  await test.step('the case list finds it by a 2-character name and by the last 4 digits of an ID', async () => {
    await page.getByRole('menuitem', { name: '案件查询' }).click();
    const search = page.getByLabel('搜索案件');
    await search.fill(THIRD.name);
    // The list is virtualised: its rows are not table rows to assistive tech, so find them by key.
    const row = page.locator('[data-row-key]', { hasText: caseNumber });
    await expect(row).toBeVisible();
    await expect(page.getByText('共 1 件')).toBeVisible();
    await search.fill(APPLICANT.id.slice(-4));
    await expect(row).toBeVisible();
    await expect(row).toContainText(APPLICANT.name);
    await expect(page.locator('.ant-table')).not.toContainText(APPLICANT.id.slice(0, 10));
    await search.fill('李四');
    await expect(page.getByText('没有找到与“李四”相关的案件')).toBeVisible();
    await search.fill('');
    await expect(row).toBeVisible();
    await desk.screenshot(page, 'intake-05-case-list');
    await row.click();
  });

  await test.step('the case page: parties, masked ID on demand, amount in words, history', async () => {
    await expect(page.getByTestId('case-number')).toHaveText(caseNumber);
    await expect(page.getByText('640221********0026')).toBeVisible();
    await expect(page.getByTestId('case-amount')).toHaveText('15,000.00 元（人民币壹万伍仟元整）');
    await expect(page.getByText(COMPANY.creditCode)).toBeVisible();
    await expect(page.getByText('委托代理人')).toBeVisible();
    await expect(page.getByText('马建军', { exact: true })).toBeVisible();
    await expect(page.getByText('农民', { exact: true })).toBeVisible();
    await expect(page.getByTestId('history-entry')).toContainText('受理登记');
    await desk.screenshot(page, 'intake-06-case-page');
    await page.getByRole('button', { name: /查看/ }).first().click();
    await expect(page.getByTestId('revealed-id')).toContainText(APPLICANT.id);
  });

  await test.step('修改: the amount corrected, with a reason; the history shows before → after', async () => {
    await page.getByRole('button', { name: '修改' }).click();
    const edit = page.locator('form#caseEdit');
    await edit.getByLabel('涉及金额（元）').fill('1.6万');
    await edit.getByLabel('修改原因').fill('申请人补充提供了收购单据');
    await shoot(page, desk, 'intake-07-case-edit');
    await page.keyboard.press('Control+s');
    await expect(page.getByText('修改已保存')).toBeVisible();
    const latest = page.getByTestId('history-entry').first();
    await expect(latest).toContainText('修改登记信息');
    await expect(latest).toContainText('涉及金额：15,000.00元→16,000.00元');
    await expect(latest).toContainText('说明：申请人补充提供了收购单据');
    await expect(page.getByTestId('case-amount')).toHaveText('16,000.00 元（人民币壹万陆仟元整）');
    await desk.screenshot(page, 'intake-08-case-history');
  });

  await test.step('a second intake with the same ID shows the repeat warning before saving', async () => {
    await page.getByRole('menuitem', { name: '受理登记' }).click();
    await expect(page.locator('form#intake').getByLabel('纠纷类型')).toBeFocused();
    await choose(page, '合同', '合同');
    await tab(page, 4);
    await choose(page, '姚伏', '姚伏镇');
    await tab(page, 5);
    await typeAndTab(page, '申请人称被申请人又拖欠了第二季的玉米收购款。');
    await typeAndTab(page, '请求支付第二季收购款。');
    // The registered case left no draft behind: this form started empty.
    await expect(page.locator('form#intake').getByLabel('纠纷简要情况')).toHaveValue(
      '申请人称被申请人又拖欠了第二季的玉米收购款。',
    );
    await expect(page.getByTestId('draft-restored')).toHaveCount(0);
    await tab(page, 2);
    // The applicant came before: ↓ + Enter reuses her party record (phone and address come along).
    await page.keyboard.type('马玉');
    await expect(page.getByText('已涉及1件案件')).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByText('沿用已登记当事人（已涉及1件）')).toBeVisible();
    await expect(page.locator('form#intake').getByLabel('联系电话').first()).toHaveValue(APPLICANT.phone);
    await tab(page);
    await tab(page);
    await page.keyboard.type(APPLICANT.id);
    const panel = page.getByTestId('repeat-panel');
    await expect(panel).toContainText('发现 1 件疑似重复纠纷');
    await expect(panel).toContainText(caseNumber);
    await expect(panel).toContainText(`同一身份证号码：${APPLICANT.name}`);

    await shoot(page, desk, 'intake-09-repeat-warning');
  });

  await test.step('what was typed survives a reload as a draft', async () => {
    await expect(page.getByTestId('draft-status')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('draft-restored')).toContainText('已恢复上次未保存的草稿');
    await expect(page.locator('form#intake').getByLabel('证件号码').first()).toHaveValue(APPLICANT.id);
    await expect(page.getByTestId('repeat-panel')).toContainText(caseNumber);
  });

  await test.step('record it as 不予受理 instead (Alt+B), prefilled from the form', async () => {
    await page.keyboard.press('Alt+b');
    const drawer = page.getByRole('dialog', { name: '不予受理登记' });
    await expect(drawer.getByLabel('来访人姓名')).toHaveValue(APPLICANT.name);
    await expect(drawer.getByLabel('联系电话')).toHaveValue(APPLICANT.phone);
    await drawer.getByRole('radio', { name: '当事人一方明确拒绝调解' }).check();
    await expect(drawer.getByLabel('告知当事人的内容')).toHaveValue(/人民调解遵循自愿原则/);
    await drawer.getByLabel('具体说明').fill('被申请人到场后明确表示不同意调解，要求直接起诉。');
    await shootWindow(page, 'intake-10-refusal');
    await drawer.getByRole('button', { name: '登记不予受理' }).click();
    await expect(page.getByText(`已登记不予受理：${APPLICANT.name}`)).toBeVisible();
    await expect(page.getByTestId('repeat-panel')).toBeHidden();
    // The 不予受理告知书 opens for the visitor to take away (intakeDesk.spec prints it); close it.
    const notice = page.getByRole('dialog', { name: '不予受理告知书' });
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: '关 闭' }).click();
    await expect(notice).toBeHidden();
    await page.getByRole('menuitem', { name: '不予受理' }).click();
    const row = page.getByRole('row', { name: new RegExp(APPLICANT.name) });
    await expect(row).toContainText('当事人一方明确拒绝调解');
    await expect(row).toContainText(CLERK.name);
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
    await desk.screenshot(page, 'intake-11-refusals');
  });

  await test.step('作废: the case stays on record, its number marked voided', async () => {
    await page.getByRole('menuitem', { name: '案件查询' }).click();
    await page.getByRole('link', { name: caseNumber }).click();
    await page.getByRole('button', { name: '作废' }).click();
    const dialog = page.getByRole('dialog', { name: `作废案件 ${caseNumber}` });
    await dialog.getByLabel('作废原因').fill('误登');
    await dialog.getByRole('button', { name: '确认作废' }).click();
    await expect(dialog.getByText('作废原因至少4个字')).toBeVisible();
    await dialog.getByLabel('作废原因').fill('重复登记，已在另一案号下受理');
    await dialog.getByRole('button', { name: '确认作废' }).click();
    await expect(page.getByText('本案已作废：重复登记，已在另一案号下受理')).toBeVisible();
    await expect(page.getByTestId('case-number').locator('..')).toContainText('已作废');
    await expect(page.getByRole('button', { name: '修改' })).toHaveCount(0);
    await desk.screenshot(page, 'intake-12-voided');
  });
});

test('基础目录: the 管理员 adds a local dispute type and villages', async ({ page, desk }) => {
  await prepareOffice(page, desk);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '登 录' }).click();
  await page.getByRole('menuitem', { name: '基础目录' }).click();

  await test.step('the 18 statistical types are read-only; a local sub-type maps onto one', async () => {
    await expect(page.getByRole('row', { name: /婚姻家庭 （本类）/ })).toContainText('统计类型');
    await page.getByRole('button', { name: '新增地方子类型' }).click();
    const dialog = page.getByRole('dialog', { name: '新增地方子类型' });
    await dialog.getByLabel('类型名称').fill('农资买卖');
    await dialog.getByLabel('对应统计类型').fill('合同');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: '保 存' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row', { name: /农资买卖/ });
    await expect(row).toContainText('地方子类型');
    await expect(row).toContainText('启用');
    await desk.screenshot(page, 'catalog-01-dispute-types');
  });

  await test.step('villages per township: the seeded ones with their codes; add with Enter, deactivate', async () => {
    await page.getByRole('tab', { name: '村（社区）' }).click();
    await page.getByRole('menuitem', { name: /渠口乡/ }).click();
    // 渠口村 is seeded (NBS 2023): adding it again is refused, by name.
    await expect(page.getByRole('row', { name: /渠口村/ })).toContainText('640221202200');
    await page.getByPlaceholder('在渠口乡下添加村（社区），回车确认').fill('渠口村');
    await page.keyboard.press('Enter');
    await expect(page.getByText('渠口乡已有“渠口村”')).toBeVisible();
    await page.getByPlaceholder('在渠口乡下添加村（社区），回车确认').fill('渠口新村');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('row', { name: /渠口新村/ })).toContainText('启用');
    const row = page.getByRole('row', { name: /六羊村/ });
    await row.getByRole('button', { name: '停用' }).click();
    await expect(row).toContainText('已停用');
    await desk.screenshot(page, 'catalog-02-villages');
  });

  await test.step('what the intake form reads (catalog:get) has both', async () => {
    const catalog = await desk.invoke(page, 'catalog:get', {});
    if (!catalog.ok) throw new Error(catalog.error.message);
    expect(catalog.value.disputeTypes.find((t) => t.name === '农资买卖')?.officialCode).toBe('contract');
    const quzhou = catalog.value.villages.filter((v) => v.township === '渠口乡');
    expect(quzhou).toHaveLength(14); // 13 seeded + the one added
    expect(Object.fromEntries(quzhou.map((v) => [v.name, v.active]))).toMatchObject({
      渠口村: true,
      渠口新村: true,
      六羊村: false,
    });
  });
});
