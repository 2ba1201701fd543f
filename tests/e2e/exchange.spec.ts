import type { Page } from '@playwright/test';
import type { DeskApi, EventPayload } from '../../main/contract';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, launchDesk, test, type Desk } from './fixtures/desk';
import {
  ADMIN,
  DISPATCHER,
  addUser,
  handOver,
  ok,
  openCase,
  registerCase,
  setUpOffice,
  shootWindow,
  signIn,
} from './fixtures/world';

// 数据交换 as two 管理员 do it, one at the county centre and one at 城关镇, each in their own
// window on their own installation: swap 机构密钥卡 and compare fingerprints, the township
// generates a package, the county verifies, previews and imports it; both rename the same
// village, and the county resolves the conflict.

const CHENGGUAN_ID = '2dc93d7a-271f-4463-b352-6df512232bdc';

async function setUpTownship(page: Page, desk: Desk): Promise<void> {
  await page.goto(desk.url);
  await expect(page.getByText('首次使用设置')).toBeVisible();
  const { recoveryCode } = await ok(desk, page, 'setup:begin', {});
  await ok(desk, page, 'setup:complete', {
    office: { kind: 'listed', id: CHENGGUAN_ID },
    admin: {
      username: ADMIN.username,
      displayName: '刘乡镇',
      password: ADMIN.password,
      passwordConfirm: ADMIN.password,
    },
    recoveryCode,
  });
  await page.reload();
}

