import { z } from 'zod';
import { caseSources } from './catalog';
import { id } from './common';
import { calendarDate } from './dates';
import { searchText } from './freeText';

// 统计分析 (issue 15): the county's figures over the cases a user may see. Every figure is a
// count of cases (or a sum over them) received in the period, so every number has a case list
// behind it: the drill-down (cases:list `statistic`) lists exactly the cases counted.

/** The counted figures, each a set of cases (domain.md §4). */
export const statisticMeasures = [
  'accepted',
  'mediated',
  'succeeded',
  'written',
  'oral',
  'performed',
  'visitDue',
  'visited',
  'confirmationApplied',
  'confirmationConfirmed',
  'withAmount',
  'local',
  'criminalPrevented',
  'open',
  'overdue',
] as const;
export type StatisticMeasure = (typeof statisticMeasures)[number];
export const statisticMeasureLabels: Record<StatisticMeasure, string> = {
  accepted: '受理',
  mediated: '调解',
  succeeded: '调解成功',
  written: '书面协议',
  oral: '口头协议',
  performed: '已履行',
  visitDue: '应回访',
  visited: '已回访',
  confirmationApplied: '申请司法确认',
  confirmationConfirmed: '司法确认有效',
  withAmount: '涉及金额的协议',
  local: '就地化解',
  criminalPrevented: '防止民转刑（件）',
  open: '在办',
  overdue: '超期未结',
};

/** The rates shown against targets. */
export const statisticRates = [
  'mediationRate',
  'successRate',
  'performanceRate',
  'visitRate',
  'localRate',
] as const;
export type StatisticRate = (typeof statisticRates)[number];
export const statisticRateLabels: Record<StatisticRate, string> = {
  mediationRate: '调解率',
  successRate: '调解成功率',
  performanceRate: '履行率',
  visitRate: '回访率',
  localRate: '矛盾就地化解率',
};

/**
 * 调解率 and 就地化解率 have no official formula (domain.md §4): the denominator is a setting.
 * 调解率 = 调解 ÷ 受理; 就地化解率 = 就地化解 ÷ (调解成功 | 调解 | 受理).
 */
export const localRateBases = ['succeeded', 'mediated', 'accepted'] as const;
export type LocalRateBase = (typeof localRateBases)[number];
export const localRateBaseLabels: Record<LocalRateBase, string> = {
  succeeded: '就地化解 ÷ 调解成功',
  mediated: '就地化解 ÷ 调解',
  accepted: '就地化解 ÷ 受理',
};

/** The measures each rate divides (numerator, denominator); localRate's denominator is a setting. */
export const rateParts: Record<Exclude<StatisticRate, 'localRate'>, [StatisticMeasure, StatisticMeasure]> = {
  mediationRate: ['mediated', 'accepted'],
  successRate: ['succeeded', 'mediated'],
  performanceRate: ['performed', 'succeeded'],
  visitRate: ['visited', 'visitDue'],
};

export const statisticDimensions = [
  'committee',
  'township',
  'disputeType',
  'source',
  'mediator',
  'month',
] as const;
export type StatisticDimension = (typeof statisticDimensions)[number];
export const statisticDimensionLabels: Record<StatisticDimension, string> = {
  committee: '调委会',
  township: '乡镇',
  disputeType: '纠纷类型',
  source: '来源',
  mediator: '调解员',
  month: '月份',
};

const period = {
  from: calendarDate('统计起始日期').describe('统计起始日期'),
  to: calendarDate('统计截止日期').describe('统计截止日期'),
};

/**
 * One slice value: which of the fields applies follows the dimension. `mediatorId: null` is the
 * cases no mediator has taken (yet).
 */
export const statisticSlice = z.strictObject({
  committeeId: id.optional().describe('调委会'),
  mediatorId: id.nullable().optional().describe('调解员'),
  township: searchText('乡镇', 20).optional(),
  disputeType: searchText('纠纷类型', 40).optional(),
  source: z.enum(caseSources, { error: '来源不正确' }).optional().describe('来源'),
  month: searchText('月份', 7)
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
    .optional(),
});
export type StatisticSlice = z.infer<typeof statisticSlice>;

