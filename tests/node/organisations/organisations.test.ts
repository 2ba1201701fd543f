import { describe, expect, it } from 'vitest';
import type { OrganisationDto, SaveOrganisationInput } from '../../../main/contract';
import { addUser, setUpApp, switchUser, type TestApp } from '../../helpers/app';
import { aVillage, auditOf, officeToday, ORG } from './fixtures';

async function refused(app: TestApp, input: SaveOrganisationInput) {
  const result = await app.call('orgs:save', input);
  if (result.ok) throw new Error('expected orgs:save to be refused');
  return result.error;
}

/** What the edit form would send back for an organisation as listed. */
function asInput(o: OrganisationDto): SaveOrganisationInput {
  return {
    id: o.id,
    version: o.version,
    name: o.name,
    kind: o.kind,
    parentId: o.parentId,
    abbreviation: o.abbreviation,
    caseNumberPattern: o.caseNumberPattern,
    township: o.township ?? undefined,
    address: o.address ?? undefined,
    activeFrom: o.activeFrom ?? undefined,
    activeTo: o.activeTo ?? undefined,
    specialties: o.specialties,
  };
}

async function current(app: TestApp, id: string) {
  const { organisations } = await app.ok('orgs:tree', {});
  return organisations.find((o) => o.id === id)!;
}

describe('the organisation tree', () => {
  it('lists the seeded Pingluo tree and the dispute types for the specialties picker', async () => {
    const app = await setUpApp();
    const { organisations, disputeTypes } = await app.ok('orgs:tree', {});
    const byKind = (kind: string) => organisations.filter((o) => o.kind === kind);
    expect(byKind('county_center').map((o) => o.name)).toEqual(['平罗县人民调解中心']);
    expect(byKind('township')).toHaveLength(13);
    expect(byKind('township').every((o) => o.township && o.parentId === null)).toBe(true);
    expect(byKind('sector').map((o) => o.name)).toContain('平罗县医疗纠纷人民调解委员会');
    expect(byKind('sector').every((o) => o.parentId === ORG.county)).toBe(true);
    expect(
      byKind('stationed')
        .map((o) => o.abbreviation)
        .sort(),
    ).toEqual(['平信', '平警', '平诉']);
    expect(organisations.find((o) => o.id === ORG.medical)).toMatchObject({
      abbreviation: '平医',
      caseNumberPattern: '（{year}）{abbr}调字第{seq:4}号',
      specialties: ['medical'],
      version: 1,
    });
    expect(disputeTypes.map((t) => t.code)).toEqual(
      expect.arrayContaining(['medical', 'neighbour', 'petition']),
    );
  });
});

