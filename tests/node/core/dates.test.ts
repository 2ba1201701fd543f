import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../../main/core/dates';

dayjs.extend(utc);

// addDays and addMonths compute with Date.UTC; dayjs (in UTC) is the reference they replaced.

const days: string[] = [];
for (let d = dayjs.utc('2023-01-01'); d.isBefore('2029-01-01'); d = d.add(1, 'day'))
  days.push(d.format('YYYY-MM-DD'));

describe('calendar arithmetic', () => {
  it('adds and subtracts months as dayjs does, clamped to the month end, on every day of six years', () => {
    for (const day of days)
      for (const n of [-25, -12, -1, 1, 3, 6, 12, 13]) {
        expect(addMonths(day, n), `${day} ${n}`).toBe(dayjs.utc(day).add(n, 'month').format('YYYY-MM-DD'));
      }
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('adds and subtracts days as dayjs does, across month, year and leap-day ends', () => {
    for (const day of days)
      for (const n of [-400, -31, -1, 0, 1, 15, 30, 60, 366]) {
        expect(addDays(day, n), `${day} ${n}`).toBe(dayjs.utc(day).add(n, 'day').format('YYYY-MM-DD'));
      }
  });

  it('still refuses a day that does not exist', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
  });
});
