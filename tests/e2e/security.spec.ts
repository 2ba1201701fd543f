import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { aPerson } from '../fixtures/builders';
import { expect, test } from './fixtures/desk';
import { addUser, ADMIN, CLERK, clerkOnCaseList, handOver, setUpOffice } from './fixtures/world';

// Issue 8's findings as a person meets them: a lockout and what the 管理员 can do about it, the
// idle lock explained, the audit alarm banner, and searches that stay out of the address.

const MINUTE = 60_000;

/** One sign-in attempt on the screen, waiting for the answer before the next. */
async function signInAs(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  const answered = page.waitForResponse(
    (r) => r.url().endsWith('/api/auth%3AsignIn') || r.url().endsWith('/api/auth:signIn'),
  );
  await page.getByRole('button', { name: '登 录' }).click();
  await answered;
}

/** Signs in and waits for the app (the production key derivation is slow on a busy machine). */
async function signInFully(page: Page, who: { username: string; password: string; name: string }) {
  await signInAs(page, who.username, who.password);
  await expect(page.getByTestId('current-user')).toHaveText(who.name);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登 录' })).toBeVisible();
}

const clerkRow = (page: Page) => page.getByRole('row', { name: new RegExp(CLERK.name) });
const who = `${CLERK.name}（${CLERK.username}）`;

