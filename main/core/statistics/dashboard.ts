import type { Repositories, ScopePrincipals } from '../../../db';
import {
  caseSourceLabels,
  type CaseSource,
  type DashboardDto,
  type StatisticDimension,
  type StatisticFilter,
  type StatisticSlice,
} from '../../contract';
import { namesOf } from '../cases/view';
import { getSettings } from '../settings/service';
import { statisticsConfig, targetsFor } from './config';
import { figuresOf, statisticParams } from './figures';

// 统计分析: the figures of a period sliced by one dimension, each row with the slice that drills
// down to its cases, and the total (each case once).

export interface Period {
  from: string;
  to: string;
}

/** The slice that selects a row's cases (what cases:list `statistic.slice` takes). */
function sliceOf(dimension: StatisticDimension, key: string | null): StatisticSlice {
  switch (dimension) {
    case 'committee':
      return { committeeId: key ?? '' };
    case 'mediator':
      return { mediatorId: key };
    case 'township':
      return { township: key ?? '' };
    case 'disputeType':
      return { disputeType: key ?? '' };
    case 'source':
      return { source: key as CaseSource };
    case 'month':
      return { month: key ?? '' };
  }
}

async function labeller(repos: Repositories, dimension: StatisticDimension) {
  if (dimension === 'mediator') {
    const names = new Map(repos.mediators.list(true).map((m) => [m.id, m.name]));
    return (key: string | null) => (key === null ? '（未指派调解员）' : (names.get(key) ?? key));
  }
  const names = namesOf(repos);
  return (key: string | null): string => {
    if (key === null) return '（未填）';
    if (dimension === 'committee') return names.committees.get(key) ?? key;
    if (dimension === 'disputeType') return names.disputeTypes.get(key) ?? key;
    if (dimension === 'source') return caseSourceLabels[key as CaseSource] ?? key;
    if (dimension === 'month') return `${key.slice(0, 4)}年${Number(key.slice(5, 7))}月`;
    return key;
  };
}

export async function dashboard(
  repos: Repositories,
  scope: ScopePrincipals,
  input: Period & { dimension: StatisticDimension },
  today: string,
): Promise<DashboardDto> {
  const [settings, config] = await Promise.all([getSettings(repos), statisticsConfig(repos)]);
  const params = statisticParams(scope, input, settings, today);
  const label = await labeller(repos, input.dimension);
  const rows = repos.statistics.slices(params, input.dimension).map((r) => ({
    key: r.key,
    label: label(r.key),
    slice: sliceOf(input.dimension, r.key),
    ...figuresOf(r, config.localRateBase),
  }));
  return {
    from: input.from,
    to: input.to,
    asOf: params.asOf,
    dimension: input.dimension,
    rows,
    total: figuresOf(repos.statistics.total(params), config.localRateBase),
    targets: targetsFor(config, Number(input.to.slice(0, 4))),
    localRateBase: config.localRateBase,
  };
}

/** The drill-down: the rowid subquery of the cases behind one figure (for the case list). */
export async function statisticRowids(
  repos: Repositories,
  scope: ScopePrincipals,
  filter: StatisticFilter,
  today: string,
): Promise<{ sql: string; params: unknown[]; count?: number }> {
  const settings = await getSettings(repos);
  const params = statisticParams(scope, filter, settings, today);
  const statement = repos.statistics.rowids(params, filter.measure, filter.slice);
  // The number the user clicked, when the dashboard has just computed it on the same data.
  const count = repos.statistics.knownCount(params, filter.measure, filter.slice);
  return count === undefined ? statement : { ...statement, count };
}
