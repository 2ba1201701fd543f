import { describe, expect, it } from 'vitest';
import { trainingTargets, type MediatorDto, type SaveMediatorInput } from '../../../main/contract';
import { addDays } from '../../../main/core/dates';
import { addUser, ADMIN, setUpApp, switchUser, type TestApp } from '../../helpers/app';
import { aMediator, auditOf, idNumber, officeToday, ORG } from './fixtures';

async function refused(app: TestApp, input: SaveMediatorInput) {
  const result = await app.call('mediators:save', input);
  if (result.ok) throw new Error('expected mediators:save to be refused');
  return result.error;
}

/** What the edit drawer sends back for a mediator as listed (masked ID numbers untouched). */
function asInput(m: MediatorDto): SaveMediatorInput {
  return {
    id: m.id,
    version: m.version,
    kind: m.kind,
    name: m.name,
    sex: m.sex ?? undefined,
    ethnicity: m.ethnicity ?? undefined,
    idNumber: m.idNumberMasked ?? undefined,
    phone: m.phone ?? undefined,
    employment: m.employment,
    certificateNumber: m.certificateNumber ?? undefined,
    grade: m.grade,
    specialties: m.specialties,
    householdMembers: m.householdMembers.map((h) => ({
      name: h.name,
      relation: h.relation,
      idNumber: h.idNumberMasked ?? undefined,
    })),
    villageGroup: m.villageGroup ?? undefined,
    employer: m.employer ?? undefined,
    employerCreditCode: m.employerCreditCode ?? undefined,
    memberships: m.memberships.map((x) => ({
      organisationId: x.organisationId,
      position: x.position,
      from: x.from ?? undefined,
      to: x.to ?? undefined,
    })),
    active: m.active,
  };
}