test('a locked account: the message says who can lift it, the 管理员 lifts it, the log names it', async ({
  page,
  desk,
}) => {
  test.setTimeout(240_000);
  await setUpOffice(page, desk);
  await addUser(page, desk, CLERK, ['intake']);
  await handOver(page, desk);

  await test.step('five wrong passwords lock the account; the message says who can lift it', async () => {
    for (let i = 1; i <= 5; i++) await signInAs(page, CLERK.username, `wrong-password-${i}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(/账户已锁定，请在1[45]分\d{2}秒后重试/);
    await expect(alert).toContainText('请管理员在“用户管理”中解除锁定');
    // The right password while locked: refused, and recorded for the audit log.
    await signInAs(page, CLERK.username, CLERK.password);
    await expect(alert).toContainText('账户已锁定');
    await desk.screenshot(page, 'security-01-locked-out');
  });

  await test.step('the 管理员 sees the lock in 用户管理 and lifts it', async () => {
    await signInFully(page, ADMIN);
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await expect(clerkRow(page)).toContainText('已锁定至');
    await desk.screenshot(page, 'security-02-users-locked');
    await clerkRow(page).getByRole('button', { name: '解除锁定' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '解除锁定' }).click();
    await expect(page.getByText(`已解除“${CLERK.name}”的登录锁定`)).toBeVisible();
    await expect(clerkRow(page)).not.toContainText('已锁定');
    await signOut(page);
    await signInFully(page, CLERK);
    await signOut(page);
  });

  await test.step('the audit log names the account in the lock, the attempts during it and the unlock', async () => {
    await signInFully(page, ADMIN);
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    for (const text of [
      `账户${who}：连续5次密码错误，锁定15分钟`,
      `账户${who}：锁定期间尝试登录1次`,
      `解除${who}的登录锁定`,
    ]) {
      await expect(page.locator('.ant-table-row', { hasText: text })).toHaveCount(1);
    }
    await desk.screenshot(page, 'security-03-audit-lockout');
  });
});

test('a password reset: the user must set one of their own before anything else', async ({ page, desk }) => {
  test.setTimeout(240_000);
  const temporary = 'Linshi2026x';
  await setUpOffice(page, desk);
  await addUser(page, desk, CLERK, ['intake']);
  await page.reload();
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await clerkRow(page).getByRole('button', { name: '重置密码' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('用户下次登录时须先设置自己的新密码');
  await dialog.getByLabel('新密码', { exact: true }).fill(temporary);
  await dialog.getByLabel('确认新密码').fill(temporary);
  await dialog.getByRole('button', { name: '重置密码' }).click();
  await expect(dialog).toBeHidden();
  await signOut(page);

  await signInAs(page, CLERK.username, temporary);
  await expect(page.getByText('请设置新密码')).toBeVisible();
  await expect(page.getByText(`${CLERK.name}，管理员已重置您的密码`)).toBeVisible();
  await expect(page.getByRole('menuitem')).toHaveCount(0);
  await desk.screenshot(page, 'security-04-forced-change');
  await page.getByLabel('管理员设置的临时密码').fill(temporary);
  await page.getByLabel('新密码', { exact: true }).fill(temporary);
  await page.getByLabel('确认新密码').fill(temporary);
  await page.getByRole('button', { name: '设置新密码并继续' }).click();
  await expect(page.getByText('新密码不能与当前密码相同，请换一个')).toBeVisible();
  await page.getByLabel('新密码', { exact: true }).fill('Liqing2027x');
  await page.getByLabel('确认新密码').fill('Liqing2027x');
  await page.getByRole('button', { name: '设置新密码并继续' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(CLERK.name);
  await signOut(page);
  await signInFully(page, { ...CLERK, password: 'Liqing2027x' });
  await expect(page.getByRole('menuitem', { name: '案件查询' })).toBeVisible();
});

test('after an idle lock the sign-in screen says why', async ({ page, desk }) => {
  await setUpOffice(page, desk);
  await page.reload();
  await expect(page.getByTestId('current-user')).toHaveText(ADMIN.name);
  // Walk away: the idle watch (every 15 s) locks the session; the window shows why.
  await desk.advanceClock(page, 11 * MINUTE);
  await expect(page.getByTestId('idle-lock-reason')).toHaveText('因长时间无操作已自动锁定，请重新登录', {
    timeout: 40_000,
  });
  await desk.screenshot(page, 'security-05-idle-lock');
  await signInFully(page, ADMIN);
  await signOut(page);
  // A plain sign-out is not an idle lock: no such note.
  await expect(page.getByTestId('idle-lock-reason')).toHaveCount(0);
});

test('a missing chain anchor raises the 管理员’s audit alarm until acknowledged', async ({ page, desk }) => {
  await setUpOffice(page, desk);
  await page.reload();
  await signOut(page);
  rmSync(join(desk.dataDir, 'audit-anchor.json'));
  await signInFully(page, ADMIN);
  const banner = page.getByTestId('audit-alarm');
  await expect(banner).toContainText('审计日志告警');
  await expect(banner).toContainText('链头副本（audit-anchor.json）缺失');
  await desk.screenshot(page, 'security-06-audit-alarm');
  await banner.getByRole('button', { name: '确认已知悉' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '确 认' }).click();
  await expect(banner).toBeHidden();
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await page.getByRole('button', { name: '校验完整性' }).click();
  await expect(page.getByTestId('audit-verdict')).toContainText('完整无误');
});

test('searches and filters stay out of the address, and survive a visit to a case', async ({
  page,
  desk,
}) => {
  const party = aPerson();
  const idNumber = (party as { idNumber: string }).idNumber;
  await setUpOffice(page, desk);
  await clerkOnCaseList(page, desk);
  const search = page.getByLabel('搜索案件');
  await search.fill(idNumber);
  await search.press('Enter');
  const row = page.locator('[data-row-key]', { hasText: party.name });
  await expect(row).toBeVisible();
  await page.getByRole('combobox', { name: '状态', exact: true }).click();
  await page.locator('.ant-select-item-option', { hasText: '已受理' }).click();
  await page.keyboard.press('Escape');
  await expect(row).toBeVisible();
  for (const secret of [idNumber, party.name, encodeURIComponent(party.name), 'q=', 'status=']) {
    expect(page.url()).not.toContain(secret);
  }
  expect(new URL(page.url()).hash).toBe('#/cases');
  await desk.screenshot(page, 'security-07-search-not-in-url');
  await row.click();
  await expect(page.getByTestId('case-number')).toBeVisible();
  expect(page.url()).not.toContain(idNumber);
  await page.goBack();
  await expect(search).toHaveValue(idNumber);
  await expect(row).toBeVisible();
});
