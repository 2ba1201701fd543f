import { describe, expect, it } from 'vitest';
import {
  checkCreditCode,
  creditCodeCheckChar,
  CREDIT_CODE_FORMAT_MESSAGE,
  organisationCodeCheckChar,
  type CreditCodeCheck,
} from '../../../main/contract/validation/creditCode';
import { createChineseFaker } from '../../fixtures/chineseNames';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function expectStatus<S extends CreditCodeCheck['status']>(raw: string, status: S) {
  const r = checkCreditCode(raw);
  expect(r.status, raw).toBe(status);
  return r as Extract<CreditCodeCheck, { status: S }>;
}

describe('checkCreditCode', () => {
  it('accepts the published test vectors and splits the code into its parts', () => {
    const a = expectStatus('91512081MA62K0260E', 'valid');
    expect(a.parts).toEqual({
      registrationAuthority: '9',
      organisationCategory: '1',
      regionCode: '512081',
      organisationCode: 'MA62K0260',
    });
    expect(a.organisationCodeCheck).toEqual({ ok: true, expectedCheckChar: '0' });
    const b = expectStatus('11320000MB151840XJ', 'valid');
    expect(b.organisationCodeCheck).toEqual({ ok: true, expectedCheckChar: 'X' });
  });

  it('only WARNS on a wrong check character, naming the expected one', () => {
    const r = expectStatus('91350100M000100Y43', 'valid');
    expect(r.normalized).toBe('91350100M000100Y43');
    const w = expectStatus('91350100M000100Y4Z'.replace(/Z$/, 'Y'), 'warning');
    expect(w.expectedCheckChar).toBe('3');
    expect(w.normalized).toBe('91350100M000100Y4Y');
    expect(w.message).toContain('最后一位应为“3”');
    expect(w.message).toContain('可以照原样保存');
  });

  it('warns on the documented invalid vector 91350100M000100Y4Z: expected 3', () => {
    // Z is outside the charset, but in the last place it is just a wrong check character.
    const w = expectStatus('91350100M000100Y4Z', 'warning');
    expect(w.expectedCheckChar).toBe('3');
    expect(w.message).toBe(
      '统一社会信用代码校验位不符：按前17位计算，最后一位应为“3”。请与营业执照核对；如执照上就是这样，可以照原样保存',
    );
    expect(w.organisationCodeCheck.ok).toBe(true);
  });

  it('normalises lower case, spaces, dashes and full-width characters', () => {
    expect(expectStatus(' 91512081 ma62k0260e ', 'valid').normalized).toBe('91512081MA62K0260E');
    expect(expectStatus('９１５１２０８１ＭＡ６２Ｋ０２６０Ｅ', 'valid').normalized).toBe(
      '91512081MA62K0260E',
    );
    expect(expectStatus('915120-81MA62-K0260E', 'valid').normalized).toBe('91512081MA62K0260E');
  });

  it.each([
    ['I', '1'],
    ['O', '0'],
    ['Z', '2'],
    ['S', '5'],
  ])('rejects the letter %s and suggests the digit %s', (letter, digit) => {
    const r = expectStatus(`91512081MA62K${letter}260E`, 'invalid');
    expect(r.reason).toBe('format');
    expect(r.message).toBe(`统一社会信用代码中不会出现字母“${letter}”，请核对是否应为数字${digit}`);
  });

  it('rejects V and punctuation, pointing to the licence', () => {
    expect(expectStatus('91512081MA62KV260E', 'invalid').message).toBe(
      '统一社会信用代码中不会出现字母“V”，请核对营业执照',
    );
    expect(expectStatus('91512081MA62K.260E', 'invalid').message).toContain('字符“.”');
  });

  it('rejects a wrong length with the count', () => {
    expect(expectStatus('91512081MA62K0260', 'invalid').message).toBe(
      `${CREDIT_CODE_FORMAT_MESSAGE}（现在是17位）`,
    );
    expect(expectStatus('91512081MA62K0260EE', 'invalid').message).toContain('（现在是19位）');
    expect(expectStatus('', 'invalid')).toMatchObject({ reason: 'empty', message: '请填写统一社会信用代码' });
  });

  it('warns for every single-character substitution of a valid code (31 is prime)', () => {
    const code = '91512081MA62K0260E';
    for (let i = 0; i < 18; i++) {
      for (const c of CHARSET) {
        if (c === code[i]) continue;
        const typo = code.slice(0, i) + c + code.slice(i + 1);
        expect(checkCreditCode(typo).status, typo).toBe('warning');
      }
    }
  });

  it('reports the inner GB 11714 check as information without changing the status', () => {
    const body8 = 'MA62K026';
    const wrongInner = organisationCodeCheckChar(body8) === '1' ? '2' : '1';
    const first17 = `91512081${body8}${wrongInner}`;
    const r = expectStatus(first17 + creditCodeCheckChar(first17), 'valid');
    expect(r.organisationCodeCheck.ok).toBe(false);
    expect(r.organisationCodeCheck.expectedCheckChar).toBe('0');
    expect(r.organisationCodeCheck.message).toBe(
      '其中的组织机构代码（第9–17位）校验不符：按第9–16位计算，第17位应为“0”',
    );
  });

  it('accepts every code the fixture generator produces, inner check included', () => {
    const faker = createChineseFaker('uscc');
    for (let i = 0; i < 1000; i++) {
      const r = expectStatus(faker.creditCode(), 'valid');
      expect(r.parts.regionCode).toBe('640221');
      expect(r.organisationCodeCheck.ok).toBe(true);
    }
  });
});

describe('check character arithmetic', () => {
  it('maps a remainder of 0 (31 − 0 = 31) to the character 0', () => {
    // Search a body whose weighted sum is a multiple of 31.
    let found: string | undefined;
    for (let n = 0; n < 10_000 && !found; n++) {
      const body = `9164022100000${String(n).padStart(4, '0')}`;
      let sum = 0;
      const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
      for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(body[i]!) * weights[i]!;
      if (sum % 31 === 0) found = body;
    }
    expect(found).toBeDefined();
    expect(creditCodeCheckChar(found!)).toBe('0');
  });

  it('maps GB 11714 results 10 → X and 11 → 0', () => {
    expect(organisationCodeCheckChar('MB151840')).toBe('X');
    expect(organisationCodeCheckChar('MA62K026')).toBe('0');
    expect(organisationCodeCheckChar('M000100Y')).toBe('4');
    expect(() => organisationCodeCheckChar('short')).toThrow(RangeError);
  });

  it('refuses a body of the wrong length', () => {
    expect(() => creditCodeCheckChar('9151')).toThrow(RangeError);
  });
});