/** The drill-down: the cases behind one number of the dashboard. */
export const statisticFilter = z.strictObject({
  measure: z.enum(statisticMeasures, { error: '统计项不正确' }).describe('统计项'),
  ...period,
  slice: statisticSlice.optional(),
});
export type StatisticFilter = z.infer<typeof statisticFilter>;

export const dashboardInput = z.strictObject({
  ...period,
  dimension: z.enum(statisticDimensions, { error: '请选择统计维度' }).describe('统计维度'),
});
export type DashboardInput = z.input<typeof dashboardInput>;

const counts = z.object(
  Object.fromEntries(statisticMeasures.map((m) => [m, z.number().int()])) as Record<
    StatisticMeasure,
    z.ZodNumber
  >,
);
export type StatisticCounts = z.infer<typeof counts>;

const figures = z.object({
  counts,
  /** 涉及金额 in fen (分), over the agreements counted in withAmount. */
  amountFen: z.number().int(),
  /** 防止民转刑: the persons (parties) of the cases counted. */
  criminalPreventedPersons: z.number().int(),
  /** null: the denominator is 0. */
  rates: z.object(
    Object.fromEntries(statisticRates.map((r) => [r, z.number().nullable()])) as Record<
      StatisticRate,
      z.ZodNullable<z.ZodNumber>
    >,
  ),
});
export type StatisticFigures = z.infer<typeof figures>;

export const statisticTargets = z.object({
  year: z.number().int(),
  successRate: z.number(),
  performanceRate: z.number(),
  visitRate: z.number(),
  localRate: z.number().nullable(),
});
export type StatisticTargets = z.infer<typeof statisticTargets>;

export const statisticsConfig = z.object({
  localRateBase: z.enum(localRateBases),
  /** Targets per year (plan: 成功率 97 % the first year, then 98 %; 履行率 95 %; 回访率 100 %). */
  targets: z.array(statisticTargets),
});
export type StatisticsConfig = z.infer<typeof statisticsConfig>;

export const dashboardDto = z.object({
  from: z.string(),
  to: z.string(),
  /** The day overdue and due visits were judged on: the period's end, or today if earlier. */
  asOf: z.string(),
  dimension: z.enum(statisticDimensions),
  rows: z.array(figures.extend({ key: z.string().nullable(), label: z.string(), slice: statisticSlice })),
  /** Every case once (a case with two mediators is in two mediator rows, once here). */
  total: figures,
  /** The targets of the period's (ending) year. */
  targets: statisticTargets,
  localRateBase: z.enum(localRateBases),
});
export type DashboardDto = z.infer<typeof dashboardDto>;

const rate = (label: string) =>
  z
    .number({ error: `${label}须为数字` })
    .min(0, `${label}不能小于0`)
    .max(100, `${label}不能大于100`)
    .describe(label);

export const saveStatisticsConfigInput = z.strictObject({
  localRateBase: z
    .enum(localRateBases, { error: '请选择就地化解率的计算方法' })
    .describe('就地化解率计算方法'),
  targets: z
    .array(
      z.strictObject({
        year: z.number().int().min(2000, '年份不正确').max(2099, '年份不正确').describe('年份'),
        successRate: rate('调解成功率目标'),
        performanceRate: rate('履行率目标'),
        visitRate: rate('回访率目标'),
        localRate: rate('就地化解率目标').nullable(),
      }),
    )
    .max(50)
    .refine((t) => new Set(t.map((x) => x.year)).size === t.length, '同一年份的目标只能有一组')
    .describe('年度目标'),
});

/** 数据质量: cases whose records contradict each other, each with where to fix it. */
export const qualityIssueKinds = ['succeededWithoutAgreement', 'agreementWithoutDeadline'] as const;
export const qualityIssueLabels: Record<(typeof qualityIssueKinds)[number], string> = {
  succeededWithoutAgreement: '结案为调解成功但没有调解协议',
  agreementWithoutDeadline: '调解协议没有履行期限',
};
export const qualityInput = z.strictObject({ ...period });
export const qualityDto = z.object({
  items: z.array(
    z.object({
      kind: z.enum(qualityIssueKinds),
      caseId: id,
      caseNumber: z.string(),
      partyNames: z.string(),
      receivedOn: z.string(),
    }),
  ),
  /** More issues than listed. */
  truncated: z.boolean(),
});
export type QualityDto = z.infer<typeof qualityDto>;
