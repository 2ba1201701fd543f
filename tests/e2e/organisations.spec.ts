import type { Locator, Page } from '@playwright/test';
import { idCheckChar } from '../../main/contract';
import { SEED } from '../fixtures/builders';
import { expect, test, type Desk } from './fixtures/desk';
import { ADMIN, handOver, setUpOffice, signIn } from './fixtures/world';

// 管理员 maintains the organisation tree and the mediator roster: a village committee under a
// township, a mediator with a household member and a committee membership, training recorded
// and shown against the targets, and the committee's composition warnings.

const VILLAGE = { name: '城关镇新胜村人民调解委员会', abbreviation: '平城新胜' };
const body = '64022119720314024';
const MEDIATOR = { name: '马秀英', id: body + idCheckChar(body), phone: '13909525678' };
const spouseBody = '64022119700802081';
const SPOUSE = { name: '李建军', id: spouseBody + idCheckChar(spouseBody) };

/** Office and administrator through the channels; the 管理员 signs in on the screen. */
async function prepareOffice(page: Page, desk: Desk) {
  await setUpOffice(page, desk);
  await handOver(page, desk);
  await signIn(page, ADMIN);
}

/** Toasts gone and no tooltip under the mouse, then the screenshot. */
async function screenshot(page: Page, desk: Desk, name: string) {
  await page.mouse.move(1, 1);
  const focused = page.locator(':focus');
  if (await focused.count()) await focused.first().blur();
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await expect(page.locator('.ant-tooltip:not(.ant-tooltip-hidden)')).toHaveCount(0);
  await desk.screenshot(page, name);
}

/** Three colleagues on the roster already (through the channels), so the list is a real one. */
async function addColleagues(page: Page, desk: Desk) {
  const id = (birth: string, seq: string) => `640221${birth}${seq}${idCheckChar(`640221${birth}${seq}`)}`;
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
  const colleagues = [
    {
      name: '王志刚',
      sex: 'male' as const,
      ethnicity: '汉族',
      idNumber: id('19650505', '031'),
      phone: '13895201234',
      employment: 'full_time' as const,
      grade: 'chief' as const,
      specialties: ['medical', 'damages'],
      memberships: [{ organisationId: SEED.medicalCommitteeId, position: '主任', from: '2024-03-01' }],
      training: [
        { kind: 'initial' as const, days: 5, date: '2024-03-10', topic: '岗前培训' },
        { kind: 'continuing' as const, days: 10, date: today, topic: '医疗纠纷调解实务研修' },
      ],
    },
    {
      name: '李娟',
      sex: 'female' as const,
      ethnicity: '汉族',
      idNumber: id('19800920', '042'),
      phone: '0952-6012345',
      employment: 'part_time' as const,
      grade: 'second' as const,
      specialties: ['neighbour', 'land_contract'],
      memberships: [{ organisationId: SEED.yaofuCommitteeId, position: '委员', from: '2025-01-01' }],
      training: [
        { kind: 'initial' as const, days: 5, date: '2025-01-05', topic: '岗前培训' },
        { kind: 'continuing' as const, days: 6, date: today, topic: '土地承包纠纷专题' },
      ],
    },
    {
      name: '马文军',
      sex: 'male' as const,
      ethnicity: '回族',
      phone: '13709523456',
      employment: 'part_time' as const,
      grade: 'none' as const,
      specialties: [],
      memberships: [],
      training: [],
    },
  ];
  for (const [i, { training, ...c }] of colleagues.entries()) {
    const saved = await desk.invoke(page, 'mediators:save', {
      ...c,
      kind: i === 2 ? 'info_officer' : 'mediator',
    });
    if (!saved.ok) throw new Error(saved.error.message);
    for (const t of training)
      expect(
        (await desk.invoke(page, 'mediators:addTraining', { mediatorId: saved.value.id, ...t })).ok,
      ).toBe(true);
  }
}

/** Types into an antd Select (or AutoComplete) and takes the highlighted option. */
async function choose(page: Page, field: Locator, text: string) {
  await field.click();
  await field.fill(text);
  await page.keyboard.press('Enter');
}

