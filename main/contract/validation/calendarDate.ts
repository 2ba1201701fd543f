// Calendar dates as the contract carries them: 'YYYY-MM-DD' naming a day that exists on the
// (proleptic Gregorian) calendar. 2026-02-30, 2026-00-00 and 2026-11-99 are not dates, whatever
// Date.UTC would make of them. The date arithmetic built on top lives in main/core/dates.ts.

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

export type CalendarDateCheck = { ok: true; date: Ymd } | { ok: false; problem: string };

/** Why 'YYYY-MM-DD' is not a real day, in Chinese, or the day's parts. */
export function checkCalendarDate(iso: string): CalendarDateCheck {
  const match = SHAPE.exec(iso);
  if (!match) return { ok: false, problem: '日期格式应为 YYYY-MM-DD，例如 2026-11-30' };
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12) return { ok: false, problem: `${iso} 不是有效的日期（月份应在1至12之间）` };
  const days = daysInMonth(y, m);
  if (d < 1 || d > days) return { ok: false, problem: `${iso} 不是有效的日期（${y}年${m}月只有${days}天）` };
  return { ok: true, date: { y, m, d } };
}

/** True when 'YYYY-MM-DD' names a day on the calendar. */
export function isRealDate(iso: string): boolean {
  return checkCalendarDate(iso).ok;
}

// ─── “Today” for the checks that depend on it ────────────────────────────────────────────────
// The contract is pure and has no clock. A date that cannot lie in the future (a birth date, the
// day a case was received) is judged on the day the caller declares with onCalendarDay(): the
// dispatcher declares the office day of the app's clock for every call. A parse without a
// declared day (the screen's forms) leaves "not in the future" to the service, whose message then
// lands beside the field: the browser's clock is not the office's (the date pickers already
// grey out days after the office day the service reports). Parsing is synchronous, so the day
// declared for one parse cannot leak into another.

let scopedToday: string | null = null;

function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(at.getFullYear()).padStart(4, '0')}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Runs `parse` with `today` ('YYYY-MM-DD', the office's day) as the contract's today. */
export function onCalendarDay<T>(today: string, parse: () => T): T {
  if (!isRealDate(today)) throw new RangeError(`“今天”的日期格式应为 YYYY-MM-DD：${today}`);
  const previous = scopedToday;
  scopedToday = today;
  try {
    return parse();
  } finally {
    scopedToday = previous;
  }
}

/** The declared office day, or null outside a declared parse. */
export function declaredCalendarDay(): string | null {
  return scopedToday;
}

/** The declared office day, else this machine's local day (a best guess, e.g. for ID-number birth dates in a form). */
export function calendarToday(): string {
  return scopedToday ?? localDay(new Date());
}