describe('the mediator roster', () => {
  it('stores ID numbers in full but returns them masked, household members too; the reveal is audited', async () => {
    const app = await setUpApp();
    const saved = await app.ok('mediators:save', aMediator());
    expect(saved).toMatchObject({
      name: '马秀英',
      sex: 'female',
      idNumberMasked: '640221********0243',
      phone: '13909525678',
      employment: 'full_time',
      grade: 'first',
      householdMembers: [{ name: '李建军', relation: '配偶', idNumberMasked: '640221********081X' }],
      memberships: [
        {
          organisationId: ORG.medical,
          organisationName: '平罗县医疗纠纷人民调解委员会',
          position: '委员',
          from: '2024-01-01',
          to: null,
        },
      ],
      openCases: 0,
      trainingDaysThisYear: { initial: 0, continuing: 0 },
      version: 1,
    });
    const listed = await app.ok('mediators:list', { includeInactive: false });
    expect(JSON.stringify(listed)).not.toContain(idNumber('19720314', 'female'));
    expect(JSON.stringify(listed)).not.toContain(idNumber('19700802', 'male', 40));

    expect(await app.ok('mediators:revealIdNumber', { id: saved.id })).toEqual({
      idNumber: idNumber('19720314', 'female'),
    });
    const [reveal] = await auditOf(app, 'mediators:revealIdNumber');
    expect(reveal).toMatchObject({
      outcome: 'ok',
      target: saved.id,
      detail: '查看调解员“马秀英”的完整身份证号码',
    });
    const [created] = await auditOf(app, 'mediators:save');
    expect(created).toMatchObject({
      target: saved.id,
      detail: '新增调解员：马秀英（人民调解员，专职，平罗县医疗纠纷人民调解委员会）',
    });
    // No audit entry ever carries a full ID number.
    const all = (await app.ok('audit:list', { page: 1, pageSize: 100 })).items;
    expect(JSON.stringify(all)).not.toMatch(/640221\d{11}[\dX]/);

    const bare = await app.ok(
      'mediators:save',
      aMediator({ name: '王志刚', sex: 'male', idNumber: undefined, householdMembers: [] }),
    );
    expect(await app.call('mediators:revealIdNumber', { id: bare.id })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '调解员“王志刚”未登记身份证号码' },
    });
  });

  it('keeps the stored numbers when the masked values come back unchanged, replaces them when retyped', async () => {
    const app = await setUpApp();
    const saved = await app.ok('mediators:save', aMediator());
    const edited = await app.ok('mediators:save', { ...asInput(saved), phone: '0952-6011234' });
    expect(edited).toMatchObject({ version: 2, phone: '0952-6011234', idNumberMasked: '640221********0243' });
    expect(await app.ok('mediators:revealIdNumber', { id: saved.id })).toEqual({
      idNumber: idNumber('19720314', 'female'),
    });
    const [entry] = await auditOf(app, 'mediators:save');
    expect(entry!.detail).toBe('修改调解员：马秀英（修改了联系电话）');

    // A mask that does not match what is stored is not a number.
    const forged = await refused(app, { ...asInput(edited), idNumber: '640221********9999' });
    expect(forged).toMatchObject({
      message: '身份证号码：请填写完整的身份证号码',
      issues: [{ path: ['idNumber'] }],
    });

    const retyped = idNumber('19720314', 'female', 77);
    const changed = await app.ok('mediators:save', {
      ...asInput(edited),
      idNumber: retyped,
      householdMembers: [
        ...asInput(edited).householdMembers!,
        { name: '李娜', relation: '女儿', idNumber: idNumber('19990101', 'female', 5) },
      ],
    });
    expect(changed.idNumberMasked).toBe(`640221********${retyped.slice(14)}`);
    expect(changed.householdMembers.map((h) => h.idNumberMasked)).toEqual([
      '640221********081X',
      '640221********0103',
    ]);
    expect(await app.ok('mediators:revealIdNumber', { id: saved.id })).toEqual({ idNumber: retyped });
  });

  it('validates identity, household, employer, specialties and memberships with Chinese messages naming the field', async () => {
    const app = await setUpApp();
    const other = await app.ok(
      'mediators:save',
      aMediator({
        name: '王志刚',
        sex: 'male',
        idNumber: idNumber('19650505', 'male'),
        householdMembers: [],
      }),
    );
    await app.ok(
      'mediators:save',
      aMediator({ name: '张红', sex: 'female', idNumber: undefined, householdMembers: [] }),
    );
    const today = officeToday(app);
    const minor = `${Number(today.slice(0, 4)) - 17}0101`;

    const cases: [Partial<SaveMediatorInput>, string, (string | number)[]][] = [
      [
        { idNumber: '640221197203140244' },
        '身份证号码：身份证号码校验位不正确：按前17位计算，最后一位应为“3”，请核对号码',
        ['idNumber'],
      ],
      [{ sex: 'male' }, '性别：与身份证号码不符：号码显示为女性', ['sex']],
      [
        { idNumber: idNumber(minor, 'female') },
        `身份证号码：人民调解员须年满18周岁（号码显示出生于${minor.slice(0, 4)}-01-01）`,
        ['idNumber'],
      ],
      [
        { idNumber: idNumber('19650505', 'male'), sex: 'male' },
        '身份证号码：该号码已登记为“王志刚”',
        ['idNumber'],
      ],
      [
        { householdMembers: [{ name: '李建军', relation: '配偶', idNumber: '64022119700802081' }] },
        '家庭成员 › 第1项 › 证件号码：身份证号码应为18位（或旧式15位）数字，最后一位可以是X（现在是17位）',
        ['householdMembers', 0, 'idNumber'],
      ],
      [
        { householdMembers: [{ name: '', relation: '配偶' }] },
        '家庭成员 › 第1项 › 家庭成员姓名：请填写家庭成员姓名',
        ['householdMembers', 0, 'name'],
      ],
      [
        { employerCreditCode: '91512081MA62K0260' },
        '工作单位统一社会信用代码：统一社会信用代码应为18位，由数字和大写字母组成（不含字母I、O、Z、S、V）（现在是17位）',
        ['employerCreditCode'],
      ],
      [
        { specialties: ['medical', 'astrology'] },
        '擅长纠纷类型：“astrology”不是已有的纠纷类型',
        ['specialties', 1],
      ],
      [
        { memberships: [{ organisationId: '00000000-0000-4000-8000-000000000000', position: '委员' }] },
        '所属调委会 › 第1项 › 所属组织：所选组织不存在，请从列表中选择',
        ['memberships', 0, 'organisationId'],
      ],
      [
        {
          memberships: [
            { organisationId: ORG.medical, position: '委员', from: '2024-01-01', to: '2023-12-31' },
          ],
        },
        '所属调委会 › 第1项 › 任职止：不能早于任职起（2024-01-01）',
        ['memberships', 0, 'to'],
      ],
      [
        {
          memberships: [
            { organisationId: ORG.medical, position: '委员', from: '2024-01-01' },
            { organisationId: ORG.medical, position: '主任', from: '2025-01-01' },
          ],
        },
        '所属调委会 › 第2项 › 所属组织：在“平罗县医疗纠纷人民调解委员会”的任职期间与第1项重叠',
        ['memberships', 1, 'organisationId'],
      ],
      [{ phone: '1390952567' }, '联系电话：联系电话格式不正确：手机号应为11位', ['phone']],
    ];
    for (const [overrides, message, path] of cases) {
      const error = await refused(app, aMediator(overrides));
      expect(error.code).toBe('VALIDATION');
      expect(error.message.startsWith(message), `${error.message}\n≠ ${message}`).toBe(true);
      expect(error.issues?.[0]?.path).toEqual(path);
    }
    // Consecutive terms in the same committee are fine.
    const terms = await app.ok(
      'mediators:save',
      aMediator({
        memberships: [
          { organisationId: ORG.medical, position: '委员', from: '2021-01-01', to: '2023-12-31' },
          { organisationId: ORG.medical, position: '主任', from: '2024-01-01' },
        ],
      }),
    );
    expect(terms.memberships.map((m) => m.position)).toEqual(['委员', '主任']);
    // The adult-age rule is for 人民调解员 (Law Art. 14); a young 志愿者 may be registered.
    const volunteer = await app.ok(
      'mediators:save',
      aMediator({
        kind: 'volunteer',
        name: '马小龙',
        sex: 'male',
        idNumber: idNumber(minor, 'male'),
        householdMembers: [],
        memberships: [],
      }),
    );
    expect(volunteer.kind).toBe('volunteer');
    expect((await app.ok('mediators:list', { includeInactive: true })).map((m) => m.name).sort()).toEqual(
      ['张红', '王志刚', '马小龙', '马秀英'].sort(),
    );
    expect(other.version).toBe(1);
  });

  it('refuses a stale edit (optimistic version) and keeps the newer data', async () => {
    const app = await setUpApp();
    const saved = await app.ok('mediators:save', aMediator());
    await app.ok('mediators:save', { ...asInput(saved), grade: 'chief' });
    const stale = await app.call('mediators:save', { ...asInput(saved), grade: 'third' });
    expect(stale).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '调解员“马秀英”的信息刚被其他人修改，请刷新后重试' },
    });
    const [listed] = await app.ok('mediators:list', { includeInactive: false });
    expect(listed).toMatchObject({ grade: 'chief', version: 2 });
  });

  it('replaces memberships only when they change, and hides inactive mediators unless asked', async () => {
    const app = await setUpApp();
    const saved = await app.ok('mediators:save', aMediator());
    const moved = await app.ok('mediators:save', {
      ...asInput(saved),
      memberships: [
        { organisationId: ORG.medical, position: '委员', from: '2024-01-01', to: '2025-12-31' },
        { organisationId: ORG.yaofu, position: '副主任', from: '2026-01-01' },
      ],
    });
    expect(moved.memberships.map((m) => m.organisationName).sort()).toEqual(
      ['姚伏镇人民调解委员会', '平罗县医疗纠纷人民调解委员会'].sort(),
    );
    const [entry] = await auditOf(app, 'mediators:save');
    expect(entry!.detail).toBe('修改调解员：马秀英（修改了所属调委会）');
    const retired = await app.ok('mediators:save', { ...asInput(moved), active: false });
    expect(retired.memberships).toHaveLength(2);
    expect(await app.ok('mediators:list', { includeInactive: false })).toEqual([]);
    expect(await app.ok('mediators:list', { includeInactive: true })).toHaveLength(1);
  });

  it('sums this year’s training days per kind against the targets; future dates and unknown mediators are refused', async () => {
    const app = await setUpApp();
    const saved = await app.ok('mediators:save', aMediator());
    const today = officeToday(app);
    const year = today.slice(0, 4);
    const lastYear = `${Number(year) - 1}-06-15`;
    await app.ok('mediators:addTraining', {
      mediatorId: saved.id,
      date: lastYear,
      days: 5,
      kind: 'initial',
      topic: '岗前培训：人民调解法',
    });
    await app.ok('mediators:addTraining', {
      mediatorId: saved.id,
      date: `${year}-01-01`,
      days: 3,
      kind: 'continuing',
      topic: '医疗纠纷调解实务',
    });
    const after = await app.ok('mediators:addTraining', {
      mediatorId: saved.id,
      date: today,
      days: 4.5,
      kind: 'continuing',
      topic: '司法确认与协议书制作',
    });
    expect(after.trainingDaysThisYear).toEqual({ initial: 0, continuing: 7.5 });
    expect(after.trainingDaysThisYear.continuing).toBeLessThan(trainingTargets.continuing);
    expect(after.trainings.map((t) => t.date)).toEqual([today, `${year}-01-01`, lastYear]);
    const done = await app.ok('mediators:addTraining', {
      mediatorId: saved.id,
      date: today,
      days: 2.5,
      kind: 'continuing',
      topic: '年度培训补训',
    });
    expect(done.trainingDaysThisYear.continuing).toBe(trainingTargets.continuing);
    const [entry] = await auditOf(app, 'mediators:addTraining');
    expect(entry).toMatchObject({
      target: saved.id,
      detail: `马秀英：年度培训2.5天（${today}，年度培训补训）`,
    });

    // Next year the count starts again.
    app.clock.advance(366 * 86_400_000);
    await app.call('auth:signOut', {}); // idle for a year: locked
    await app.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    const [nextYear] = await app.ok('mediators:list', { includeInactive: false });
    expect(nextYear!.trainingDaysThisYear).toEqual({ initial: 0, continuing: 0 });
    expect(nextYear!.trainings).toHaveLength(4);

    const tomorrow = addDays(officeToday(app), 1);
    const future = await app.call('mediators:addTraining', {
      mediatorId: saved.id,
      date: tomorrow,
      days: 1,
      kind: 'continuing',
      topic: '未来培训',
    });
    expect(future).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: `培训日期：不能晚于今天（${officeToday(app)}）` },
    });
    const halfDay = await app.call('mediators:addTraining', {
      mediatorId: saved.id,
      date: today,
      days: 0.2,
      kind: 'continuing',
      topic: '太短',
    });
    expect(halfDay).toMatchObject({ ok: false, error: { message: '培训天数：培训天数至少半天' } });
    const nobody = await app.call('mediators:addTraining', {
      mediatorId: '00000000-0000-4000-8000-000000000000',
      date: today,
      days: 1,
      kind: 'initial',
      topic: '岗前培训',
    });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('is for 管理员: a 受理员 gets FORBIDDEN on save, training and reveal, but may read the roster', async () => {
    const app = await setUpApp();
    const saved = await app.ok('mediators:save', aMediator());
    const clerk = await addUser(app, 'clerk', ['intake']);
    await switchUser(app, clerk.username, clerk.password);
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: '您没有执行此操作的权限' } };
    expect(await app.call('mediators:save', aMediator({ name: '李四' }))).toEqual(forbidden);
    expect(
      await app.call('mediators:addTraining', {
        mediatorId: saved.id,
        date: '2026-01-05',
        days: 1,
        kind: 'initial',
        topic: '岗前培训',
      }),
    ).toEqual(forbidden);
    expect(await app.call('mediators:revealIdNumber', { id: saved.id })).toEqual(forbidden);
    const listed = await app.ok('mediators:list', { includeInactive: false });
    expect(listed[0]!.idNumberMasked).toBe('640221********0243');
  });
});
