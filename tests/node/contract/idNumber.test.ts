import { describe, expect, it } from 'vitest';
import {
  checkIdNumber,
  idCheckChar,
  ID_NUMBER_FORMAT_MESSAGE,
  isRealDate,
  maskIdNumber,
  type IdNumberCheck,
} from '../../../main/contract/validation/idNumber';
import { createChineseFaker } from '../../fixtures/chineseNames';

const TODAY = '2026-05-01';

function ok(raw: string, today: string | Date = TODAY) {
  const r = checkIdNumber(raw, today);
  if (!r.ok) throw new Error(`expected ${raw} to pass: ${r.message}`);
  return r.value;
}
function problem(raw: string, today: string | Date = TODAY): Extract<IdNumberCheck, { ok: false }> {
  const r = checkIdNumber(raw, today);
  if (r.ok) throw new Error(`expected ${raw} to fail`);
  return r;
}
/** A valid 18-digit number from its first 17 digits. */
const withCheck = (first17: string) => first17 + idCheckChar(first17);

describe('checkIdNumber: valid numbers', () => {
  it('accepts the GB 11643 test vectors and reads birth date, sex and region', () => {
    expect(ok('11010519491231002X')).toEqual({
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
    });
    expect(ok('440524188001010014')).toEqual({
      normalized: '440524188001010014',
      birthDate: '1880-01-01',
      sex: 'male',
      regionCode: '440524',
    });
  });

  it('accepts lower-case x, surrounding and inner spaces, and full-width digits from an IME', () => {
    expect(ok('11010519491231002x').normalized).toBe('11010519491231002X');
    expect(ok('  11010519491231002X \t').normalized).toBe('11010519491231002X');
    expect(ok('110105 19491231 002X').normalized).toBe('11010519491231002X');
    expect(ok('１１０１０５１９４９１２３１００２ｘ').normalized).toBe('11010519491231002X');
    expect(ok('\u3000440524188001010014\u3000').normalized).toBe('440524188001010014');
  });

  it('takes the sex from the 17th digit: odd male, even female', () => {
    for (let d = 0; d <= 9; d++) {
      const id = withCheck(`6402211990010112${d}`);
      expect(ok(id).sex).toBe(d % 2 === 1 ? 'male' : 'female');
    }
  });

  it('never rejects an address code it does not know: abolished codes (ex-陶乐县) stay valid on cards', () => {
    for (const region of ['640222', '999999', '000000', '640221']) {
      expect(ok(withCheck(`${region}19800101123`)).regionCode).toBe(region);
    }
  });

  it('accepts leap days only in leap years', () => {
    expect(ok(withCheck('64022120000229123')).birthDate).toBe('2000-02-29');
    expect(ok(withCheck('64022119960229123')).birthDate).toBe('1996-02-29');
    expect(problem(withCheck('64022119000229123')).reason).toBe('birthDate');
    expect(problem(withCheck('64022120230229123')).reason).toBe('birthDate');
  });

  it('accepts everything the fixture generator produces', () => {
    const faker = createChineseFaker('id-check');
    for (let i = 0; i < 2000; i++) {
      const p = faker.person();
      expect(ok(p.idNumber, '2026-01-01')).toMatchObject({
        birthDate: p.birthDate,
        sex: p.sex,
        regionCode: '640221',
      });
    }
  });
});

describe('checkIdNumber: legacy 15-digit numbers', () => {
  it('upgrades by inserting 19 and computing the check character', () => {
    expect(ok('110105491231002')).toEqual({
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
      upgradedFrom15: '110105491231002',
    });
    const upgraded = ok('640221800101123');
    expect(upgraded.normalized).toBe(withCheck('64022119800101123'));
    expect(upgraded.sex).toBe('male');
    expect(upgraded.upgradedFrom15).toBe('640221800101123');
  });

  it('checks the 6-digit birth date as a 19xx date', () => {
    expect(problem('640221900230123').message).toBe('身份证号码中的出生日期 1990-02-30 不存在');
    expect(problem('640221001301123').message).toContain('1900-13-01');
  });

  it('does not set upgradedFrom15 for 18-digit input', () => {
    expect(ok('440524188001010014').upgradedFrom15).toBeUndefined();
  });
});

