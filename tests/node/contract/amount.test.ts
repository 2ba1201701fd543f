import { describe, expect, it } from 'vitest';
import {
  formatFen,
  formatFenCapital,
  MAX_AMOUNT_FEN,
  parseAmount,
} from '../../../main/contract/validation/amount';
import { createChineseFaker } from '../../fixtures/chineseNames';

const fen = (raw: string) => {
  const r = parseAmount(raw);
  if (!r.ok) throw new Error(`expected ${raw} to parse: ${r.message}`);
  return r.fen;
};
const error = (raw: string) => {
  const r = parseAmount(raw);
  if (r.ok) throw new Error(`expected ${raw} to fail, got ${r.fen}`);
  return r.message;
};

describe('parseAmount', () => {
  it.each([
    ['0', 0],
    ['5', 500],
    ['12345.6', 1234560],
    ['12,345.6', 1234560],
    ['1,234,567.89', 123456789],
    ['0.01', 1],
    ['0.1', 10],
    ['007', 700],
    [' 12 345 ', 1234500],
    ['１２３', 12300],
    ['１２，３４５．６７', 1234567],
    ['¥500', 50000],
    ['￥ 500.5 元', 50050],
    ['500元', 50000],
    ['500元整', 50000],
    ['人民币500元', 50000],
    ['3万', 3000000],
    ['1.5万', 1500000],
    ['1.5万元', 1500000],
    ['12.3456万', 12345600],
    ['0.000001万', 1],
    ['1,200万', 1200000000],
    ['2亿', 20000000000],
    ['1.2345亿元', 12345000000],
    ['1.500', 150],
    ['1.0000', 100],
    ['1000000000000', MAX_AMOUNT_FEN],
    ['10000亿', MAX_AMOUNT_FEN],
  ])('%s → %i fen', (raw, expected) => {
    expect(fen(raw)).toBe(expected);
  });

  it('asks for an amount when empty', () => {
    expect(error(' ')).toBe('请填写金额');
  });

  it('refuses negative amounts', () => {
    for (const raw of ['-5', '－5', '−5', '¥-5', '-0.01']) {
      expect(error(raw)).toBe('金额不能为负数，请填写实际涉及的金额');
    }
  });

  it('refuses digits below the fen, but not trailing zeros', () => {
    expect(error('1.234')).toBe('金额最多精确到分（小数点后两位）');
    expect(error('0.001')).toBe('金额最多精确到分（小数点后两位）');
    expect(error('1.2345678万')).toBe('金额最多精确到分，“万”“亿”前的小数位数太多');
    expect(fen('1.2300')).toBe(123);
  });

  it('refuses amounts above 1万亿元', () => {
    expect(error('1000000000000.01')).toBe('金额过大：不能超过1万亿元，请核对');
    expect(error('10001亿')).toBe('金额过大：不能超过1万亿元，请核对');
    expect(error('9'.repeat(40))).toBe('金额过大：不能超过1万亿元，请核对');
  });

  it('refuses misplaced thousands separators instead of guessing (12,5 is not 125)', () => {
    for (const raw of ['12,5', '1,23.45', '1234,567', ',123', '1,,234', '1,234,56']) {
      expect(error(raw)).toBe('金额中的千分位逗号位置不对，应每3位一个，例如 12345.60、12,345.6 或 1.5万');
    }
  });

  it('asks for Arabic digits when the amount is written in Chinese numerals', () => {
    for (const raw of ['壹佰元', '三千', '一万二', '3万5千']) {
      expect(error(raw)).toBe('金额请用阿拉伯数字填写，例如 12345.60、12,345.6 或 1.5万');
    }
  });

  it.each(['abc', '.5', '5.', '1.2.3', '1e5', '+5', '0x10', '5美元', '万', '1万万', '12%'])(
    'refuses %s as not a number',
    (raw) => {
      expect(error(raw)).toMatch(/^金额/);
    },
  );
});

describe('formatFen', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [100, '1.00'],
    [1234560, '12,345.60'],
    [123456789, '1,234,567.89'],
    [99999999, '999,999.99'],
    [MAX_AMOUNT_FEN, '1,000,000,000,000.00'],
    [-1234560, '-12,345.60'],
    [-5, '-0.05'],
  ])('%i → %s', (value, text) => {
    expect(formatFen(value)).toBe(text);
  });

  it('round-trips through parseAmount', () => {
    const faker = createChineseFaker('amount');
    for (let i = 0; i < 5000; i++) {
      const value = Math.floor(faker.random() * 10 ** faker.int(0, 14));
      expect(fen(formatFen(value))).toBe(value);
    }
  });

  it('refuses anything but an integer number of fen', () => {
    expect(() => formatFen(1.5)).toThrow('金额必须是以分为单位的整数');
    expect(() => formatFen(Number.NaN)).toThrow(RangeError);
    expect(() => formatFen(2 ** 53)).toThrow(RangeError);
  });
});

describe('formatFenCapital (人民币大写)', () => {
  // Examples from the PBoC rules for filling in bills (正确填写票据和结算凭证的基本规定).
  it.each([
    [1234560, '壹万贰仟叁佰肆拾伍元陆角整'],
    [0, '零元整'],
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [1500, '壹拾伍元整'],
    [140950, '壹仟肆佰零玖元伍角整'],
    [600714, '陆仟零柒元壹角肆分'],
    [168032, '壹仟陆佰捌拾元叁角贰分'],
    [10700053, '壹拾万柒仟元伍角叁分'],
    [1640902, '壹万陆仟肆佰零玖元零贰分'],
    [32504, '叁佰贰拾伍元零肆分'],
    [10050000, '壹拾万零伍佰元整'],
    [100000000, '壹佰万元整'],
    [10000000100, '壹亿零壹元整'],
    [10001000000, '壹亿零壹万元整'],
    [10010000000, '壹亿零壹拾万元整'],
    [11000000000, '壹亿壹仟万元整'],
    [100001000000, '壹拾亿零壹万元整'],
    [12345678900, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
    [MAX_AMOUNT_FEN, '壹万亿元整'],
    [50, '伍角整'],
    [5, '伍分'],
    [55, '伍角伍分'],
    [105, '壹元零伍分'],
    [1000000, '壹万元整'],
    [1001000, '壹万零壹拾元整'],
    [1100000, '壹万壹仟元整'],
  ])('%i → %s', (value, text) => {
    expect(formatFenCapital(value)).toBe(text);
  });

  it('never writes two 零 in a row, a trailing 零 before a unit, or a bare 拾', () => {
    const faker = createChineseFaker('capital');
    for (let i = 0; i < 5000; i++) {
      const value = 1 + Math.floor(faker.random() * 10 ** faker.int(0, 14));
      const text = formatFenCapital(value);
      expect(text, String(value)).not.toMatch(/零零|零[元万亿角分整]|^拾|[^壹贰叁肆伍陆柒捌玖]拾/);
      expect(text, String(value)).toMatch(/[整分]$/);
    }
  });

  it('refuses negative and fractional fen', () => {
    expect(() => formatFenCapital(-1)).toThrow('大写金额不能为负数');
    expect(() => formatFenCapital(0.5)).toThrow(RangeError);
  });
});
