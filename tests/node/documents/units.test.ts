import { describe, expect, it } from 'vitest';
import {
  amountText,
  availableDocuments,
  buildDocument,
  capitalYuan,
  documentKinds,
  formatDate,
  formatYuan,
  printableIssues,
  renderAgreement,
  renderConfirmationApplication,
} from '../../../main/core/documents';
import { ageAt, archiveDate, daysBetween, formatDateTime } from '../../../main/core/documents/layout/dates';
import { agreementCopies } from '../../../main/core/documents/generators/agreement';
import {
  aPerson,
  entrustedCase,
  manyPartiesCase,
  oralAgreementCase,
  richCase,
  RICH_TODAY,
  statusRelationCase,
  terminatedCase,
} from '../../fixtures/documentCase';

// Pure pieces of the document layer: dates, money, the registry and the printable-data guard.

describe('Chinese dates', () => {
  it('prints GB/T 9704-2012 Arabic dates without zero padding, or 〇-style numerals', () => {
    expect(formatDate('2026-11-30')).toBe('2026年11月30日');
    expect(formatDate('2027-01-05')).toBe('2027年1月5日');
    expect(formatDate('2026-11-30', 'chinese')).toBe('二〇二六年十一月三十日');
    expect(formatDate('2027-01-05', 'chinese')).toBe('二〇二七年一月五日');
    expect(formatDate('2026-10-21', 'chinese')).toBe('二〇二六年十月二十一日');
    expect(formatDateTime('2026-11-05T09:30')).toBe('2026年11月5日9时30分');
    expect(archiveDate('2026-11-03')).toBe('20261103');
  });

  it('rejects impossible dates instead of printing them', () => {
    expect(() => formatDate('2026-02-30')).toThrow('不是有效日期');
    expect(() => formatDate('')).toThrow('不是有效日期');
  });

  it('counts ages and days across month ends', () => {
    expect(ageAt('1968-03-12', '2026-03-11')).toBe(57);
    expect(ageAt('1968-03-12', '2026-03-12')).toBe(58);
    expect(daysBetween('2026-11-17', '2026-12-17')).toBe(30);
  });
});

describe('amounts in fen', () => {
  it('formats yuan and the anti-tamper capitals', () => {
    expect(formatYuan(8_630_000)).toBe('86,300.00元');
    expect(capitalYuan(8_630_000)).toBe('捌万陆仟叁佰元整');
    expect(capitalYuan(100_050_000)).toBe('壹佰万零伍佰元整');
    expect(capitalYuan(1_000_000_000_00)).toBe('壹拾亿元整');
    expect(capitalYuan(105)).toBe('壹元零伍分');
    // The contract's 大写 (one home for screens and documents) closes an amount ending at 角 with 整.
    expect(capitalYuan(50)).toBe('伍角整');
    expect(capitalYuan(0)).toBe('零元整');
    expect(amountText(2_800_000)).toBe('人民币28,000.00元（大写：贰万捌仟元整）');
    expect(() => formatYuan(1.5)).toThrow();
  });
});

describe('document registry', () => {
  it('lists fourteen kinds with unique ids', () => {
    expect(documentKinds).toHaveLength(14);
    expect(new Set(documentKinds.map((k) => k.id)).size).toBe(14);
  });

  it('offers what the case stage and data allow', () => {
    const ids = (c: Parameters<typeof availableDocuments>[0]) => availableDocuments(c).map((k) => k.id);
    expect(ids({ ...richCase(), stage: 'applied' })).toEqual(['application']);
    expect(ids({ ...richCase(), stage: 'mediating' })).toEqual([
      'application',
      'intake-register',
      'rights-notice',
      'investigation-record',
      'mediation-record',
    ]);
    const archived = ids(richCase());
    expect(archived).toContain('agreement');
    expect(archived).toContain('confirmation-application');
    expect(archived).toContain('dossier-note');
    expect(archived).not.toContain('oral-agreement');
    expect(archived).not.toContain('termination-notice');
    // The court report is for court-entrusted cases only, which get no confirmation application.
    expect(archived).not.toContain('court-report');
    const entrusted = ids(entrustedCase());
    expect(entrusted).toContain('court-report');
    expect(entrusted).toContain('agreement');
    expect(ids({ ...oralAgreementCase(), stage: 'agreed' })).toContain('oral-agreement');
    const terminated = ids(terminatedCase());
    expect(terminated).toContain('termination-notice');
    expect(terminated).not.toContain('agreement');
  });

  it('makes one copy per party plus one for the committee', () => {
    expect(agreementCopies(richCase())).toBe(4);
    expect(agreementCopies(manyPartiesCase(10))).toBe(11);
  });
});

describe('printable data guard', () => {
  it('passes the rich case', () => {
    expect(printableIssues(richCase())).toEqual([]);
  });

  it('names every empty field and refuses to build', async () => {
    const c = richCase();
    c.parties[0] = aPerson({ occupation: ' ', phone: '' });
    expect(printableIssues(c).map((i) => i.field)).toEqual([
      '当事人 第1项（张志军） › 联系电话',
      '当事人 第1项（张志军） › 职业',
    ]);
    await expect(buildDocument('agreement', c, { today: RICH_TODAY })).rejects.toThrow(
      '文书无法生成：当事人 第1项（张志军） › 联系电话未填写等2项',
    );
  });

  it('refuses a confirmation application the court would refuse', async () => {
    await expect(
      buildDocument('confirmation-application', statusRelationCase(), { today: RICH_TODAY }),
    ).rejects.toThrow(/^不能生成司法确认申请书：调解协议涉及婚姻、收养、亲子等身份关系的确认/);
    await expect(
      buildDocument('confirmation-application', richCase(), { today: '2026-12-18' }),
    ).rejects.toThrow('已超过申请期限');
  });

  it('says which record is missing rather than printing an empty form', async () => {
    await expect(buildDocument('termination-notice', richCase())).rejects.toThrow('本案没有终止调解的记录');
    await expect(buildDocument('agreement', terminatedCase())).rejects.toThrow('本案尚未记录调解协议');
  });
});

describe('benchmark entry points', () => {
  it('render an agreement and a confirmation application to .docx buffers', async () => {
    const agreement = await renderAgreement(richCase(), { today: RICH_TODAY });
    const application = await renderConfirmationApplication(richCase(), { today: RICH_TODAY });
    for (const buffer of [agreement, application]) expect(buffer.subarray(0, 2).toString()).toBe('PK');
  });
});