describe('checkIdNumber: what the clerk must fix', () => {
  it('asks for the number when the field is empty', () => {
    expect(problem('   ')).toMatchObject({ reason: 'empty', message: '请填写身份证号码' });
  });

  it.each([
    ['6402211990010112', '（现在是16位）'],
    ['6402211990010112345', '（现在是19位）'],
    ['64022119900101123', '（现在是17位）'],
    ['6402211990010112X4', '（X只能出现在最后一位）'],
    ['64022119900101123Y', '（号码中有不允许的字符“Y”）'],
    ['640221-19900101-1234', '（号码中有不允许的字符“-”）'],
    ['64022180010112X', '（旧式15位号码全是数字，没有X）'],
  ])('rejects the shape of %s and says why', (raw, detail) => {
    const p = problem(raw);
    expect(p.reason).toBe('format');
    expect(p.message).toBe(ID_NUMBER_FORMAT_MESSAGE + detail);
    expect(p.message).toContain('身份证号码应为18位（或旧式15位）数字，最后一位可以是X');
  });

  it('names an impossible birth date', () => {
    expect(problem(withCheck('64022119900230123'))).toMatchObject({
      reason: 'birthDate',
      message: '身份证号码中的出生日期 1990-02-30 不存在',
    });
    expect(problem(withCheck('64022119901301123')).message).toContain('1990-13-01');
    expect(problem(withCheck('64022119900100123')).message).toContain('1990-01-00');
    expect(problem(withCheck('64022119900431123')).message).toContain('1990-04-31');
  });

  it('reports the date problem before the check digit, because it points at the mistyped digits', () => {
    expect(problem('640221199002301230').reason).toBe('birthDate');
  });

  it('refuses a birth date after today but accepts today itself', () => {
    const future = problem(withCheck('64022120260502123'));
    expect(future.reason).toBe('futureBirthDate');
    expect(future.message).toBe('身份证号码中的出生日期 2026-05-02 晚于今天（2026-05-01），请核对号码');
    expect(ok(withCheck('64022120260501123')).birthDate).toBe('2026-05-01');
  });

  it('reads a Date for today in local time (the injectable clock)', () => {
    const id = withCheck('64022120260501123');
    expect(ok(id, new Date(2026, 4, 1, 0, 0, 1)).birthDate).toBe('2026-05-01');
    expect(problem(id, new Date(2026, 3, 30, 23, 59, 59)).reason).toBe('futureBirthDate');
  });

  it('rejects a malformed "today" loudly (a programming error, not the clerk’s)', () => {
    expect(() => checkIdNumber('440524188001010014', '2026/05/01')).toThrow(RangeError);
    expect(() => checkIdNumber('440524188001010014', new Date(Number.NaN))).toThrow(RangeError);
  });

  it('names the expected check character for every wrong one', () => {
    const first17 = '11010519491231002';
    for (const c of '0123456789X') {
      if (c === 'X') continue;
      const p = problem(first17 + c);
      expect(p.reason).toBe('checkDigit');
      expect(p.expectedCheckChar).toBe('X');
      expect(p.message).toBe('身份证号码校验位不正确：按前17位计算，最后一位应为“X”，请核对号码');
    }
    expect(problem('440524188001010017').message).toBe(
      '身份证号码校验位不正确：按前17位计算，最后一位应为“4”，请核对号码',
    );
  });

  it('catches any single mistyped digit and any swap of two different neighbours', () => {
    const id = '440524188001010014';
    for (let i = 0; i < 17; i++) {
      for (const d of '0123456789') {
        if (d === id[i]) continue;
        const typo = id.slice(0, i) + d + id.slice(i + 1);
        expect(checkIdNumber(typo, TODAY).ok, typo).toBe(false);
      }
      if (i < 16 && id[i] !== id[i + 1]) {
        const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
        expect(checkIdNumber(swapped, TODAY).ok, swapped).toBe(false);
      }
    }
  });
});

describe('idCheckChar and isRealDate', () => {
  it('computes MOD 11-2, including X for 10', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
    expect(() => idCheckChar('1234')).toThrow(RangeError);
  });

  it('knows the calendar', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2100-02-29')).toBe(false);
    expect(isRealDate('2000-02-29')).toBe(true);
    expect(isRealDate('2026-11-31')).toBe(false);
    expect(isRealDate('2026-12-31')).toBe(true);
    expect(isRealDate('20261231')).toBe(false);
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 of an 18-character number', () => {
    expect(maskIdNumber('640221199001011234')).toBe('640221********1234');
    expect(maskIdNumber(' 11010519491231002x ')).toBe('110105********002X');
  });

  it('masks other lengths without revealing more than the region and the last 4', () => {
    expect(maskIdNumber('640221800101123')).toBe('640221*****1123');
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('')).toBe('');
  });
});
