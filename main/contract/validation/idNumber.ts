// Resident identity card numbers (居民身份证号码, GB 11643-1999), checked at the intake desk.
// Pure: "today" is a parameter so deadlines and tests never depend on the machine clock.

import type { Sex } from '../schemas/catalog';
import { isRealDate } from './calendarDate';

export { isRealDate };

export interface IdNumberInfo {
  /** 18 characters, check character upper-case. */
  normalized: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
  /** First 6 digits (GB/T 2260). Never validated against a list: abolished codes stay valid on cards. */
  regionCode: string;
  /** The legacy 15-digit number as entered, when it was upgraded to 18 digits. */
  upgradedFrom15?: string;
}

export type IdNumberProblem = 'empty' | 'format' | 'birthDate' | 'futureBirthDate' | 'checkDigit';

export type IdNumberCheck =
  | { ok: true; value: IdNumberInfo }
  | { ok: false; reason: IdNumberProblem; message: string; expectedCheckChar?: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export const ID_NUMBER_FORMAT_MESSAGE = '身份证号码应为18位（或旧式15位）数字，最后一位可以是X';

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('计算校验位需要17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Checks and normalises what the clerk typed. Full-width digits and any whitespace are tolerated
 * because IME input and copied card numbers often carry them; the check digit still protects.
 * `today` is the local calendar date ('YYYY-MM-DD', or a Date read in local time).
 */
export function checkIdNumber(raw: string, today: string | Date): IdNumberCheck {
  const input = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (input === '') return fail('empty', '请填写身份证号码');

  let body17: string;
  let upgradedFrom15: string | undefined;
  if (/^\d{17}[\dX]$/.test(input)) {
    body17 = input.slice(0, 17);
  } else if (/^\d{15}$/.test(input)) {
    // GB 11643-1989 numbers only ever covered births in the 1900s.
    body17 = `${input.slice(0, 6)}19${input.slice(6)}`;
    upgradedFrom15 = input;
  } else {
    return fail('format', `${ID_NUMBER_FORMAT_MESSAGE}${describeShape(input)}`);
  }

  const birthDate = `${body17.slice(6, 10)}-${body17.slice(10, 12)}-${body17.slice(12, 14)}`;
  if (!isRealDate(birthDate)) return fail('birthDate', `身份证号码中的出生日期 ${birthDate} 不存在`);
  const todayIso = isoDay(today);
  if (birthDate > todayIso) {
    return fail('futureBirthDate', `身份证号码中的出生日期 ${birthDate} 晚于今天（${todayIso}），请核对号码`);
  }

  const expected = idCheckChar(body17);
  if (upgradedFrom15 === undefined && input[17] !== expected) {
    return {
      ok: false,
      reason: 'checkDigit',
      expectedCheckChar: expected,
      message: `身份证号码校验位不正确：按前17位计算，最后一位应为“${expected}”，请核对号码`,
    };
  }

  const info: IdNumberInfo = {
    normalized: body17 + expected,
    birthDate,
    sex: (body17.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female',
    regionCode: body17.slice(0, 6),
  };
  if (upgradedFrom15 !== undefined) info.upgradedFrom15 = upgradedFrom15;
  return { ok: true, value: info };
}

/**
 * For lists and printouts: '640221********1234'. Keeps the region and the last four, which is
 * what clerks use to tell people apart; anything that is not an ID shape is hidden entirely.
 */
export function maskIdNumber(idNumber: string): string {
  const n = idNumber.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (n.length === 18) return `${n.slice(0, 6)}********${n.slice(14)}`;
  if (n.length > 10) return `${n.slice(0, 6)}${'*'.repeat(n.length - 10)}${n.slice(-4)}`;
  return '*'.repeat(n.length);
}

function fail(reason: IdNumberProblem, message: string): IdNumberCheck {
  return { ok: false, reason, message };
}

function describeShape(input: string): string {
  const bad = [...input].find((c) => !/[\dX]/.test(c));
  if (bad !== undefined) return `（号码中有不允许的字符“${bad}”）`;
  if (input.includes('X') && !/^\d+X$/.test(input)) return '（X只能出现在最后一位）';
  if (input.length === 15) return '（旧式15位号码全是数字，没有X）';
  return `（现在是${input.length}位）`;
}

function isoDay(today: string | Date): string {
  if (typeof today === 'string') {
    if (!isRealDate(today)) throw new RangeError(`“今天”的日期格式应为 YYYY-MM-DD：${today}`);
    return today;
  }
  if (Number.isNaN(today.getTime())) throw new RangeError('“今天”的日期无效');
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(today.getFullYear()).padStart(4, '0')}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}
