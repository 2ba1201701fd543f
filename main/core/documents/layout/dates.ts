// Dates as Chinese forms print them. GB/T 9704-2012 switched official documents to Arabic
// numerals without zero padding (2026年11月30日); courts and older mediation forms still use
// 二〇二六年十一月三十日. The committee picks one in settings and every document follows it.

export type DateStyle = 'arabic' | 'chinese';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const ISO_TIME = /T(\d{2}):(\d{2})/;
const DIGITS = '〇一二三四五六七八九';

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseIsoDate(iso: string): Ymd {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new Error(`不是有效日期：${iso}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Round-trip through UTC so 2026-02-30 is rejected instead of printed.
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw new Error(`不是有效日期：${iso}`);
  }
  return { y, m, d };
}

/** 1..99 as spoken Chinese numerals: 十, 十一, 二十, 三十一 (also used for 一、二、 ordinals). */
export function smallChinese(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  const onesPart = ones === 0 && tens > 0 ? '' : DIGITS[ones];
  return tensPart + onesPart;
}

export function formatDate(iso: string, style: DateStyle = 'arabic'): string {
  const { y, m, d } = parseIsoDate(iso);
  if (style === 'arabic') return `${y}年${m}月${d}日`;
  const year = String(y)
    .split('')
    .map((c) => DIGITS[Number(c)])
    .join('');
  return `${year}年${smallChinese(m)}月${smallChinese(d)}日`;
}

/** Date plus time of day, e.g. 2026年11月3日9时30分 (times always in Arabic numerals). */
export function formatDateTime(iso: string, style: DateStyle = 'arabic'): string {
  const date = formatDate(iso, style);
  const time = ISO_TIME.exec(iso);
  if (!time) return date;
  return `${date}${Number(time[1])}时${time[2]}分`;
}

/** Just the time, e.g. 11时40分, for "from … to …" ranges on the same day. */
export function formatTime(iso: string): string {
  const time = ISO_TIME.exec(iso);
  if (!time) throw new Error(`没有时刻：${iso}`);
  return `${Number(time[1])}时${time[2]}分`;
}

export function sameDay(a: string, b: string): boolean {
  return a.slice(0, 10) === b.slice(0, 10);
}

/** Full years between birth and the reference date. */
export function ageAt(birthIso: string, referenceIso: string): number {
  const b = parseIsoDate(birthIso);
  const r = parseIsoDate(referenceIso);
  const hadBirthday = r.m > b.m || (r.m === b.m && r.d >= b.d);
  return r.y - b.y - (hadBirthday ? 0 : 1);
}

/** Whole days from a to b (b − a), both ISO dates, independent of time zones. */
export function daysBetween(aIso: string, bIso: string): number {
  const a = parseIsoDate(aIso);
  const b = parseIsoDate(bIso);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

export function addDays(iso: string, days: number): string {
  const { y, m, d } = parseIsoDate(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 20261103: the 8-digit form archive lists (卷内目录) use, after DA/T 22. */
export function archiveDate(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  return `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
}
