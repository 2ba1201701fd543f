import { describe, expect, it } from 'vitest';
import { calendarDate, checkCalendarDate, onCalendarDay } from '../../../main/contract';
import { aCase, aPerson } from '../../fixtures/builders';
import { addUser, setUpApp, switchUser } from '../../helpers/app';

// Issue 8 §3: impossible dates were accepted (2026-02-30, 2026-00-00, 2026-11-99, a birth date of
// 2099-01-01) and deadlines were then computed by overflow: received on 2026-02-30 gave a
// mediation deadline of 2026-04-01. One date type in the contract accepts only real days, within
// each field's range; "not in the future" is measured on the service's day.

describe('the contract date type', () => {
  it('accepts only real calendar days and says what is wrong', () => {
    expect(checkCalendarDate('2028-02-29')).toEqual({ ok: true, date: { y: 2028, m: 2, d: 29 } });
    expect(checkCalendarDate('2026-02-30')).toEqual({
      ok: false,
      problem: '2026-02-30 不是有效的日期（2026年2月只有28天）',
    });
    expect(checkCalendarDate('2026-00-00')).toEqual({
      ok: false,
      problem: '2026-00-00 不是有效的日期（月份应在1至12之间）',
    });
    expect(checkCalendarDate('2026-11-99')).toEqual({
      ok: false,
      problem: '2026-11-99 不是有效的日期（2026年11月只有30天）',
    });
    expect(checkCalendarDate('2026-1-5')).toEqual({
      ok: false,
      problem: '日期格式应为 YYYY-MM-DD，例如 2026-11-30',
    });
  });

  it('keeps each field in its range; "today" is the day the caller parses on', () => {
    const birth = calendarDate('出生日期', { min: '1900-01-01', notFuture: true });
    expect(onCalendarDay('2026-11-30', () => birth.safeParse('2026-12-01')).error?.issues[0]?.message).toBe(
      '不能晚于今天（2026-11-30）',
    );
    expect(onCalendarDay('2026-12-01', () => birth.safeParse('2026-12-01')).success).toBe(true);
    // A form's parse has no office day: the browser's clock is not the office's, the service judges.
    expect(birth.safeParse('2099-01-01').success).toBe(true);
    expect(birth.safeParse('1899-12-31').error?.issues[0]?.message).toBe('不能早于1900-01-01，请核对');
    expect(calendarDate('履行期限').safeParse('2100-01-01').error?.issues[0]?.message).toBe(
      '不能晚于2099-12-31，请核对',
    );
  });
});

describe('impossible dates at the channels', () => {
  it('are refused with a message naming the field, and the case never gets a deadline', async () => {
    const app = await setUpApp();
    const clerk = await addUser(app, 'clerk', ['intake']);
    await switchUser(app, clerk.username, clerk.password);
    const cases: [string, string][] = [
      ['2026-02-30', '受理日期：2026-02-30 不是有效的日期（2026年2月只有28天）'],
      ['2026-00-00', '受理日期：2026-00-00 不是有效的日期（月份应在1至12之间）'],
      ['2026-11-99', '受理日期：2026-11-99 不是有效的日期（2026年11月只有30天）'],
      ['2026-12-01', '受理日期：不能晚于今天（2026-11-30）'],
    ];
    for (const [receivedOn, message] of cases) {
      const result = await app.call('cases:create', aCase({ receivedOn }));
      expect(result, receivedOn).toMatchObject({ ok: false, error: { code: 'VALIDATION', message } });
      if (!result.ok) expect(result.error.issues?.[0]?.path).toEqual(['receivedOn']);
    }
    const birth = await app.call(
      'cases:create',
      aCase({ parties: [aPerson({ idNumber: undefined, birthDate: '2099-01-01' }), aCase().parties[1]!] }),
    );
    expect(birth).toMatchObject({
      ok: false,
      error: { message: '当事人 › 第1项 › 出生日期：不能晚于今天（2026-11-30）' },
    });
    const refusal = await app.call('intake:refuse', {
      receivedOn: '2026-02-29',
      applicantName: '马玉兰',
      township: '姚伏镇',
      disputeType: 'neighbour',
      summary: '邻里之间因院墙发生纠纷。',
      reason: 'not_civil',
      told: '已告知当事人其他途径',
    });
    expect(refusal).toMatchObject({
      ok: false,
      error: { message: '来访日期：2026-02-29 不是有效的日期（2026年2月只有28天）' },
    });
    expect((await app.ok('cases:list', {})).total).toBe(0);
  });

  it('measures "not in the future" on the app clock, not the machine clock', async () => {
    const app = await setUpApp();
    const clerk = await addUser(app, 'clerk', ['intake']);
    app.clock.advance(400 * 86_400_000); // 2028-01-04 on the app clock (the session idles out)
    await app.session.lockIfIdle();
    await switchUser(app, clerk.username, clerk.password);
    const created = await app.ok('cases:create', aCase({ receivedOn: '2028-01-03' }));
    expect(created.receivedOn).toBe('2028-01-03');
  });

  it('refuses impossible dates in the roster and the organisation tree too', async () => {
    const app = await setUpApp();
    const tree = await app.ok('orgs:tree', {});
    const mediator = await app.ok('mediators:save', {
      kind: 'mediator',
      name: '张宏',
      memberships: [{ organisationId: tree.organisations[0]!.id, position: '委员' }],
    });
    const training = await app.call('mediators:addTraining', {
      mediatorId: mediator.id,
      date: '2026-04-31',
      days: 1,
      kind: 'continuing',
      topic: '人民调解法',
    });
    expect(training).toMatchObject({
      ok: false,
      error: { message: '培训日期：2026-04-31 不是有效的日期（2026年4月只有30天）' },
    });
    const member = await app.call('mediators:save', {
      kind: 'mediator',
      name: '李娜',
      memberships: [{ organisationId: tree.organisations[0]!.id, position: '委员', from: '2026-13-01' }],
    });
    expect(member).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!member.ok) expect(member.error.message).toContain('2026-13-01 不是有效的日期（月份应在1至12之间）');
  });
});
