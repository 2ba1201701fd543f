import Nzh from 'nzh';
import type { DateStyle } from '../../../contract';
import { parseDate as parseIsoDate } from '../../dates';

// Date arithmetic (addDays, daysBetween, ageAt) has one home, main/core/dates.ts; this file only
// prints. Dates as Chinese forms print them. GB/T 9704-2012 switched official documents to Arabic
// numerals without zero padding (2026年11月30日); courts and older mediation forms still use
// 二〇二六年十一月三十日. The committee picks one in settings and every document follows it.

export type { DateStyle };

const ISO_TIME = /T(\d{2}):(\d{2})/;
/** Year digits one by one, as courts print years: 二〇二六. */
const DIGITS = '〇一二三四五六七八九';

/** 1..99 as spoken Chinese numerals: 十, 十一, 二十, 三十一 (also used for 一、二、 ordinals). */
export function smallChinese(n: number): string {
  return Nzh.cn.encodeS(n);
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

export { addDays, ageAt, daysBetween } from '../../dates';

/** 20261103: the 8-digit form archive lists (卷内目录) use, after DA/T 22. */
export function archiveDate(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  return `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
}
