import { describe, expect, it } from 'vitest';
import { checkConfirmation, chooseCourt, confirmationDeadline } from '../../../main/core/documents';
import {
  anAgreement,
  EFFECTIVE,
  LAST_DAY,
  oralAgreementCase,
  ownershipCase,
  richCase,
  statusRelationCase,
} from '../../fixtures/documentCase';

// Judicial confirmation admissibility (CPL 2023 revision Arts. 205–206, SPC interpretation): joint
// application by all parties, within 30 days of the agreement taking effect, never for status
// relations or ownership determinations. The agreement took effect 2026-11-17.

describe('checkConfirmation', () => {
  it('accepts the rich case two weeks after the agreement took effect', () => {
    const result = checkConfirmation(richCase(), '2026-11-30');
    expect(result).toEqual({ ok: true, refusals: [], warnings: [], deadline: LAST_DAY, daysElapsed: 13 });
    expect(confirmationDeadline(EFFECTIVE)).toBe(LAST_DAY);
  });

  it('warns from day 25, naming the last day', () => {
    expect(checkConfirmation(richCase(), '2026-12-11').warnings).toEqual([]);
    const day25 = checkConfirmation(richCase(), '2026-12-12');
    expect(day25.ok).toBe(true);
    expect(day25.warnings).toEqual([
      '申请期限即将届满：请于2026年12月17日前（含当日）向人民法院提交申请，还剩5日。',
    ]);
  });

  it('still allows day 30 itself, with a last-day warning', () => {
    const day30 = checkConfirmation(richCase(), LAST_DAY);
    expect(day30.ok).toBe(true);
    expect(day30.daysElapsed).toBe(30);
    expect(day30.warnings[0]).toContain('今天是最后一日');
  });

  it('refuses from day 31, giving the deadline that passed', () => {
    const day31 = checkConfirmation(richCase(), '2026-12-18');
    expect(day31.ok).toBe(false);
    expect(day31.refusals).toEqual([
      '已超过申请期限：调解协议于2026年11月17日生效，应当自生效之日起三十日内即2026年12月17日前（含当日）申请司法确认，现已逾期1日。',
    ]);
  });

  it('refuses agreements about status relations', () => {
    const result = checkConfirmation(statusRelationCase(), '2026-11-30');
    expect(result.ok).toBe(false);
    expect(result.refusals).toEqual([
      '调解协议涉及婚姻、收养、亲子等身份关系的确认（解除收养关系），人民法院不予受理此类司法确认申请。',
    ]);
  });

  it('refuses ownership determinations such as homestead rights', () => {
    const result = checkConfirmation(ownershipCase(), '2026-11-30');
    expect(result.ok).toBe(false);
    expect(result.refusals[0]).toBe(
      '调解协议涉及物权或者知识产权的确权（宅基地使用权归属），如宅基地使用权、土地承包经营权的归属，人民法院不予受理此类司法确认申请。',
    );
  });

  it('refuses unless every party applies jointly, naming who is missing', () => {
    const c = { ...richCase(), confirmation: { applicantPartyIds: ['p-zhang', 'p-company'] } };
    expect(checkConfirmation(c, '2026-11-30').refusals).toEqual([
      '司法确认须由全部当事人共同申请，以下当事人未列为申请人：马玉兰。',
    ]);
    const none = { ...richCase(), confirmation: undefined };
    expect(checkConfirmation(none, '2026-11-30').refusals[0]).toContain(
      '张志军、宁夏塞上沃土农业发展有限公司、马玉兰',
    );
  });

  it('refuses without a written agreement', () => {
    expect(checkConfirmation(oralAgreementCase(), '2026-11-30').refusals).toContain(
      '口头协议不能申请司法确认：须先制作书面调解协议书，由各方签名并加盖调解委员会印章。',
    );
    expect(checkConfirmation({ ...richCase(), agreement: undefined }, '2026-11-30')).toEqual({
      ok: false,
      refusals: ['本案没有调解协议，不能申请司法确认。'],
      warnings: [],
    });
  });

  it('refuses an agreement that has not yet taken effect', () => {
    const unsigned = { ...richCase(), agreement: anAgreement({ effectiveDate: undefined }) };
    expect(checkConfirmation(unsigned, '2026-11-30').refusals[0]).toMatch(/^调解协议尚未生效/);
    expect(checkConfirmation(richCase(), '2026-11-16').refusals[0]).toMatch(/^调解协议尚未生效/);
  });

  it('collects every refusal at once', () => {
    const c = { ...ownershipCase(), confirmation: { applicantPartyIds: ['p-zhang'] } };
    expect(checkConfirmation(c, '2027-01-30').refusals).toHaveLength(3);
  });
});

describe('chooseCourt', () => {
  it('defaults to the county court from settings', () => {
    expect(chooseCourt(richCase())).toBe('平罗县人民法院');
    const elsewhere = {
      ...richCase(),
      settings: { ...richCase().settings, defaultCourt: '石嘴山市大武口区人民法院' },
    };
    expect(chooseCourt(elsewhere)).toBe('石嘴山市大武口区人民法院');
  });

  it('uses a court the clerk chose (e.g. where the land lies) for ordinary cases', () => {
    const chosen = {
      ...richCase(),
      confirmation: { applicantPartyIds: [], courtName: '石嘴山市惠农区人民法院' },
    };
    expect(chooseCourt(chosen)).toBe('石嘴山市惠农区人民法院');
  });

  it('sends court-referred cases to the inviting court, whatever was chosen', () => {
    const referred = {
      ...richCase(),
      source: 'court_delegated' as const,
      referringCourt: '平罗县人民法院城关人民法庭',
      confirmation: {
        applicantPartyIds: ['p-zhang', 'p-company', 'p-ma'],
        courtName: '石嘴山市惠农区人民法院',
      },
    };
    expect(chooseCourt(referred)).toBe('平罗县人民法院城关人民法庭');
    const check = checkConfirmation(referred, '2026-11-30');
    expect(check.ok).toBe(true);
    expect(check.warnings[0]).toContain('将送往平罗县人民法院城关人民法庭');
  });

  it('refuses a court-delegated case whose court was not recorded, and never picks the default court', () => {
    const referred = { ...richCase(), source: 'court_delegated' as const };
    expect(chooseCourt(referred)).toBeUndefined();
    expect(checkConfirmation(referred, '2026-11-30').refusals).toEqual([
      '本案为法院委派（诉前）案件，但未记录委派（委托）调解的法院：请先在案件登记中补充该法院，文书不会改送默认法院。',
    ]);
  });

  it('offers no confirmation for a court-entrusted case and says why and what instead', () => {
    const entrusted = { ...richCase(), source: 'court_entrusted' as const, referringCourt: '平罗县人民法院' };
    const check = checkConfirmation(entrusted, '2026-11-30');
    expect(check.ok).toBe(false);
    expect(check.refusals).toEqual([
      '本案为法院委托（诉中）案件：人民法院立案后委托调解的，调解协议由平罗县人民法院审查，依法出具民事调解书或者准许撤诉，不适用司法确认。请生成“调解情况说明（协议送交函）”送交平罗县人民法院。',
    ]);
  });
});