/** A DatePicker takes typed dates ('YYYY-MM-DD') confirmed with Enter. */
async function typeDate(page: Page, field: Locator, date: string) {
  await field.click();
  await field.fill(date);
  await page.keyboard.press('Enter');
}

test('调解组织 and 调解员名册: a village committee, a mediator, training against the targets', async ({
  page,
  desk,
}) => {
  await prepareOffice(page, desk);
  const year = new Date().getFullYear();

  await test.step('the seeded Pingluo tree, under the 管理 menu', async () => {
    await page.getByRole('menuitem', { name: '调解组织' }).click();
    await expect(page.getByTestId('org-node-平罗县人民调解中心')).toBeVisible();
    await expect(page.getByTestId('org-node-平罗县医疗纠纷人民调解委员会')).toBeVisible();
    await expect(page.getByTestId('org-node-城关镇人民调解委员会')).toBeVisible();
    await page.getByTestId('org-node-平罗县医疗纠纷人民调解委员会').click();
    await expect(page.getByText('（{year}）{abbr}调字第{seq:4}号')).toBeVisible();
    await expect(page.getByTestId('composition-warnings')).toContainText('委员人数不足3人（现有0人）');
  });

  await test.step('add a village committee under 城关镇, with a live case-number preview', async () => {
    await page.getByTestId('org-node-城关镇人民调解委员会').click();
    await page.getByRole('button', { name: '新增下级' }).click();
    const form = page.getByRole('form', { name: '调解组织信息' });
    await expect(form.getByLabel('组织类型')).toBeVisible();
    await expect(form.locator('.ant-select').filter({ has: page.getByLabel('组织类型') })).toContainText(
      '村（居）人民调解委员会',
    );
    await expect(form.locator('.ant-select').filter({ has: page.getByLabel('上级组织') })).toContainText(
      '城关镇人民调解委员会',
    );
    await form.getByLabel('组织名称').fill(VILLAGE.name);
    await form.getByLabel('案号简称').fill(VILLAGE.abbreviation);
    await expect(page.getByTestId('case-number-preview')).toHaveText(`预览：（${year}）平城新胜调字第0001号`);
    await form.getByLabel('案号格式').fill('（{year}）{abbr}调字第{num}号');
    // The service's own reason (one formatter: main/contract/rules/caseNumber.ts).
    await expect(page.getByTestId('case-number-preview')).toHaveText(
      '案号格式中有无法识别的占位符 {num}。可用的占位符有 {year}（年份）、{abbr}（调委会简称）、{seq}（序号）、{seq:4}（补零到4位的序号）',
    );
    await page.screenshot({ path: 'test-results/screens/organisations-pattern-error.png' });
    await form.getByLabel('案号格式').fill('({year}){abbr}调字第｛seq：4｝号');
    await expect(page.getByTestId('case-number-preview')).toHaveText(`预览：（${year}）平城新胜调字第0001号`);
    await form.getByLabel('地址').fill('平罗县城关镇新胜村村委会');
    await typeDate(page, form.getByLabel('成立日期'), '2024-01-05');
    await choose(page, form.getByLabel('专业领域'), '邻里');
    await choose(page, form.getByLabel('专业领域'), '婚姻家庭');
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: '保 存' }).click();
    await expect(page.getByText(`已保存“${VILLAGE.name}”`)).toBeVisible();
    const node = page.getByTestId(`org-node-${VILLAGE.name}`);
    await expect(node).toBeVisible();
    await expect(page.getByText('（{year}）{abbr}调字第{seq:4}号')).toBeVisible();
    await expect(page.getByText('城关镇', { exact: true })).toBeVisible();
    await expect(page.getByTestId('composition-warnings')).toContainText('委员人数不足3人（现有0人）');
    await expect(page.getByTestId('composition-warnings')).toContainText('无女性委员');
  });

  await test.step('a duplicate abbreviation is refused beside the field', async () => {
    await page.getByRole('button', { name: '新增下级' }).click();
    const form = page.getByRole('form', { name: '调解组织信息' });
    // Under a village the likely kind is a unit committee.
    await expect(form.locator('.ant-select').filter({ has: page.getByLabel('组织类型') })).toContainText(
      '企事业单位人民调解委员会',
    );
    await form.getByLabel('组织名称').fill('新胜村某企业人民调解委员会');
    await form.getByLabel('案号简称').fill('平医');
    await form.getByRole('button', { name: '保 存' }).click();
    await expect(form.getByText('“平医”已被“平罗县医疗纠纷人民调解委员会”使用，案号会重复')).toBeVisible();
    await form.getByRole('button', { name: '取 消' }).click();
  });

  await test.step('create a mediator with a household member and a membership', async () => {
    await addColleagues(page, desk);
    await page.getByRole('menuitem', { name: '调解员名册' }).click();
    await page.getByRole('button', { name: '新增调解员' }).click();
    const drawer = page.getByRole('dialog', { name: '新增调解员' });
    const form = drawer.getByRole('form', { name: '调解员信息' });
    await form.getByLabel('姓名', { exact: true }).fill(MEDIATOR.name);
    await form.getByLabel('身份证号码', { exact: true }).fill(MEDIATOR.id.slice(0, 17) + '0');
    await form.getByLabel('联系电话').click();
    await expect(form.getByText(/最后一位应为/)).toBeVisible();
    await form.getByLabel('身份证号码', { exact: true }).fill(MEDIATOR.id);
    await expect(form.getByRole('radio', { name: '女' })).toBeChecked();
    await choose(page, form.getByLabel('民族'), '回族');
    await form.getByLabel('联系电话').fill(MEDIATOR.phone);
    await form.getByText('专职', { exact: true }).click();
    await form.getByLabel('等级').click();
    await page.locator('.ant-select-item-option[title="一级调解员"]').click();
    await choose(page, form.getByLabel('擅长纠纷类型'), '婚姻家庭');
    await page.keyboard.press('Escape');

    await drawer.getByRole('button', { name: '添加任职' }).click();
    const membership = drawer.getByTestId('membership-row').first();
    await choose(page, membership.getByLabel('所属组织'), '新胜村');
    await expect(membership).toContainText(VILLAGE.name);
    await membership.getByLabel('职务').fill('主任');
    await page.keyboard.press('Escape');

    await form.getByLabel('所在村民小组').fill('新胜村三组');
    await form.getByLabel('工作单位', { exact: true }).fill('平罗县城关镇新胜村村民委员会');
    await drawer.getByRole('button', { name: '添加家庭成员' }).click();
    const household = drawer.getByTestId('household-row').first();
    await household.getByLabel('家庭成员姓名').fill(SPOUSE.name);
    await household.getByLabel('关系').fill('配偶');
    await page.keyboard.press('Escape');
    await household.getByLabel('家庭成员身份证号码').fill(SPOUSE.id);
    await screenshot(page, desk, 'org-03-mediator-new');
    await drawer.getByRole('button', { name: '保 存' }).click();
    await expect(page.getByText(`已保存调解员“${MEDIATOR.name}”`)).toBeVisible();
    await expect(drawer).toBeHidden();

    const row = page.getByRole('row', { name: new RegExp(MEDIATOR.name) });
    await expect(row).toContainText('城关镇新胜村调委会（主任）');
    await expect(row).toContainText('专职');
    await expect(row).toContainText('一级');
    await expect(row).toContainText('婚姻家庭');
    await expect(row.getByTestId('training-initial')).toContainText('0/5天');
    await expect(row.getByTestId('training-continuing')).toContainText('0/10天');
  });

  await test.step('record training: 岗前 5 days meets its target, 年度 3 days does not yet', async () => {
    const row = page.getByRole('row', { name: new RegExp(MEDIATOR.name) });
    await row.getByRole('button', { name: '登记培训' }).click();
    let modal = page.getByRole('dialog', { name: `登记培训：${MEDIATOR.name}` });
    await expect(modal.getByRole('radio', { name: '岗前培训' })).toBeChecked();
    await modal.getByLabel('天数').fill('5');
    await modal.getByLabel('培训内容').fill('岗前培训：人民调解法与调解技巧');
    await modal.getByRole('button', { name: '登记培训' }).click();
    await expect(modal).toBeHidden();
    await expect(row.getByTestId('training-initial')).toHaveAttribute('data-met', 'true');
    await expect(row.getByTestId('training-initial')).toContainText('5/5天');

    await row.getByRole('button', { name: '登记培训' }).click();
    modal = page.getByRole('dialog', { name: `登记培训：${MEDIATOR.name}` });
    await expect(modal.getByRole('radio', { name: '年度培训' })).toBeChecked();
    await modal.getByLabel('天数').fill('3');
    await modal.getByLabel('培训内容').fill('县司法局年度业务培训');
    await modal.getByRole('button', { name: '登记培训' }).click();
    await expect(modal).toBeHidden();
    await expect(row.getByTestId('training-continuing')).toContainText('3/10天');
    await expect(row.getByTestId('training-continuing')).toHaveAttribute('data-met', 'false');
    await expect(page.getByText('共 4 人，2 名调解员培训未达标')).toBeVisible();
    await screenshot(page, desk, 'org-04-mediators');
  });

  await test.step('the edit drawer: masked ID, audited reveal, household and training log', async () => {
    const row = page.getByRole('row', { name: new RegExp(MEDIATOR.name) });
    await row.getByRole('button', { name: '修改' }).click();
    const drawer = page.getByRole('dialog', { name: `修改调解员：${MEDIATOR.name}` });
    const idField = drawer.getByLabel('身份证号码', { exact: true });
    await expect(idField).toHaveValue(`640221********${MEDIATOR.id.slice(14)}`);
    await expect(drawer.getByLabel('家庭成员身份证号码')).toHaveValue(`640221********${SPOUSE.id.slice(14)}`);
    await expect(drawer.getByRole('cell', { name: '岗前培训：人民调解法与调解技巧' })).toBeVisible();
    await expect(drawer.getByRole('cell', { name: '县司法局年度业务培训' })).toBeVisible();
    await screenshot(page, desk, 'org-05-mediator-drawer');
    await drawer.getByText('培训记录').scrollIntoViewIfNeeded();
    await screenshot(page, desk, 'org-06-mediator-drawer-training');
    await drawer.getByRole('button', { name: '查看完整号码' }).click();
    await expect(idField).toHaveValue(MEDIATOR.id);
    await drawer.getByRole('button', { name: '取 消' }).click();
    const audit = await desk.invoke(page, 'audit:list', {
      page: 1,
      pageSize: 20,
      action: 'mediators:revealIdNumber',
    });
    expect(audit.ok && audit.value.items[0]?.detail).toBe(`查看调解员“${MEDIATOR.name}”的完整身份证号码`);
  });

  await test.step('back on 调解组织: the committee lists its chair, still short of members', async () => {
    await page.getByRole('menuitem', { name: '调解组织' }).click();
    await page.getByPlaceholder('按名称或简称查找').fill('新胜');
    await page.getByTestId(`org-node-${VILLAGE.name}`).click();
    await expect(page.getByRole('cell', { name: MEDIATOR.name })).toBeVisible();
    const warnings = page.getByTestId('composition-warnings');
    await expect(warnings).toContainText('委员人数不足3人（现有1人）');
    await expect(warnings).not.toContainText('无女性委员');
    await page.getByPlaceholder('按名称或简称查找').fill('');
    await screenshot(page, desk, 'org-02-organisations');
  });

  await test.step('a screenshot of the seeded tree', async () => {
    await page.getByTestId('org-node-平罗县医疗纠纷人民调解委员会').click();
    await page.getByRole('button', { name: '修改' }).click();
    await expect(page.getByTestId('case-number-preview')).toHaveText(`预览：（${year}）平医调字第0001号`);
    await screenshot(page, desk, 'org-01-organisation-edit');
  });
});
