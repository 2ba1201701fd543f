import { describe, expect, it } from 'vitest';
import { normalizePhone, PHONE_FORMAT_MESSAGE } from '../../../main/contract/validation/phone';
import { createChineseFaker } from '../../fixtures/chineseNames';

describe('normalizePhone: mobiles', () => {
  it.each([
    ['13912345678', '13912345678'],
    [' 139 1234 5678 ', '13912345678'],
    ['139-1234-5678', '13912345678'],
    ['+86 139 1234 5678', '13912345678'],
    ['+8613912345678', '13912345678'],
    ['0086-139-1234-5678', '13912345678'],
    ['8613912345678', '13912345678'],
    ['(+86)13912345678', '13912345678'],
    ['１３９１２３４５６７８', '13912345678'],
    ['199.1234.5678', '19912345678'],
  ])('%s → %s', (raw, normalized) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, normalized, kind: 'mobile' });
  });

  it('accepts every second digit 3–9 and nothing else', () => {
    for (let d = 0; d <= 9; d++) {
      const r = normalizePhone(`1${d}912345678`);
      expect(r.ok, String(d)).toBe(d >= 3);
    }
  });

  it('accepts the fixture generator’s mobiles', () => {
    const faker = createChineseFaker('phones');
    for (let i = 0; i < 1000; i++) {
      const m = faker.mobile();
      expect(normalizePhone(m)).toEqual({ ok: true, normalized: m, kind: 'mobile' });
    }
  });
});

describe('normalizePhone: landlines', () => {
  it.each([
    ['0952-1234567', '0952-1234567'],
    ['09521234567', '0952-1234567'],
    ['0952 1234567', '0952-1234567'],
    ['(0952)1234567', '0952-1234567'],
    ['（0952）1234567', '0952-1234567'],
    ['0952-12345678', '0952-12345678'],
    ['+86 952 1234567', '0952-1234567'],
    ['0086 952 5012345', '0952-5012345'],
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'],
    ['021 6123 4567', '021-61234567'],
    ['029-8765432', '029-8765432'],
    ['0951-5012345', '0951-5012345'],
    ['+86 10 12345678', '010-12345678'],
  ])('%s → %s', (raw, normalized) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, normalized, kind: 'landline' });
  });
});

describe('normalizePhone: what the clerk must fix', () => {
  const fails = (raw: string) => {
    const r = normalizePhone(raw);
    if (r.ok) throw new Error(`expected ${raw} to fail, got ${r.normalized}`);
    return r.message;
  };

  it('asks for a number when empty', () => {
    expect(fails('  ')).toBe('请填写联系电话');
  });

  it('says the area code is missing for a bare local number', () => {
    expect(fails('5012345')).toBe(`${PHONE_FORMAT_MESSAGE}（缺少区号）`);
    expect(fails('50123456')).toBe(`${PHONE_FORMAT_MESSAGE}（缺少区号）`);
  });

  it('counts the digits of a mobile with one too many or too few', () => {
    expect(fails('1391234567')).toBe(`${PHONE_FORMAT_MESSAGE}（手机号现在是10位）`);
    expect(fails('139123456789')).toBe(`${PHONE_FORMAT_MESSAGE}（手机号现在是12位）`);
  });

  it('refuses extensions and lists of numbers', () => {
    for (const raw of ['0952-1234567转801', '13912345678/13812345678', '13912345678，13812345678']) {
      expect(fails(raw)).toBe(`${PHONE_FORMAT_MESSAGE}（请只填一个号码，不带分机号）`);
    }
  });

  it('refuses letters', () => {
    expect(fails('139abc45678')).toBe(`${PHONE_FORMAT_MESSAGE}（只能包含数字）`);
    expect(fails('+1 555 1234567')).toBe(`${PHONE_FORMAT_MESSAGE}（只支持中国大陆的手机和固定电话）`);
  });

  it.each([
    '0952-123456', // local part too short
    '0952-123456789', // too long
    '0952-0123456', // local part may not start with 0
    '0152-1234567', // no area code starts 01 except 010
    '00952-1234567',
    '12345',
    '0',
  ])('refuses %s with the general message', (raw) => {
    expect(fails(raw)).toContain('联系电话格式不正确：手机号应为11位，固定电话请写区号，如 0952-1234567');
  });
});
