import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CASE_NUMBER_PATTERN,
  formatCaseNumber,
  validateCaseNumberPattern,
} from '../../../../main/core/cases/caseNumber';
import { ValidationError } from '../../../../main/core/errors';

const HELP = '可用的占位符有 {year}（年份）、{abbr}（调委会简称）、{seq}（序号）、{seq:4}（补零到4位的序号）';

describe('formatCaseNumber', () => {
  it('formats the default pattern with full-width brackets and 4-digit sequence', () => {
    expect(DEFAULT_CASE_NUMBER_PATTERN).toBe('（{year}）{abbr}调字第{seq:4}号');
    expect(formatCaseNumber(DEFAULT_CASE_NUMBER_PATTERN, { year: 2026, abbr: '平', seq: 1 })).toBe(
      '（2026）平调字第0001号',
    );
    expect(formatCaseNumber(DEFAULT_CASE_NUMBER_PATTERN, { year: 2026, abbr: '平', seq: 123 })).toBe(
      '（2026）平调字第0123号',
    );
  });

  it('never truncates a sequence wider than its padding', () => {
    expect(formatCaseNumber(DEFAULT_CASE_NUMBER_PATTERN, { year: 2026, abbr: '平', seq: 12345 })).toBe(
      '（2026）平调字第12345号',
    );
  });

  it('supports an unpadded {seq}, other paddings, and patterns without {abbr}', () => {
    const parts = { year: 2024, abbr: '平罗城关', seq: 12 };
    expect(formatCaseNumber('（{year}）{abbr}人调字第{seq}号', parts)).toBe('（2024）平罗城关人调字第12号');
    expect(formatCaseNumber('{abbr}-{year}-{seq:6}', parts)).toBe('平罗城关-2024-000012');
    expect(formatCaseNumber('（{year}）平罗县中心调字第{seq:3}号', parts)).toBe(
      '（2024）平罗县中心调字第012号',
    );
  });

  it('repeats a token as often as the pattern uses it', () => {
    expect(formatCaseNumber('{year}{abbr}{seq:2}/{year}', { year: 2026, abbr: 'P', seq: 3 })).toBe(
      '2026P03/2026',
    );
  });

  it('trims the abbreviation and inserts literal text verbatim, $ signs included', () => {
    expect(formatCaseNumber('$&{year}{abbr}{seq}$1', { year: 2026, abbr: ' 平 ', seq: 7 })).toBe(
      '$&2026平7$1',
    );
  });

  it('accepts a pattern typed with a Chinese IME, as validate would normalise it', () => {
    expect(formatCaseNumber('(｛year｝)平调字第｛seq：4｝号', { year: 2026, abbr: '平', seq: 9 })).toBe(
      '（2026）平调字第0009号',
    );
  });

  it('throws a ValidationError naming the field when the pattern is broken', () => {
    const call = () => formatCaseNumber('{abbr}调字第{seq}号', { year: 2026, abbr: '平', seq: 1 });
    expect(call).toThrow(ValidationError);
    expect(call).toThrow('案号格式：案号格式中必须有年份占位符 {year}');
  });

  it('refuses a year that is not 4 digits and a sequence below 1', () => {
    const p = DEFAULT_CASE_NUMBER_PATTERN;
    expect(() => formatCaseNumber(p, { year: 26, abbr: '平', seq: 1 })).toThrow(
      '案号年份：应为4位年份，现在是“26”',
    );
    expect(() => formatCaseNumber(p, { year: 2026.5, abbr: '平', seq: 1 })).toThrow(ValidationError);
    expect(() => formatCaseNumber(p, { year: 2026, abbr: '平', seq: 0 })).toThrow(
      '案号序号：应为从1开始的整数',
    );
    expect(() => formatCaseNumber(p, { year: 2026, abbr: '平', seq: 1.5 })).toThrow(ValidationError);
  });

  it('asks for the committee abbreviation only when the pattern uses it', () => {
    expect(() => formatCaseNumber(DEFAULT_CASE_NUMBER_PATTERN, { year: 2026, abbr: '  ', seq: 1 })).toThrow(
      '调委会简称：案号格式中用到了{abbr}，请先在调委会设置中填写简称',
    );
    expect(formatCaseNumber('（{year}）调字第{seq}号', { year: 2026, abbr: '', seq: 1 })).toBe(
      '（2026）调字第1号',
    );
  });
});

describe('validateCaseNumberPattern', () => {
  it('accepts the default unchanged', () => {
    expect(validateCaseNumberPattern(DEFAULT_CASE_NUMBER_PATTERN)).toEqual({
      ok: true,
      pattern: DEFAULT_CASE_NUMBER_PATTERN,
    });
  });

  it('normalises half-width brackets, full-width braces and colon, case and spaces in tokens', () => {
    expect(validateCaseNumberPattern(' ({YEAR})｛ abbr ｝调字第{ Seq ：3 }号 ')).toEqual({
      ok: true,
      pattern: '（{year}）{abbr}调字第{seq:3}号',
    });
  });

  it('requires {year} and {seq}', () => {
    expect(validateCaseNumberPattern('{abbr}调字第{seq}号')).toEqual({
      ok: false,
      message: '案号格式中必须有年份占位符 {year}，例如 （{year}）{abbr}调字第{seq}号',
    });
    expect(validateCaseNumberPattern('（{year}）{abbr}调字')).toEqual({
      ok: false,
      message: '案号格式中必须有序号占位符 {seq}，否则同一年的案号会重复',
    });
  });

  it.each([
    ['', `请填写案号格式，例如 ${DEFAULT_CASE_NUMBER_PATTERN}`],
    ['{year}{seq}{month}', `案号格式中有无法识别的占位符 {month}。${HELP}`],
    ['{year}{seq}{}', `案号格式中有无法识别的占位符 {}。${HELP}`],
    ['{year}{seq:0}', '序号位数 {seq:0} 应在1到8之间'],
    ['{year}{seq:9}', '序号位数 {seq:9} 应在1到8之间'],
    ['{year}{seq:x}', `案号格式中有无法识别的占位符 {seq:x}。${HELP}`],
    ['{year}{seq', `案号格式中的“{”和“}”没有配对。${HELP}`],
    ['{year}}{seq}', `案号格式中的“{”和“}”没有配对。${HELP}`],
    ['{year{seq}}', `案号格式中的“{”和“}”没有配对。${HELP}`],
    ['{year}\n{seq}', '案号格式不能换行'],
    [`{year}{seq}${'字'.repeat(40)}`, '案号格式太长，请不要超过40个字'],
  ])('refuses %j', (pattern, message) => {
    expect(validateCaseNumberPattern(pattern)).toEqual({ ok: false, message });
  });

  it('keeps other full-width punctuation and 〔〕 as typed', () => {
    const r = validateCaseNumberPattern('〔{year}〕{abbr}调字第{seq}号');
    expect(r).toEqual({ ok: true, pattern: '〔{year}〕{abbr}调字第{seq}号' });
  });
});
