import type { ScopePrincipals, StatisticParams, StatisticRow } from '../../../db';
import {
  rateParts,
  type LocalRateBase,
  type SettingsDto,
  type StatisticFigures,
  type StatisticRate,
} from '../../contract';

/** The parameters every statistic is computed with: the period, the as-of day, the limits. */
export function statisticParams(
  scope: ScopePrincipals,
  period: { from: string; to: string },
  settings: SettingsDto,
  today: string,
): StatisticParams {
  return {
    scope,
    from: period.from,
    to: period.to,
    asOf: period.to < today ? period.to : today,
    limits: {
      ordinary: settings.mediationLimitDays,
      entrustedOrdinary: settings.courtEntrustedOrdinaryDays,
      entrustedSummary: settings.courtEntrustedSummaryDays,
    },
  };
}

/** A percentage to one decimal; null when nothing to divide by. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10;
}

/** The counts of a row with the rates computed from them. */
export function figuresOf(row: StatisticRow, localBase: LocalRateBase): StatisticFigures {
  const c = row.counts;
  const rates = Object.fromEntries(
    Object.entries(rateParts).map(([rate, [n, d]]) => [rate, percent(c[n], c[d])]),
  ) as Record<StatisticRate, number | null>;
  rates.localRate = percent(c.local, c[localBase]);
  return { counts: c, amountFen: row.amountFen, criminalPreventedPersons: row.persons, rates };
}
