// Amounts are integer fen end to end; these turn them into the two forms agreements print:
// 86,300.00元 and the anti-tamper capitals 捌万陆仟叁佰元整.

const CAPITAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new Error(`金额必须是非负整数分：${fen}`);
}

export function formatYuan(fen: number): string {
  assertFen(fen);
  const yuan = Math.floor(fen / 100);
  const cents = String(fen % 100).padStart(2, '0');
  return `${yuan.toLocaleString('en-US')}.${cents}元`;
}

/** A group of up to four digits, e.g. 8630 → 捌仟陆佰叁拾. */
function fourDigits(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let i = 3; i >= 0; i--) {
    const digit = Math.floor(n / 10 ** i) % 10;
    if (digit === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += CAPITAL_DIGITS[digit]! + SMALL_UNITS[i]!;
  }
  return out;
}

function integerCapitals(yuan: number): string {
  if (yuan === 0) return '零';
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  for (let g = groups.length - 1; g >= 0; g--) {
    const value = groups[g]!;
    if (value === 0) {
      if (out && !out.endsWith('零')) out += '零';
      continue;
    }
    // A group below 1000 after a higher group needs a 零 (壹万零伍佰).
    if (out && value < 1000 && !out.endsWith('零')) out += '零';
    out += fourDigits(value) + BIG_UNITS[g]!;
  }
  return out.replace(/零+$/, '');
}

export function capitalYuan(fen: number): string {
  assertFen(fen);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  if (jiao === 0 && fenDigit === 0) return `${integerCapitals(yuan)}元整`;
  // Under one yuan the capitals start at 角/分 (伍角, not 零元伍角).
  let out = yuan > 0 ? `${integerCapitals(yuan)}元` : '';
  if (jiao > 0) out += `${CAPITAL_DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (fenDigit > 0) out += `${CAPITAL_DIGITS[fenDigit]}分`;
  return out;
}

/** 人民币86,300.00元（大写：捌万陆仟叁佰元整） */
export function amountText(fen: number): string {
  return `人民币${formatYuan(fen)}（大写：${capitalYuan(fen)}）`;
}
