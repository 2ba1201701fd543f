import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROSTER } from '../fixtures/roster';
import { closedCase } from './fixtures/closedCase';
import { expect, test } from './fixtures/desk';
import {
  addStaff,
  addUser,
  handOver,
  ok,
  ONE_PIXEL_PNG,
  openCase,
  setUpOffice,
  shootWindow,
  signIn,
  type Account,
} from './fixtures/world';

// The archivist's day: a closed case is filed (立卷), the screen says what paper is missing, the
// archivist scans it in, archives the file, opens its PDF, and exports three dossiers in one batch.
// The office, people and the cases up to 已结案 are set up through the channels; the archive part
// is driven in the UI. The PDF is read back with poppler and its first pages rendered to PNG.

const ARCHIVIST: Account = { username: 'dangan', name: '郭晓燕', password: 'Dangan2026' };
const OUT = join('test-results', 'dossiers-e2e');

test('立卷 → 缺项 → 补充扫描件 → 归档 → 卷宗PDF → 批量导出三个卷宗', async ({ page, desk }) => {
  // Three cases are taken to 已结案 through the channels first: more than the default two minutes
  // on a busy two-core machine.
  test.setTimeout(300_000);
  mkdirSync(OUT, { recursive: true });
  const cases = await test.step('set up the office and three closed cases', async () => {
    await setUpOffice(page, desk);
    const mediator = await ok(desk, page, 'mediators:save', { ...ROSTER.medical, specialties: ['contract'] });
    await addStaff(page, desk, mediator.id);
    await addUser(page, desk, ARCHIVIST, ['archivist']);
    const ids = [
      await closedCase(page, desk, mediator.id),
      await closedCase(page, desk, mediator.id, '第二起：被申请人拖欠另一农户土地流转费，双方协商未果。'),
      await closedCase(page, desk, mediator.id, '第三起：被申请人拖欠第三户土地流转费，双方协商未果。'),
    ];
    // Two of them are filed already (by the mediator, who may file too).
    for (const caseId of ids.slice(1)) await ok(desk, page, 'dossiers:file', { caseId, retention: '长期' });
    await handOver(page, desk);
    return ids;
  });

  await test.step('the archivist signs in and files the first case (立卷)', async () => {
    await signIn(page, ARCHIVIST);
    await openCase(page, cases[0]!);
    const panel = page.getByTestId('dossier-panel');
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.getByLabel('保管期限')).toBeVisible();
    // The retention proposed is the one in 系统设置 → 文书设置 (长期 until the 管理员 changes it).
    await expect(panel.getByText('长期', { exact: true })).toBeVisible();
    await shootWindow(page, 'dossiers-00-file-form');
    await panel.getByRole('button', { name: '立卷' }).click();
    await expect(panel).toContainText('人调卷字第003号');
    await expect(panel).toContainText('立卷中');
  });

  const panel = page.getByTestId('dossier-panel');
  await test.step('sees what is missing and how to fix it', async () => {
    const missing = panel.getByTestId('dossier-missing');
    await expect(missing).toContainText('缺少3项必备材料，补齐后才能归档');
    await expect(missing).toContainText('缺少当事人身份证明：请扫描各方当事人的身份证复印件或营业执照复印件');
    await expect(missing).toContainText('缺少授权委托书');
    await expect(missing).toContainText('缺少人民调解协议书签字扫描件：请在文书中上传');
    await panel.scrollIntoViewIfNeeded();
    await shootWindow(page, 'dossiers-01-missing');
  });

  await test.step('scans in the missing paper', async () => {
    for (const [item, name] of [
      ['id-proofs', '身份证复印件.png'],
      ['powers-of-attorney', '授权委托书.png'],
      ['agreement', '协议书签字页.png'],
    ] as const) {
      await panel
        .locator(`tr[data-row-key="${item}"] input[type=file]`)
        .setInputFiles({ name, mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
      await expect(panel.locator(`tr[data-row-key="${item}"]`)).toContainText('已有');
    }
    await expect(panel).toContainText('必备材料齐全，可以归档');
  });

  await test.step('archives it: the case is frozen', async () => {
    await panel.getByRole('button', { name: '归档' }).click();
    await expect(panel).toContainText('已归档（第1版）');
    await expect(page.getByText('已归档').first()).toBeVisible();
    await panel.scrollIntoViewIfNeeded();
    await shootWindow(page, 'dossiers-02-archived');
  });

  await test.step('opens the PDF in the app: every page numbered, text readable', async () => {
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: '查看归档PDF' }).click();
    const dialog = page.getByRole('dialog', { name: /卷宗PDF：/ });
    await expect(dialog.getByTestId('dossier-pdf')).toHaveAttribute('src', /^blob:/);
    await expect(dialog.getByTestId('pdf-pages')).toHaveText(/共\d+页/);
    // Chromium's PDF viewer draws its pages a moment after the frame loads; this wait is for the picture only.
    await page.waitForTimeout(3000);
    await shootWindow(page, 'dossiers-03-pdf-preview');
    await dialog.getByRole('button', { name: '下载' }).click();
    const file = join(OUT, 'dossier.pdf');
    await (await download).saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages[0]!.replace(/\s+/g, '')).toContain('调解卷宗');
    expect(pages[1]).toContain('卷内目录');
    expect(pages.at(-1)).toContain('备考表');
    pages.forEach((p, i) => expect(p.trim().split('\n')[0]!.trim().split(/\s+/).at(-1)).toBe(String(i + 1)));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', file, join(OUT, 'page')]);
    await dialog.getByRole('button', { name: '关闭' }).click();
  });

  await test.step('batch-exports the three dossiers as one zip, with a progress bar and a summary', async () => {
    await page.getByRole('menuitem', { name: '卷宗管理' }).click();
    const table = page.locator('.ant-table').first();
    await expect(table.locator('tr.ant-table-row')).toHaveCount(3);
    await shootWindow(page, 'dossiers-04-list');
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: '导出选中的3个卷宗' }).click();
    const dialog = page.getByRole('dialog', { name: '批量导出卷宗PDF' });
    await dialog.getByRole('button', { name: '开始导出' }).click();
    await expect(dialog.getByTestId('export-progress')).toContainText('导出完成：共导出3份，跳过0份', {
      timeout: 60_000,
    });
    await shootWindow(page, 'dossiers-05-export-done');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '下载压缩包' }).click();
    const zip = join(OUT, 'dossiers.zip');
    await (await download).saveAs(zip);
    const bytes = readFileSync(zip);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const listing = execFileSync(
      'python3',
      ['-c', 'import sys,zipfile;print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', zip],
      {
        encoding: 'utf8',
      },
    );
    expect(listing.trim().split('\n').sort()).toEqual([
      expect.stringMatching(/第001号-未归档\.pdf$/),
      expect.stringMatching(/第002号-未归档\.pdf$/),
      expect.stringMatching(/第003号-第1版\.pdf$/),
    ]);
  });
});
