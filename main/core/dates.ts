import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { checkCalendarDate, type Ymd } from '../contract';
import type { Clock } from './clock';

// Calendar dates as the office sees them: Beijing time, whatever the machine's time zone. The one
// home of date arithmetic (deadlines, repeat windows, ages, the documents' day counts), on dayjs
// in UTC so that no machine time zone or daylight-saving change moves a day. Every date is parsed
// strictly first: 2026-02-30 is an error, never 2026-03-02.

dayjs.extend(utc);

export const OFFICE_TIME_ZONE = 'Asia/Shanghai';

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** 'YYYY-MM-DD' of an instant, in the office's time zone. */
export function officeDate(at: Date): string {
  return formatter.format(at);
}

export function today(clock: Clock): string {
  return officeDate(clock.now());
}

/** The parts of a real calendar day ('YYYY-MM-DD', or the date part of an ISO time); throws otherwise. */
export function parseDate(iso: string): Ymd {
  const day = iso.slice(0, 10);
  const check = checkCalendarDate(day);
  if (!check.ok) throw new RangeError(`不是有效日期：${iso}`);
  return check.date;
}

function utcDay(iso: string) {
  parseDate(iso);
  return dayjs.utc(iso.slice(0, 10));
}

/** 'YYYY-MM-DD' of a UTC midnight in milliseconds. */
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// addDays and addMonths do their arithmetic with Date.UTC, not dayjs: every intake asks for
// "12 months ago" (the repeat window) and dayjs's add and format took 0.05 ms of it. Checked
// against dayjs day by day over years of dates (tests/node/core/dates.test.ts).

/** Calendar arithmetic on 'YYYY-MM-DD'. */
export function addDays(date: string, days: number): string {
  const { y, m, d } = parseDate(date);
  return isoDay(Date.UTC(y, m - 1, d + days));
}

/** Same day n months later/earlier, clamped to the month's end (2026-03-31 − 1 month = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parseDate(date);
  const month = new Date(Date.UTC(y, m - 1 + months, 1));
  const year = month.getUTCFullYear();
  const index = month.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, index + 1, 0)).getUTCDate();
  return isoDay(Date.UTC(year, index, Math.min(d, lastDay)));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return utcDay(to).diff(utcDay(from), 'day');
}

/** Full years between birth and the reference date (a 29 February birthday comes on 1 March). */
export function ageAt(birth: string, reference: string): number {
  const b = parseDate(birth);
  const r = parseDate(reference);
  const hadBirthday = r.m > b.m || (r.m === b.m && r.d >= b.d);
  return r.y - b.y - (hadBirthday ? 0 : 1);
}

/** 'YYYYMMDD-HHmmss' of an instant in Beijing time (UTC+8 all year), as file names carry it. */
export function officeStamp(at: Date): string {
  return dayjs.utc(at).add(8, 'hour').format('YYYYMMDD-HHmmss');
}

/** The instant an officeStamp() names, or null when it names no real time (20260230-…). */
export function parseOfficeStamp(stamp: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!m) return null;
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`);
  return Number.isNaN(at.getTime()) || officeStamp(at) !== stamp ? null : at;
}
