import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED } from '../fixtures/builders';
import { ROSTER } from '../fixtures/roster';
import type { DeskApi } from '../../main/contract';
import type { Account } from './fixtures/world';
import { expect, test } from './fixtures/desk';
import {
  actAs,
  dispatchTo,
  addUser,
  ADMIN,
  CLERK,
  handOver,
  ok,
  registerCase,
  setUpOffice,
  shootWindow,
  signIn,
} from './fixtures/world';

// 数据备份 as the 管理员 uses it: set the backup folder (typed: browser mode), 立即备份 with its
// progress bar, the time of the last verified backup on their home screen (我的待办); then a new
// PC (a fresh data directory) restores that backup through the first-run wizard's 从备份恢复, and
// the office's clerk signs in and finds the case. Two tests, in order, sharing the backup folder
// (a USB disk carried from one PC to the next).

const folder = mkdtempSync(join(tmpdir(), 'desk-e2e-usb-'));
/** Registers, dispatches and mediates: one person's small office. */
const EVERYONE: Account = { username: 'quanneng', name: '杨晓兰', password: 'Quanneng2026' };

test.describe.configure({ mode: 'serial' });
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('the 管理员 sets the folder, backs up now and sees the time on the home screen', async ({
  page,
  desk,
}) => {
  await test.step('an office with a case, and evidence scans that make the backup take a moment', async () => {
    await setUpOffice(page, desk);
    await addUser(page, desk, CLERK, ['intake']);
    const mediator = await ok(desk, page, 'mediators:save', ROSTER.medical);
    await addUser(page, desk, EVERYONE, ['intake', 'dispatcher', 'mediator'], { mediatorId: mediator.id });
    await actAs(page, desk, EVERYONE);
    const created = await registerCase(page, desk, {});
    await dispatchTo(page, desk, created.id, SEED.medicalCommitteeId, mediator.id);
    await ok(desk, page, 'workflow:respond', { caseId: created.id, accept: true });
    // Random (incompressible) 6 MB PDFs, made in the page so only the call crosses to it.
    await page.evaluate(async (caseId) => {
      const { api } = globalThis as unknown as { api: DeskApi };
      for (let i = 1; i <= 3; i++) {
        const bytes = new Uint8Array(6 * 1024 * 1024);
        for (let at = 0; at < bytes.length; at += 65_536)
          crypto.getRandomValues(bytes.subarray(at, at + 65_536));
        // No '<' at all: in 18 MB of random bytes "<svg" and the like turn up in about one run of 20, and the
        // upload check rightly refuses a PDF with markup in it (main/core/files/fileType.ts).
        for (let at = 0; at < bytes.length; at++) if (bytes[at] === 0x3c) bytes[at] = 0x3d;
        bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
        // A whole file ends with %%EOF (the upload check reads more than the first bytes).
        const end = new TextEncoder().encode('\n%%EOF\n');
        bytes.set(end, bytes.length - end.length);
        let binary = '';
        for (let at = 0; at < bytes.length; at += 32_768) {
          binary += String.fromCharCode(...bytes.subarray(at, at + 32_768));
        }
        const result = await api.invoke('workflow:addAttachment', {
          caseId,
          fileName: `现场勘验照片${i}.pdf`,
          mimeType: 'application/pdf',
          dataBase64: btoa(binary),
        });
        if (!result.ok) throw new Error(result.error.message);
      }
    }, created.id);
    await actAs(page, desk, ADMIN);
    await handOver(page, desk);
    await signIn(page, ADMIN);
  });

  await test.step('home: 我的待办 warns that no backup location is set', async () => {
    await expect(page.getByRole('menuitem', { name: '我的待办' })).toHaveClass(/selected/);
    const health = page.getByTestId('backup-health');
    await expect(health).toContainText('上次验证的备份：还没有');
    await expect(health).toContainText('尚未设置备份位置');
    await desk.screenshot(page, 'backup-01-home-warning');
  });

  await test.step('数据备份: type the folder (browser mode), save', async () => {
    await page.getByRole('menuitem', { name: '数据备份' }).click();
    await expect(page.getByRole('button', { name: '立即备份' })).toBeDisabled();
    await page.getByLabel('备份位置', { exact: true }).fill(join(desk.dataDir, 'backups'));
    await page.getByRole('button', { name: '保 存' }).click();
    await expect(page.getByText('备份不能放在工作台自己的数据目录里：电脑损坏时会一起丢失')).toBeVisible();
    await page.getByLabel('备份位置', { exact: true }).fill(folder);
    await page.getByRole('button', { name: '保 存' }).click();
    await expect(page.getByText('备份设置已保存')).toBeVisible();
    await expect(page.getByText('还没有成功的备份')).toBeVisible();
    await desk.screenshot(page, 'backup-02-folder-set');
  });

  await test.step('立即备份: a progress bar, then the verified backup', async () => {
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByTestId('backup-progress')).toBeVisible();
    await shootWindow(page, 'backup-03-progress');
    await expect(page.getByText(/^备份完成：desk-backup-.*已校验$/)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('last-backup')).toContainText('（今天）');
    await expect(page.getByTestId('backup-files').getByRole('row')).toHaveCount(2);
    await expect(page.getByTestId('backup-progress')).toHaveCount(0);
    await page.mouse.move(1, 1);
    await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
    await desk.screenshot(page, 'backup-04-done');
    expect(readdirSync(folder)).toEqual([
      expect.stringMatching(/^desk-backup-[0-9a-f]{8}-\d{8}-\d{6}\.zip$/),
    ]);
  });

  await test.step('home: the time of the last verified backup, no warning', async () => {
    await page.getByRole('menuitem', { name: '我的待办' }).click();
    const health = page.getByTestId('backup-health');
    await expect(page.getByTestId('home-last-backup')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}（今天）$/);
    await expect(health.getByRole('alert')).toHaveCount(0);
    await desk.screenshot(page, 'backup-05-home-time');
  });

  await test.step('restore on this PC: the preview, then cancel (nothing changes)', async () => {
    await page.getByRole('menuitem', { name: '数据备份' }).click();
    await page.getByTestId('backup-files').getByRole('button', { name: '恢复…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(ADMIN.username);
    await dialog.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await dialog.getByRole('button', { name: '检查备份' }).click();
    const preview = dialog.getByTestId('restore-preview');
    await expect(preview).toContainText('平罗县人民调解中心');
    await expect(preview).toContainText('1 件');
    await expect(dialog.getByRole('button', { name: '恢 复' })).toBeDisabled();
    await shootWindow(page, 'backup-06-restore-preview');
    await page.locator('.ant-modal-close').click();
    await expect(dialog).toBeHidden();
  });
});

