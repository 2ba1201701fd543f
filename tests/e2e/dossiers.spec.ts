import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED } from '../fixtures/builders';
import { RICH_CASE, RICH_PERFORMANCE, RICH_TERMS } from '../fixtures/richCase';
import { ROSTER } from '../fixtures/roster';
import { expect, test, type Desk } from './fixtures/desk';
import {
  actAs,
  addStaff,
  addUser,
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
  type Account,
} from './fixtures/world';

// The archivist's day: a closed case is filed (立卷), the screen says what paper is missing, the
// archivist scans it in, archives the file, opens its PDF, and exports three dossiers in one batch.
// The office, people and the cases up to 已结案 are set up through the channels; the archive part
// is driven in the UI. The PDF is read back with poppler and its first pages rendered to PNG.

const ARCHIVIST: Account = { username: 'dangan', name: '郭晓燕', password: 'Dangan2026' };
const OUT = join('test-results', 'dossiers-e2e');

/** A case mediated to a written agreement, performed, visited and closed by the mediator. */
async function closedCase(page: Page, desk: Desk, mediatorId: string, summary?: string): Promise<string> {
  const today = beijing();
  await actAs(page, desk, CLERK);
  const created = await registerCase(page, desk, {
    ...RICH_CASE,
    receivedOn: today,
    ...(summary ? { summary, repeatReason: '另一起独立纠纷' } : {}),
  });
  await actAs(page, desk, DISPATCHER);
  await dispatchTo(page, desk, created.id, SEED.medicalCommitteeId, mediatorId);
  await actAs(page, desk, MEDIATOR);
  await ok(desk, page, 'workflow:respond', { caseId: created.id, accept: true });
  await ok(desk, page, 'workflow:addRecord', {
    caseId: created.id,
    kind: 'mediation',
    heldAt: new Date(Date.now() - 60_000).toISOString(),
    place: '平罗县人民调解中心第一调解室',
    partiesPresent: '张志军、张晓峰（委托代理人）、王建国（法定代表人）、马玉兰',
    rightsNotified: true,
    statements: '调解员马秀英：欠款合计86,300元，各方是否认可？\n被申请人法定代表人王建国：认可。',
    result: '经调解，各方自愿达成书面调解协议，当场签字。',
    recorder: '杨帆',
  });
  await ok(desk, page, 'workflow:recordAgreement', {
    caseId: created.id,
    kind: 'written',
    facts: '被申请人自2025年起拖欠土地流转费共计86,300元，应承担主要责任。',
    terms: RICH_TERMS,
    ...RICH_PERFORMANCE,
    performanceDeadline: '2026-12-31' > today ? '2026-12-31' : today,
    amountFen: '86300',
    reachedOn: today,
    effectiveOn: today,
    subjectMatter: 'ordinary',
  });
  await ok(desk, page, 'workflow:beginPerformance', { caseId: created.id });
  await ok(desk, page, 'workflow:recordVisit', {
    caseId: created.id,
    visitedOn: today,
    visitor: '马秀英',
    performanceStatus: 'performed',
    satisfaction: 'satisfied',
    escalationSigns: false,
    situation: '款项已转账到位，双方满意。',
  });
  await ok(desk, page, 'workflow:close', { caseId: created.id });
  return created.id;
}

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
