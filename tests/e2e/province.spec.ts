import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROSTER } from '../fixtures/roster';
import { closedCase } from './fixtures/closedCase';
import { expect, test } from './fixtures/desk';
import {
  ADMIN,
  addStaff,
  addUser,
  handOver,
  ok,
  setUpOffice,
  shootWindow,
  signIn,
  type Account,
} from './fixtures/world';

// 省级报送 as the 档案员 does it: validate, see a closed case held back because it has no 卷宗,
// follow the link and file it (立卷), validate again, export the package with a password, check
// it with the province's own script, and mark the batch as reported. Then the 管理员 adds a format.

const ARCHIVIST: Account = { username: 'dangan', name: '郭晓燕', password: 'Dangan2026' };
const OUT = join('test-results', 'province-e2e');
const PASSWORD = 'Pingluo2026report';

test('校验 → 去修改（立卷）→ 再校验 → 导出数据包 → 省级校验 → 登记已报送', async ({ page, desk }) => {
  test.setTimeout(300_000);
  mkdirSync(OUT, { recursive: true });
  const [unfiled] = await test.step('set up the office and two closed cases, one filed', async () => {
    await setUpOffice(page, desk);
    const mediator = await ok(desk, page, 'mediators:save', { ...ROSTER.medical, specialties: ['contract'] });
    await addStaff(page, desk, mediator.id);
    await addUser(page, desk, ARCHIVIST, ['archivist']);
    const ids = [
      await closedCase(page, desk, mediator.id),
      await closedCase(page, desk, mediator.id, '第二起：被申请人拖欠另一农户土地流转费，双方协商未果。'),
    ];
    await ok(desk, page, 'dossiers:file', { caseId: ids[1]!, retention: '长期' });
    await handOver(page, desk);
    return ids;
  });

  await test.step('the archivist validates: the unfiled case is held back with what to do', async () => {
    await signIn(page, ARCHIVIST);
    await page.getByRole('menuitem', { name: '省级报送' }).click();
    await expect(page.getByTestId('province-fingerprint')).toHaveText(
      /本机指纹 [0-9A-F]{4}(-[0-9A-F]{4}){3}/,
    );
    await page.getByRole('button', { name: '校验数据' }).click();
    const held = page.getByTestId('province-held');
    await expect(held).toContainText('1条记录未通过校验，暂缓报送');
    await expect(held).toContainText(
      '已结案的案件尚未立卷：请在案件页的“卷宗”中立卷（卷号、保管期限）后再报送',
    );
    await expect(page.getByTestId('province-counts')).toContainText('待报送 1，暂缓 1');
    await shootWindow(page, 'province-01-validated');
  });

  await test.step('follows 去修改 to the case and files it (立卷)', async () => {
    await page.getByTestId('province-held').getByRole('link', { name: '去修改' }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${unfiled}`));
    const panel = page.getByTestId('dossier-panel');
    await panel.scrollIntoViewIfNeeded();
    await panel.getByRole('button', { name: '立卷' }).click();
    await expect(panel).toContainText('立卷中');
  });

  await test.step('validates again: everything passes', async () => {
    await page.getByRole('menuitem', { name: '省级报送' }).click();
    await page.getByRole('button', { name: '校验数据' }).click();
    await expect(page.getByText('所有有变动的记录都通过了校验')).toBeVisible();
    await expect(page.getByTestId('province-counts')).toContainText('待报送 2');
  });

  const file = await test.step('exports the package with a password, with a progress bar', async () => {
    await page.getByLabel('加密密码').fill('123456');
    await page.getByRole('button', { name: '导出数据包' }).click();
    await expect(page.getByTestId('province-export-error')).toHaveText(
      '加密密码：至少10位，须同时含有字母和数字',
    );
    await page.getByLabel('加密密码').fill(PASSWORD);
    await page.getByRole('button', { name: '导出数据包' }).click();
    const progress = page.getByTestId('province-progress');
    await expect(progress).toContainText(/第1批已生成：\d+条记录/, { timeout: 60_000 });
    await shootWindow(page, 'province-02-exported');
    const download = page.waitForEvent('download');
    await progress.getByRole('button', { name: '下载数据包' }).click();
    const saved = join(OUT, '省级报送数据包-第0001批.zip');
    await (await download).saveAs(saved);
    return saved;
  });

  await test.step("the province's script finds the package intact and decrypts it", async () => {
    const out = execFileSync(process.execPath, ['scripts/province-check.mjs', file, '--password', PASSWORD], {
      encoding: 'utf8',
    });
    expect(out).toContain('data/cases.json.gz.enc：SHA-256 一致，已解密，2条记录');
    expect(out).toContain('数据包完整，未被改动。');
  });

  await test.step('marks the batch as reported: the history shows it', async () => {
    const history = page.getByTestId('province-history');
    await expect(history).toContainText('待回执');
    await history.getByRole('button', { name: '登记已报送' }).click();
    const dialog = page.getByRole('dialog', { name: '登记第1批已报送' });
    await dialog.getByLabel('备注').fill('已在自治区平台上传，电话确认接收');
    await dialog.getByRole('button', { name: '确认已报送' }).click();
    await expect(dialog).toBeHidden();
    await expect(history).toContainText(/已报送 \d{4}-\d{2}-\d{2}（郭晓燕）/);
    await expect(page.getByRole('button', { name: '导出数据包' })).toBeVisible();
    await shootWindow(page, 'province-03-reported');
  });

  await test.step('the 管理员 adds a report format from a mapping file and may export unencrypted', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, ADMIN);
    await page.getByRole('menuitem', { name: '省级报送' }).click();
    const mapping = JSON.parse(readFileSync('resources/province/mappings/xlsx-zh.json', 'utf8')) as Record<
      string,
      unknown
    >;
    const custom = { ...mapping, id: 'ningxia-2027', name: '自治区平台2027版' };
    await page
      .locator('input[type=file][accept=".json,application/json"]')
      .first()
      .setInputFiles({
        name: '自治区平台2027版.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(custom)),
      });
    await expect(page.getByText('已添加报送格式：自治区平台2027版')).toBeVisible();
    await expect(page.getByLabel('报送格式')).toBeVisible();
    await page.getByRole('radio', { name: '不加密' }).check();
    await expect(page.getByText('此次导出将记入审计日志')).toBeVisible();
    await shootWindow(page, 'province-04-admin-format');
  });
});