test('a new PC restores the backup through the first-run wizard', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(page.getByText('首次使用设置')).toBeVisible();

  await test.step('从备份恢复: find the backups in the USB folder', async () => {
    await page.getByText('从备份恢复：换电脑、重装后').click();
    await page.getByLabel('备份文件或所在文件夹').fill(folder);
    await page.getByRole('button', { name: '查找备份' }).click();
    await expect(page.getByTestId('restore-flow').getByRole('radio', { checked: true })).toBeVisible();
    await desk.screenshot(page, 'backup-07-wizard-pick');
    await page.getByRole('button', { name: '下一步' }).click();
  });

  await test.step('a wrong password is refused, in Chinese; the right one opens the backup', async () => {
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码', { exact: true }).fill('Wrong2026x');
    await page.getByRole('button', { name: '检查备份' }).click();
    await expect(page.getByText('用户名或密码不正确')).toBeVisible();
    await desk.screenshot(page, 'backup-08-wizard-wrong-password');
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: '检查备份' }).click();
    const preview = page.getByTestId('restore-preview');
    await expect(preview).toContainText('平罗县人民调解中心');
    await expect(preview).toContainText('1 件');
    await expect(preview).toContainText('已通过完整性检查');
    await desk.screenshot(page, 'backup-09-wizard-preview');
  });

  await test.step('confirm: the office is set up from the backup; the clerk signs in and finds the case', async () => {
    await page.getByLabel('确认用这份备份设置本机').check();
    await page.getByRole('button', { name: '恢复并完成设置' }).click();
    await expect(page.getByRole('button', { name: '登 录' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('平罗县人民调解中心')).toBeVisible();
    await desk.screenshot(page, 'backup-10-restored-sign-in');
    await signIn(page, CLERK);
    await page.getByRole('menuitem', { name: '案件查询' }).click();
    // The list is virtualised: its rows are found by key, not as table rows.
    await expect(page.locator('[data-row-key]', { hasText: '马玉兰' })).toContainText('调解中');
    await expect(page.getByText('共 1 件')).toBeVisible();
    await desk.screenshot(page, 'backup-11-restored-cases');
  });
});
