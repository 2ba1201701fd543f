import { expect, test } from './fixtures/desk';
import { ADMIN, CLERK, signIn } from './fixtures/world';

test('first run → setup → sign in → users → a clerk cannot manage users → lockout', async ({
  page,
  desk,
}) => {
  await test.step('setup: choose the office', async () => {
    await page.goto(desk.url);
    await expect(page.getByText('首次使用设置')).toBeVisible();
    await page.getByLabel('本机单位', { exact: true }).click();
    await page.keyboard.type('平罗县人民调解中心');
    await page.keyboard.press('Enter');
    await desk.screenshot(page, '01-setup-office');
    await page.getByRole('button', { name: '下一步' }).click();
  });

  await test.step('setup: the administrator account', async () => {
    await page.getByLabel('管理员用户名').fill(ADMIN.username);
    await page.getByLabel('管理员姓名').fill(ADMIN.name);
    await page.getByLabel('密码', { exact: true }).fill('short');
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByText('密码至少8位')).toBeVisible();
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('确认密码').fill(ADMIN.password);
    await desk.screenshot(page, '02-setup-admin');
    await page.getByRole('button', { name: '下一步' }).click();
  });

  let recoveryCode = '';
  await test.step('setup: write down and confirm the recovery code', async () => {
    const code = page.getByTestId('recovery-code');
    await expect(code).toHaveText(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    recoveryCode = (await code.textContent()) ?? '';
    await desk.screenshot(page, '03-setup-recovery-code');
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByText('请确认已抄写恢复码')).toBeVisible();
    await page.getByLabel('我已抄写恢复码并妥善保管').check();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('恢复码').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
    await page.getByRole('button', { name: '完成设置' }).click();
    await expect(page.getByText('与显示的恢复码不一致，请对照抄写的内容重新输入')).toBeVisible();
    await page.getByLabel('恢复码').fill(recoveryCode.toLowerCase());
    await desk.screenshot(page, '04-setup-confirm');
    await page.getByRole('button', { name: '完成设置' }).click();
    await expect(page.getByRole('menuitem', { name: '用户管理' })).toBeVisible();
  });

  await test.step('sign out and sign in as the administrator', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByRole('button', { name: '登 录' })).toBeVisible();
    await expect(page.getByText('平罗县人民调解中心')).toBeVisible();
    await desk.screenshot(page, '05-sign-in');
    await signIn(page, ADMIN);
  });

  await test.step('create a 受理员', async () => {
    // The 管理员's home is 我的待办 (the backups' health); 用户管理 is one click away.
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(CLERK.username);
    await dialog.getByLabel('姓名').fill(CLERK.name);
    await dialog.getByLabel('受理员').check();
    await dialog.getByLabel('初始密码', { exact: true }).fill(CLERK.password);
    await dialog.getByLabel('确认初始密码').fill(CLERK.password);
    await desk.screenshot(page, '06-users-new');
    await dialog.getByRole('button', { name: '保 存' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row', { name: new RegExp(CLERK.name) });
    await expect(row).toContainText('受理员');
    await expect(row).toContainText('启用');
    await desk.screenshot(page, '07-users');
  });

  await test.step('the clerk signs in: no user management, and its channel answers FORBIDDEN', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, CLERK);
    await expect(page.getByRole('menuitem', { name: '用户管理' })).toHaveCount(0);
    await page.goto(desk.url.replace(/\?.*$/, '#/users'));
    await expect(page.getByRole('heading', { name: '用户管理' })).toHaveCount(0);
    const denied = await desk.invoke(page, 'users:list', {});
    expect(denied).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '您没有执行此操作的权限' } });
    await desk.screenshot(page, '08-clerk-signed-in');
  });

  await test.step('a wrong password, then the lockout', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('用户名').fill(CLERK.username);
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: '登 录' }).click();
    await expect(page.getByRole('alert')).toHaveText('用户名或密码错误');
    await desk.screenshot(page, '09-wrong-password');
    for (let attempt = 2; attempt <= 5; attempt++) {
      await page.getByLabel('密码').fill(`wrong-password-${attempt}`);
      await page.getByRole('button', { name: '登 录' }).click();
      if (attempt < 5) await expect(page.getByRole('alert')).toHaveText('用户名或密码错误');
    }
    await expect(page.getByRole('alert')).toContainText(/账户已锁定，请在1[45]分\d{2}秒后重试/);
    await desk.screenshot(page, '10-locked-out');
    // The right password does not help while locked.
    await page.getByLabel('密码').fill(CLERK.password);
    await page.getByRole('button', { name: '登 录' }).click();
    await expect(page.getByRole('alert')).toContainText('账户已锁定');
  });
});
