// Money in agreements and statistics (协议涉及金额). Kept as integer fen (分) so sums and printed
// figures are exact; floats never touch it. 10^12 yuan = 10^14 fen stays a safe JS integer.

export type AmountParse = { ok: true; fen: number } | { ok: false; message: string };

export const MAX_AMOUNT_FEN = 100_000_000_000_000; // 1 万亿元
const MAX_FEN = BigInt(MAX_AMOUNT_FEN);
const EXAMPLE = '，例如 12345.60、12,345.6 或 1.5万';

/**
 * Parses what a clerk types: '12,345.6', '１２３' (full-width), '¥ 500元', '3万', '1.5万元', '2亿'.
 * Thousands separators must sit every 3 digits, so a European '12,5' is refused instead of being
 * misread as 125. Digits beyond the fen are refused unless they are zeros ('1.500' is fine).
 */
export function parseAmount(raw: string): AmountParse {
  let text = raw.normalize('NFKC').replace(/\s+/g, '');
  if (text === '') return fail('请填写金额');
  text = text
    .replace(/^人民币/, '')
    .replace(/^[¥]/, '')
    .replace(/元整?$/, '');
  if (/^[-−]/.test(text)) return fail('金额不能为负数，请填写实际涉及的金额');

  let shift = 2; // powers of ten from yuan to fen, plus the unit word
  if (text.endsWith('万')) [text, shift] = [text.slice(0, -1), 6];
  else if (text.endsWith('亿')) [text, shift] = [text.slice(0, -1), 10];

  const m = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(text);
  if (!m) {
    if (/^[\d,]+(?:\.\d+)?$/.test(text)) return fail(`金额中的千分位逗号位置不对，应每3位一个${EXAMPLE}`);
    if (/[零〇一二三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]/.test(text)) {
      return fail(`金额请用阿拉伯数字填写${EXAMPLE}`);
    }
    return fail(`金额格式不正确，请只填写数字${EXAMPLE}`);
  }
  const integer = m[1]!.replace(/,/g, '');
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  const exponent = shift - fraction.length;
  if (exponent < 0) {
    return fail(
      shift === 2 ? '金额最多精确到分（小数点后两位）' : '金额最多精确到分，“万”“亿”前的小数位数太多',
    );
  }
  const fen = BigInt(integer + fraction) * 10n ** BigInt(exponent);
  if (fen > MAX_FEN) return fail('金额过大：不能超过1万亿元，请核对');
  return { ok: true, fen: Number(fen) };
}

/** '12,345.60'; negative figures (e.g. differences in statistics) get a leading '-'. */
export function formatFen(fen: number): string {
  assertFen(fen);
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}${yuan}.${cents}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'] as const;

/**
 * 人民币大写 as written on agreements and receipts (PBoC 票据填写规定): '壹万贰仟叁佰肆拾伍元陆角整'.
 * Always '壹拾' (not '拾'), one '零' for a run of zeros, '整' when the amount ends at 元 or 角,
 * '零' after 元 when only 分 follows. The caller prefixes '人民币' where the form needs it.
 */
export function formatFenCapital(fen: number): string {
  assertFen(fen);
  if (fen < 0) throw new RangeError('大写金额不能为负数');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';

  let out = yuan > 0 ? `${integerCapital(yuan)}元` : '';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (cents > 0 && yuan > 0) out += '零';
  out += cents > 0 ? `${DIGITS[cents]}分` : '整';
  return out;
}

/** Chinese capital numerals for a positive integer below 10^16, grouped by 万 and 亿. */
function integerCapital(n: number): string {
  if (n >= 1e8) return joinGroup(Math.floor(n / 1e8), '亿', n % 1e8, 1e7);
  if (n >= 1e4) return joinGroup(Math.floor(n / 1e4), '万', n % 1e4, 1e3);
  let out = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      pendingZero = out !== '';
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[digit]! + SMALL_UNITS[place]!;
  }
  return out;
}

function joinGroup(high: number, unit: string, low: number, fullLow: number): string {
  if (low === 0) return integerCapital(high) + unit;
  // 10,0500 → 壹拾万零伍佰: a gap below the unit is read as one 零.
  return integerCapital(high) + unit + (low < fullLow ? '零' : '') + integerCapital(low);
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额必须是以分为单位的整数：${fen}`);
}

function fail(message: string): AmountParse {
  return { ok: false, message };
}
