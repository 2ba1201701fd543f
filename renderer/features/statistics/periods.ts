import type dayjs from 'dayjs';

// The periods a 领导 picks: a month, a quarter, a year, or any two days.

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface Period {
  from: string;
  to: string;
  label: string;
}

const fmt = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

export function periodOf(kind: Exclude<PeriodKind, 'custom'>, day: dayjs.Dayjs): Period {
  if (kind === 'month')
    return { from: fmt(day.startOf('month')), to: fmt(day.endOf('month')), label: day.format('YYYY年M月') };
  if (kind === 'quarter') {
    const q = Math.floor(day.month() / 3);
    const start = day.month(q * 3).startOf('month');
    return {
      from: fmt(start),
      to: fmt(start.add(2, 'month').endOf('month')),
      label: `${day.year()}年第${q + 1}季度`,
    };
  }
  return { from: fmt(day.startOf('year')), to: fmt(day.endOf('year')), label: `${day.year()}年` };
}

export function customPeriod(from: dayjs.Dayjs, to: dayjs.Dayjs): Period {
  return { from: fmt(from), to: fmt(to), label: `${fmt(from)} 至 ${fmt(to)}` };
}
