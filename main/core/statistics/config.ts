import type { Repositories } from '../../../db';
import type { StatisticsConfig, StatisticTargets } from '../../contract';
import type { ServiceContext } from '../context';

// The statistics settings: the 就地化解率 formula and the targets per year, seeded from the
// county's three-year plan (seed/action-plan.txt): 调解率 and 成功率 97 % in 2019, the first year;
// 成功率 98 %, 履行率 95 %, 回访率 100 % from 2021. A year without its own targets takes those of
// the nearest earlier year (the plan's last year holds until someone sets new ones).

const KEY = 'statistics.config';

export const planTargets: StatisticTargets[] = [
  { year: 2019, successRate: 97, performanceRate: 95, visitRate: 100, localRate: null },
  { year: 2020, successRate: 97, performanceRate: 95, visitRate: 100, localRate: null },
  { year: 2021, successRate: 98, performanceRate: 95, visitRate: 100, localRate: null },
];

export const defaultStatisticsConfig: StatisticsConfig = { localRateBase: 'succeeded', targets: planTargets };

export async function statisticsConfig(repos: Repositories): Promise<StatisticsConfig> {
  return (await repos.settings.get<StatisticsConfig>(KEY)) ?? defaultStatisticsConfig;
}

export function targetsFor(config: StatisticsConfig, year: number): StatisticTargets {
  const earlier = config.targets.filter((t) => t.year <= year).sort((a, b) => b.year - a.year)[0];
  const base = earlier ?? [...config.targets].sort((a, b) => a.year - b.year)[0] ?? planTargets[0]!;
  return { ...base, year };
}

export async function saveStatisticsConfig(
  ctx: ServiceContext,
  input: StatisticsConfig,
): Promise<StatisticsConfig> {
  const config: StatisticsConfig = {
    localRateBase: input.localRateBase,
    targets: [...input.targets].sort((a, b) => a.year - b.year),
  };
  await ctx.repos.settings.set(KEY, config);
  ctx.audit.detail = config.targets
    .map((t) => `${t.year}年：成功率${t.successRate}%、履行率${t.performanceRate}%、回访率${t.visitRate}%`)
    .join('；');
  return config;
}
