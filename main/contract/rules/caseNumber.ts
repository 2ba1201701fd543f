// Case numbers (案号 / 卷号). No national pattern is mandatory, so each committee configures one;
// the sequence is allocated by the service (one per committee per year) and only formatted here.
// One home for the pattern's rules: the service's check and allocation (main/core/cases/caseNumber.ts)
// and the live preview beside the pattern field on the 调解组织 screen both call this file.

export const DEFAULT_CASE_NUMBER_PATTERN = '（{year}）{abbr}调字第{seq:4}号';
export const MAX_PATTERN_LENGTH = 40;
const MAX_SEQ_WIDTH = 8;

export interface CaseNumberParts {
  year: number;
  /** Committee abbreviation, e.g. '平' or '平罗城关'. */
  abbr: string;
  /** 1-based sequence within the committee and year. */
  seq: number;
}

export type CaseNumberPatternCheck = { ok: true; pattern: string } | { ok: false; message: string };

/** Which input a formatting problem is about, for the service's field error. */
export type CaseNumberField = 'caseNumberPattern' | 'year' | 'seq' | 'abbr';

export type CaseNumberResult =
  { ok: true; text: string } | { ok: false; field: CaseNumberField; label: string; message: string };

type Token = { kind: 'year' } | { kind: 'abbr' } | { kind: 'seq'; width: number };
type Piece = { kind: 'text'; text: string } | Token;

const TOKEN_HELP =
  '可用的占位符有 {year}（年份）、{abbr}（调委会简称）、{seq}（序号）、{seq:4}（补零到4位的序号）';

/**
 * Checks a committee's pattern and returns it normalised: what a Chinese IME produces
 * (full-width ｛｝ and ：, upper case, spaces inside braces) is accepted, and half-width ( ) become
 * the full-width （ ） that case numbers on documents use.
 */
export function validateCaseNumberPattern(pattern: string): CaseNumberPatternCheck {
  const parsed = parsePattern(pattern);
  if ('message' in parsed) return { ok: false, message: parsed.message };
  return { ok: true, pattern: parsed.normalized };
}

/** '（{year}）{abbr}调字第{seq:4}号' with {year: 2026, abbr: '平', seq: 1} → '（2026）平调字第0001号', or why not. */
export function caseNumberOf(pattern: string, parts: CaseNumberParts): CaseNumberResult {
  const parsed = parsePattern(pattern);
  if ('message' in parsed)
    return { ok: false, field: 'caseNumberPattern', label: '案号格式', message: parsed.message };
  const { year, seq } = parts;
  const abbr = parts.abbr.trim();
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    return { ok: false, field: 'year', label: '案号年份', message: `应为4位年份，现在是“${year}”` };
  if (!Number.isSafeInteger(seq) || seq < 1)
    return { ok: false, field: 'seq', label: '案号序号', message: `应为从1开始的整数，现在是“${seq}”` };
  if (abbr === '' && parsed.pieces.some((p) => p.kind === 'abbr')) {
    return {
      ok: false,
      field: 'abbr',
      label: '调委会简称',
      message: '案号格式中用到了{abbr}，请先在调委会设置中填写简称',
    };
  }
  const text = parsed.pieces
    .map((p) => {
      switch (p.kind) {
        case 'text':
          return p.text;
        case 'year':
          return String(year);
        case 'abbr':
          return abbr;
        case 'seq':
          return String(seq).padStart(p.width, '0');
      }
    })
    .join('');
  return { ok: true, text };
}

/**
 * The live preview beside the pattern field: the number the committee's first case of `year`
 * would get, exactly as the service would allocate it, or the service's reason it cannot. While
 * the abbreviation is still empty it shows （简称） in its place.
 */
export function previewCaseNumber(
  pattern: string | undefined,
  abbr: string | undefined,
  year: number,
  seq = 1,
): { ok: true; text: string } | { ok: false; message: string } {
  const result = caseNumberOf(pattern ?? '', { year, abbr: abbr?.trim() || '（简称）', seq });
  return result.ok ? result : { ok: false, message: result.message };
}

function parsePattern(raw: string): { normalized: string; pieces: Piece[] } | { message: string } {
  const pattern = raw
    .trim()
    .replace(/｛/g, '{')
    .replace(/｝/g, '}')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
  if (pattern === '') return { message: `请填写案号格式，例如 ${DEFAULT_CASE_NUMBER_PATTERN}` };
  if (/[\r\n\t]/.test(pattern)) return { message: '案号格式不能换行' };

  const pieces: Piece[] = [];
  let normalized = '';
  // split() with a capture group alternates: literal text at even indexes, {tokens} at odd ones.
  for (const [i, part] of pattern.split(/(\{[^{}]*\})/).entries()) {
    if (i % 2 === 0) {
      if (/[{}]/.test(part)) return { message: `案号格式中的“{”和“}”没有配对。${TOKEN_HELP}` };
      if (part !== '') pieces.push({ kind: 'text', text: part });
      normalized += part;
      continue;
    }
    const piece = parseToken(part.slice(1, -1));
    if (typeof piece === 'string') return { message: piece.replace('%s', () => part) };
    pieces.push(piece);
    normalized += piece.kind === 'seq' && piece.width > 0 ? `{seq:${piece.width}}` : `{${piece.kind}}`;
  }

  const tokens = new Set(pieces.map((p) => p.kind));
  if (!tokens.has('year'))
    return { message: '案号格式中必须有年份占位符 {year}，例如 （{year}）{abbr}调字第{seq}号' };
  if (!tokens.has('seq')) return { message: '案号格式中必须有序号占位符 {seq}，否则同一年的案号会重复' };
  if (normalized.length > MAX_PATTERN_LENGTH)
    return { message: `案号格式太长，请不要超过${MAX_PATTERN_LENGTH}个字` };
  return { normalized, pieces };
}

/** A token, or an error message in which %s stands for the token as typed. */
function parseToken(inner: string): Token | string {
  const token = inner.replace(/\s+/g, '').replace(/：/g, ':').toLowerCase();
  if (token === 'year' || token === 'abbr') return { kind: token };
  if (token === 'seq') return { kind: 'seq', width: 0 };
  const m = /^seq:(\d+)$/.exec(token);
  if (m) {
    const width = Number(m[1]);
    if (width >= 1 && width <= MAX_SEQ_WIDTH) return { kind: 'seq', width };
    return `序号位数 %s 应在1到${MAX_SEQ_WIDTH}之间`;
  }
  return `案号格式中有无法识别的占位符 %s。${TOKEN_HELP}`;
}