async function openExchange(page: Page, tab: string): Promise<void> {
  await page.getByRole('menuitem', { name: '数据交换' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

/** `from` exports its card; `to` imports it and types the fingerprint `from` reads out. */
async function trust(from: Page, to: Page, cardDir: string, name: string): Promise<void> {
  await openExchange(from, '信任机构');
  const spoken = (await from.getByTestId('own-fingerprint').textContent())!.trim();
  const [download] = await Promise.all([
    from.waitForEvent('download'),
    from.getByRole('button', { name: '导出本机密钥卡' }).click(),
  ]);
  const file = join(cardDir, download.suggestedFilename());
  await download.saveAs(file);
  await openExchange(to, '信任机构');
  await to.getByLabel('机构密钥卡文件').setInputFiles(file);
  const dialog = to.getByRole('dialog', { name: '核对指纹' });
  await expect(dialog.getByTestId('card-fingerprint')).toHaveText(spoken);
  await dialog.getByLabel('对方读出的指纹').fill(spoken);
  await shootWindow(to, `exchange-01-fingerprint-${name}`);
  await dialog.getByRole('button', { name: '核对一致，信任该机构' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    to.getByRole('tabpanel', { name: '信任机构' }).getByRole('cell', { name: spoken }),
  ).toBeVisible();
}

test('密钥卡互信 → 生成数据包 → 校验、预览、导入 → 冲突处理', async ({ page, desk, browser }) => {
  test.setTimeout(240_000);
  const township = await launchDesk();
  const townContext = await browser.newContext({ acceptDownloads: true });
  const town = await townContext.newPage();
  const folder = mkdtempSync(join(tmpdir(), 'desk-exchange-e2e-'));
  try {
    await test.step('two installations: the county centre and 城关镇', async () => {
      await setUpOffice(page, desk);
      await page.reload();
      await setUpTownship(town, township.desk);
      await ok(township.desk, town, 'catalog:saveVillage', {
        township: '城关镇',
        name: '新丰村',
        active: true,
      });
    });

    await test.step('城关镇 changes only its own part of the catalogue: the rest is the county’s', async () => {
      await town.getByRole('menuitem', { name: '调解组织' }).click();
      await town.getByTestId('org-node-平罗县人民调解中心').click();
      await expect(town.getByTestId('kept-elsewhere')).toHaveText('由平罗县人民调解中心维护（只读）');
      await expect(town.getByRole('button', { name: '修改' })).toHaveCount(0);
      await shootWindow(town, 'exchange-00a-county-row-read-only');
      await town.getByTestId('org-node-城关镇人民调解委员会').click();
      await expect(town.getByRole('button', { name: '修改' })).toBeVisible();
      // 新增组织 starts under its own committee, the only place it may add one.
      await town.getByRole('button', { name: '新增组织' }).click();
      await expect(town.getByText('新增组织：隶属于“城关镇人民调解委员会”')).toBeVisible();
      await town.getByRole('menuitem', { name: '基础目录' }).click();
      await expect(town.getByTestId('types-from-county')).toContainText('新增类型须由县调解中心设置');
      await expect(town.getByRole('button', { name: '新增地方子类型' })).toBeDisabled();
      await shootWindow(town, 'exchange-00b-types-from-county');
      await town.getByRole('tab', { name: '村（社区）' }).click();
      await expect(town.getByPlaceholder('在城关镇下添加村（社区），回车确认')).toBeVisible();
      await town.getByRole('menuitem', { name: /黄渠桥镇/ }).click();
      await expect(town.getByTestId('villages-read-only')).toContainText(
        '本机只能新增或修改城关镇的村（社区）',
      );
      // The county's shared settings may be changed here, and say what that means: the deadline
      // rules, the document settings and the 案卷评查表 (which the 管理员 sets, too).
      await town.getByRole('menuitem', { name: '系统设置' }).click();
      await expect(town.getByTestId('checklist-card').getByTestId('county-shared-note')).toBeVisible();
      await expect(town.getByTestId('county-shared-note')).toHaveCount(3);
      await expect(town.getByTestId('county-shared-note').first()).toContainText('冲突处理');
      await shootWindow(town, 'exchange-00c-county-shared-settings');
    });

    await test.step('each trusts the other by its 机构密钥卡, fingerprints compared', async () => {
      await trust(town, page, folder, 'county');
      await trust(page, town, folder, 'township');
      await desk.screenshot(page, 'exchange-02-trusted');
    });

    await test.step('城关镇 escalates a case: the county is another installation, and the case says so', async () => {
      await addUser(town, township.desk, DISPATCHER, ['intake', 'dispatcher'], {
        organisationIds: [CHENGGUAN_ID],
      });
      await handOver(town, township.desk);
      await signIn(town, DISPATCHER);
      const registered = await registerCase(town, township.desk, {
        committeeId: CHENGGUAN_ID,
        township: '城关镇',
        village: undefined,
      });
      await ok(township.desk, town, 'workflow:escalate', {
        caseId: registered.id,
        riskNote: '涉及多户群体，乡镇难以化解，请县调解中心协调',
      });
      await openCase(town, registered.id);
      await expect(town.getByTestId('workflow-panel').getByTestId('exchange-notice')).toHaveText(
        '平罗县人民调解中心使用另一套系统：本次上报已列入发往该中心的下一个数据包，请管理员在“数据交换”中生成数据包并送达。',
      );
      await township.desk.screenshot(town, 'exchange-03a-escalation-queued');
      await handOver(town, township.desk);
      await signIn(town, { ...ADMIN, name: '刘乡镇' });
    });

    await test.step('the township generates a package for the county', async () => {
      await openExchange(town, '生成数据包');
      await expect(town.getByTestId('package-plan')).toContainText('第1号');
      await expect(town.getByTestId('package-plan')).toContainText('村（社区）1条');
      await expect(town.getByTestId('package-plan')).toContainText('案件1条');
      await town.getByLabel('保存位置').fill(folder);
      await town.getByRole('button', { name: '生成数据包' }).click();
      await expect(town.getByText('已生成发往平罗县人民调解中心的第1号数据包')).toBeVisible();
      await township.desk.screenshot(town, 'exchange-03-generated');
    });

    const packagePath = (n: number) =>
      join(folder, `县乡数据交换-城关镇人民调解委员会至平罗县人民调解中心-第000${n}号.zip`);

    await test.step('the county verifies, previews and imports it', async () => {
      await openExchange(page, '导入数据包');
      await page.getByLabel('数据包文件').fill(packagePath(1));
      await page.getByRole('button', { name: '校验' }).click();
      await expect(page.getByText('数据包完整，签名有效')).toBeVisible();
      await expect(page.getByRole('row').filter({ hasText: '村（社区）' }).getByRole('cell')).toHaveText([
        '村（社区）',
        '1',
        '0',
        '0',
        '0',
      ]);
      await expect(
        page
          .getByRole('row')
          .filter({ hasText: /^案件\d/ })
          .getByRole('cell'),
      ).toHaveText(['案件', '1', '0', '0', '0']);
      // The progress bar followed the check to its end: stage, then done.
      const bar = page.getByLabel('导入进度');
      await expect(bar).toContainText('校验数据包完成');
      await expect(bar.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
      const summary = page.getByText(/第1号，.*生成，共\d+条记录/);
      await expect(summary).toBeVisible();
      // The package's own count of records, as the preview states it: the bar counts up to it.
      const records = Number(/共(\d+)条记录/.exec((await summary.textContent()) ?? '')![1]);
      expect(records).toBeGreaterThan(2);
      await desk.screenshot(page, 'exchange-04-preview');
      // Every progress event the window hears during 导入 (the bar's own source).
      await page.evaluate(() => {
        const g = globalThis as unknown as { api: DeskApi; heard: EventPayload<'job:progress'>[] };
        g.heard = [];
        g.api.on('job:progress', (p) => g.heard.push(p));
      });
      await page.getByRole('button', { name: 'check 导入', exact: true }).click();
      await expect(page.getByText(/已导入城关镇人民调解委员会的第1号数据包（共\d+条记录）/)).toBeVisible();
      await expect(bar).toContainText('导入数据包完成');
      await desk.screenshot(page, 'exchange-04b-imported');
      const heard = await page.evaluate(
        () => (globalThis as unknown as { heard: EventPayload<'job:progress'>[] }).heard,
      );
      // Stage and records done/total reached the window while the import ran, then its end.
      // (one event per entry of the package: a page of up to 1,000 records of one table).
      const writing = heard.filter((p) => p.current === '写入记录');
      expect(writing.every((p) => p.total === records && p.state === 'running')).toBe(true);
      const dones = writing.map((p) => p.done);
      expect(dones[0]).toBe(0);
      expect(dones.at(-1)).toBe(records);
      expect(dones.length).toBeGreaterThan(2);
      expect(dones).toEqual([...dones].sort((a, b) => a - b));
      expect(heard.at(-1)).toMatchObject({ label: '导入数据包', state: 'finished' });
      // The same package again is refused, with the reason; the bar says the check did not finish.
      await page.getByRole('button', { name: '校验' }).click();
      await expect(page.getByRole('alert')).toContainText('第1号数据包已经导入过，不能重复导入');
      await expect(bar).toContainText('校验数据包未完成');
    });

    await test.step('both rename the village: the county sees one conflict and takes the township’s', async () => {
      const village = (await ok(desk, page, 'catalog:get', {})).villages.find((v) => v.name === '新丰村')!;
      await ok(township.desk, town, 'catalog:saveVillage', {
        id: village.id,
        township: '城关镇',
        name: '新丰一村',
        active: true,
      });
      await ok(desk, page, 'catalog:saveVillage', {
        id: village.id,
        township: '城关镇',
        name: '新风村',
        active: true,
      });
      await openExchange(town, '生成数据包');
      await town.getByLabel('保存位置').fill(folder);
      await town.getByRole('button', { name: '生成数据包' }).click();
      await expect(town.getByText('已生成发往平罗县人民调解中心的第2号数据包')).toBeVisible();

      await page.getByLabel('数据包文件').fill(packagePath(2));
      await page.getByRole('button', { name: '校验' }).click();
      await page.getByRole('button', { name: 'check 导入', exact: true }).click();
      await expect(page.getByText('有1条记录双方都修改过')).toBeVisible();
      await page.getByRole('tab', { name: /冲突处理/ }).click();
      const row = page.getByRole('row', { name: /名称/ });
      await expect(row).toContainText('新风村');
      await expect(row).toContainText('新丰一村');
      await desk.screenshot(page, 'exchange-05-conflict');
      await page.getByRole('button', { name: '采用对方版本' }).click();
      await expect(page.getByText('没有待处理的冲突')).toBeVisible();
      const after = (await ok(desk, page, 'catalog:get', {})).villages.find((v) => v.id === village.id);
      expect(after?.name).toBe('新丰一村');
    });

    await test.step('the history shows both packages received', async () => {
      await page.getByRole('tab', { name: '收发记录' }).click();
      await expect(page.getByRole('row').filter({ hasText: '第2号' })).toContainText(
        '收到城关镇人民调解委员会',
      );
      await desk.screenshot(page, 'exchange-06-history');
    });

    await test.step('the township restores an older backup: its screen says what to do, its next package is accepted', async () => {
      const backups = mkdtempSync(join(tmpdir(), 'desk-exchange-backups-'));
      await ok(township.desk, town, 'backup:saveSettings', {
        folder: backups,
        autoDaily: false,
        keepDaily: 7,
        keepWeekly: 4,
        keepMonthly: 12,
      });
      await ok(township.desk, town, 'backup:run', {});
      await expect
        .poll(async () => (await ok(township.desk, town, 'backup:status', {})).files.length, {
          timeout: 60_000,
        })
        .toBe(1);
      await expect.poll(async () => (await ok(township.desk, town, 'backup:status', {})).job).toBeNull();
      const [backup] = (await ok(township.desk, town, 'backup:status', {})).files;
      // After the backup: package 3 reaches the county.
      const countyId = (await ok(desk, page, 'exchange:overview', {})).office.id;
      await ok(township.desk, town, 'exchange:generate', { officeId: countyId, folder });
      await ok(desk, page, 'exchange:import', { path: packagePath(3) });

      const checked = await ok(township.desk, town, 'backup:inspect', {
        path: backup!.path,
        unlock: { kind: 'password', username: ADMIN.username, password: ADMIN.password },
      });
      await ok(township.desk, town, 'backup:restore', { token: checked.token, confirm: true });
      await town.reload();
      await signIn(town, { ...ADMIN, name: '刘乡镇' });
      await openExchange(town, '生成数据包');
      const notice = town.getByRole('alert').filter({ hasText: '从备份恢复后的数据交换' });
      await expect(notice).toContainText('此后与平罗县人民调解中心交换的数据不在本机');
      await town.getByLabel('保存位置').fill(folder);
      await town.getByRole('button', { name: '生成数据包' }).click();
      // Numbered above the last package sent before the restore: not a replay at the county.
      await expect(town.getByText('已生成发往平罗县人民调解中心的第4号数据包')).toBeVisible();
      await township.desk.screenshot(town, 'exchange-07-restored-notice');

      await openExchange(page, '导入数据包');
      await page.getByLabel('数据包文件').fill(packagePath(4));
      await page.getByRole('button', { name: '校验' }).click();
      await expect(page.getByText('城关镇人民调解委员会已从备份恢复数据，请本机重新发送')).toBeVisible();
      await desk.screenshot(page, 'exchange-08-peer-restored');
    });
  } finally {
    await townContext.close();
    await township.stop();
  }
});