describe('saving an organisation', () => {
  it('adds a village committee under a township, inheriting its township, audited', async () => {
    const app = await setUpApp();
    const saved = await app.ok(
      'orgs:save',
      aVillage({ caseNumberPattern: '({year}){abbr}调字第｛seq：4｝号' }),
    );
    expect(saved).toMatchObject({
      kind: 'village',
      parentId: ORG.chengguan,
      township: '城关镇',
      // Half-width brackets and full-width braces normalised as case numbers print them.
      caseNumberPattern: '（{year}）{abbr}调字第{seq:4}号',
      activeFrom: '2024-01-05',
      activeTo: null,
      specialties: ['neighbour', 'marriage_family'],
      version: 1,
    });
    expect((await current(app, saved.id)).name).toBe('城关镇新胜村人民调解委员会');
    const [entry] = await auditOf(app, 'orgs:save');
    expect(entry).toMatchObject({
      outcome: 'ok',
      target: saved.id,
      detail:
        '新增调解组织：城关镇新胜村人民调解委员会（村（居）人民调解委员会，上级：城关镇人民调解委员会，案号简称：平城新胜）',
    });
  });

  it('edits with an optimistic version check and audits what changed', async () => {
    const app = await setUpApp();
    const medical = asInput(await current(app, ORG.medical));
    const edited = await app.ok('orgs:save', {
      ...medical,
      address: '平罗县城关镇鼓楼南街',
      activeFrom: '2015-06-01',
      specialties: ['medical', 'damages'],
    });
    expect(edited).toMatchObject({
      version: 2,
      address: '平罗县城关镇鼓楼南街',
      specialties: ['medical', 'damages'],
    });
    const [entry] = await auditOf(app, 'orgs:save');
    expect(entry!.detail).toBe(
      '修改调解组织：平罗县医疗纠纷人民调解委员会（地址：无 → 平罗县城关镇鼓楼南街；成立日期：无 → 2015-06-01；专业领域：医疗 → 医疗、损害赔偿）',
    );

    // A second editor still holding version 1 is refused, and nothing changes.
    const stale = await app.call('orgs:save', { ...medical, address: '别处' });
    expect(stale).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '“平罗县医疗纠纷人民调解委员会”刚被其他人修改，请刷新后重试' },
    });
    expect((await current(app, ORG.medical)).address).toBe('平罗县城关镇鼓楼南街');
    const noVersion = await app.call('orgs:save', { ...medical, version: undefined });
    expect(noVersion).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['version'] }] },
    });
  });

  it("records the committee's seal text, which the printed documents then use", async () => {
    const app = await setUpApp();
    const saved = await app.ok('orgs:save', aVillage({ sealText: '平罗县城关镇新胜村人民调解委员会' }));
    expect(saved.sealText).toBe('平罗县城关镇新胜村人民调解委员会');
    expect(app.session.repos().documents.sealText(saved.id)).toBe('平罗县城关镇新胜村人民调解委员会');
    expect((await auditOf(app, 'orgs:save'))[0]?.detail).not.toContain('印章文字');
    const cleared = await app.ok('orgs:save', {
      ...aVillage(),
      id: saved.id,
      version: saved.version,
      sealText: '',
    });
    expect(cleared.sealText).toBeNull();
    expect((await auditOf(app, 'orgs:save'))[0]?.detail).toContain(
      '印章文字：平罗县城关镇新胜村人民调解委员会 → 无',
    );
  });

  it('refuses parents of the wrong kind, naming the field', async () => {
    const app = await setUpApp();
    expect(await refused(app, aVillage({ parentId: ORG.county }))).toMatchObject({
      code: 'VALIDATION',
      message:
        '上级组织：村（居）人民调解委员会的上级只能是乡镇人民调解委员会，“平罗县人民调解中心”是县人民调解中心',
      issues: [{ path: ['parentId'] }],
    });
    expect((await refused(app, aVillage({ parentId: null }))).message).toBe(
      '上级组织：请选择上级组织（村（居）人民调解委员会隶属于乡镇人民调解委员会）',
    );
    const sector = {
      ...aVillage(),
      kind: 'sector' as const,
      name: '平罗县金融纠纷人民调解委员会',
      abbreviation: '平金',
      parentId: ORG.medical,
    };
    expect((await refused(app, sector)).message).toBe(
      '上级组织：行业性专业性人民调解委员会的上级只能是县人民调解中心或乡镇人民调解委员会，“平罗县医疗纠纷人民调解委员会”是行业性专业性人民调解委员会',
    );
    expect((await app.call('orgs:save', { ...sector, parentId: ORG.county })).ok).toBe(true);
    // A unit committee may sit under any organisation; a room under a township.
    const unit = {
      ...aVillage(),
      kind: 'unit' as const,
      name: '平罗县人民医院人民调解委员会',
      abbreviation: '平人医',
      parentId: ORG.medical,
    };
    expect((await app.call('orgs:save', unit)).ok).toBe(true);
    const room = {
      ...aVillage(),
      kind: 'room' as const,
      name: '马秀英金牌调解室',
      abbreviation: '平马',
      parentId: ORG.yaofu,
      township: undefined,
    };
    expect(await app.ok('orgs:save', room)).toMatchObject({ township: '姚伏镇' });
    expect(
      (await refused(app, { ...aVillage(), parentId: '00000000-0000-4000-8000-000000000000' })).message,
    ).toBe('上级组织：所选上级组织不存在，请从列表中选择');
    const county = asInput(await current(app, ORG.county));
    expect((await refused(app, { ...county, parentId: ORG.chengguan })).message).toBe(
      '上级组织：县人民调解中心是最上级组织，不能设置上级',
    );
    expect((await refused(app, { ...aVillage(), kind: 'county_center', parentId: null })).message).toBe(
      '组织类型：全县只能有一个县人民调解中心',
    );
  });

  it('refuses cycles: an organisation under itself or its own descendant', async () => {
    const app = await setUpApp();
    const parent = await app.ok('orgs:save', {
      ...aVillage(),
      kind: 'other',
      name: '平罗县某协会人民调解委员会',
      abbreviation: '平协',
      parentId: null,
    });
    const child = await app.ok('orgs:save', {
      ...aVillage(),
      kind: 'unit',
      name: '某协会下属单位调委会',
      abbreviation: '平协下',
      parentId: parent.id,
    });
    const grandchild = await app.ok('orgs:save', {
      ...aVillage(),
      kind: 'unit',
      name: '某孙级单位调委会',
      abbreviation: '平协孙',
      parentId: child.id,
    });
    for (const newParent of [parent.id, grandchild.id]) {
      const error = await refused(app, { ...asInput(parent), parentId: newParent });
      expect(error).toMatchObject({
        code: 'VALIDATION',
        message: '上级组织：不能选择本组织或其下级组织作为上级（会形成循环）',
        issues: [{ path: ['parentId'], field: '上级组织' }],
      });
    }
    expect((await current(app, parent.id)).parentId).toBeNull();
  });

  it('refuses a kind change that would strand its children', async () => {
    const app = await setUpApp();
    await app.ok('orgs:save', aVillage());
    const township = asInput(await current(app, ORG.chengguan));
    expect((await refused(app, { ...township, kind: 'sector', parentId: ORG.county })).message).toBe(
      '组织类型：下级组织“城关镇新胜村人民调解委员会”（村（居）人民调解委员会）不能隶属于行业性专业性人民调解委员会，请先调整其上级',
    );
  });

  it('checks abbreviation, case-number pattern, township, dates and specialties with Chinese messages', async () => {
    const app = await setUpApp();
    const year = officeToday(app).slice(0, 4);
    const cases: [Partial<SaveOrganisationInput>, string, (string | number)[]][] = [
      [
        { abbreviation: '平医' },
        '案号简称：“平医”已被“平罗县医疗纠纷人民调解委员会”使用，案号会重复',
        ['abbreviation'],
      ],
      [
        { caseNumberPattern: '{abbr}调字第{seq}号' },
        '案号格式：案号格式中必须有年份占位符 {year}，例如 （{year}）{abbr}调字第{seq}号',
        ['caseNumberPattern'],
      ],
      [
        { caseNumberPattern: '（{year}）{abbr}调字第{num}号' },
        '案号格式：案号格式中有无法识别的占位符 {num}。',
        ['caseNumberPattern'],
      ],
      [
        { abbreviation: '平医调', caseNumberPattern: '（{year}）{abbr}字第{seq:4}号' },
        `案号格式：会与“平罗县医疗纠纷人民调解委员会”编出相同的案号（如（${year}）平医调字第0001号），请调整简称或格式`,
        ['caseNumberPattern'],
      ],
      [{ township: '石嘴山镇' }, '所在乡镇：“石嘴山镇”不是平罗县的乡镇，请从列表中选择', ['township']],
      [{ township: '姚伏镇' }, '所在乡镇：应与上级“城关镇人民调解委员会”所在的城关镇一致', ['township']],
      [{ activeFrom: '2024-02-30' }, '成立日期：2024-02-30 不是有效的日期', ['activeFrom']],
      [{ activeTo: '2023-12-31' }, '撤销日期：不能早于成立日期（2024-01-05）', ['activeTo']],
      [
        { specialties: ['neighbour', 'no_such_type'] },
        '专业领域：“no_such_type”不是已有的纠纷类型',
        ['specialties', 1],
      ],
      [{ name: '姚伏镇人民调解委员会' }, '组织名称：已有同名的调解组织“姚伏镇人民调解委员会”', ['name']],
    ];
    for (const [overrides, message, path] of cases) {
      const error = await refused(app, aVillage(overrides));
      expect(error.code).toBe('VALIDATION');
      expect(error.message.startsWith(message), `${error.message}\n≠ ${message}`).toBe(true);
      expect(error.issues?.[0]?.path).toEqual(path);
    }
    // Contract-level checks name the field too.
    const short = await refused(app, aVillage({ name: '新胜' }));
    expect(short.message).toBe('组织名称：组织名称至少4个字');
    const noAbbr = await app.call('orgs:save', { ...aVillage(), abbreviation: '' });
    expect(noAbbr).toMatchObject({ ok: false, error: { message: '案号简称：请填写案号简称' } });
    // Nothing was saved by any of these.
    const { organisations } = await app.ok('orgs:tree', {});
    expect(organisations.filter((o) => o.kind === 'village')).toHaveLength(0);
  });

  it('is for 管理员 only: a 受理员 gets FORBIDDEN, and may still read the tree', async () => {
    const app = await setUpApp();
    const clerk = await addUser(app, 'clerk', ['intake']);
    await switchUser(app, clerk.username, clerk.password);
    expect(await app.call('orgs:save', aVillage())).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '您没有执行此操作的权限' },
    });
    expect((await app.ok('orgs:tree', {})).organisations.length).toBeGreaterThan(20);
  });
});
