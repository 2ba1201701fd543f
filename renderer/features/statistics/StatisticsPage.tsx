import { Card, DatePicker, Segmented, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  statisticDimensionLabels,
  statisticDimensions,
  type StatisticDimension,
} from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { FiguresTable } from './FiguresTable';
import { customPeriod, periodOf, type Period, type PeriodKind } from './periods';
import { MonthlyReturnCard } from './MonthlyReturnCard';
import { QualityCard } from './QualityCard';
import { RateCards } from './RateCards';
import { useDashboardQuery } from './statisticsApi';
import { TrendChart } from './TrendChart';

const kinds: { value: PeriodKind; label: string }[] = [
  { value: 'month', label: '月' },
  { value: 'quarter', label: '季度' },
  { value: 'year', label: '年' },
  { value: 'custom', label: '自定义' },
];

/** Route /statistics: 统计分析 — the rates against the year's targets, the trend, the figures by slice. */
export function StatisticsPage() {
  const [kind, setKind] = useState<PeriodKind>('year');
  const [day, setDay] = useState(dayjs());
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [dimension, setDimension] = useState<StatisticDimension>('committee');
  const period: Period = kind === 'custom' ? customPeriod(range[0], range[1]) : periodOf(kind, day);
  const { data, error, isFetching } = useDashboardQuery(
    { from: period.from, to: period.to, dimension },
    { refetchOnMountOrArgChange: true },
  );
  const year = Number(period.to.slice(0, 4));
  const { data: trend } = useDashboardQuery(
    { from: `${year}-01-01`, to: `${year}-12-31`, dimension: 'month' },
    { refetchOnMountOrArgChange: true },
  );

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card
        title="统计分析"
        extra={
          <Space wrap>
            <Segmented<PeriodKind> options={kinds} value={kind} onChange={setKind} aria-label="统计周期" />
            {kind === 'custom' ? (
              <DatePicker.RangePicker
                allowClear={false}
                value={range}
                onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
                aria-label="统计日期范围"
              />
            ) : (
              <DatePicker
                allowClear={false}
                picker={kind}
                value={day}
                onChange={(v) => v && setDay(v)}
                aria-label="统计期间"
              />
            )}
            <Select<StatisticDimension>
              style={{ width: 120 }}
              value={dimension}
              onChange={setDimension}
              options={statisticDimensions.map((d) => ({
                value: d,
                label: `按${statisticDimensionLabels[d]}`,
              }))}
              aria-label="统计维度"
            />
          </Space>
        }
        loading={isFetching && !data}
      >
        <ErrorAlert error={error ? asApiError(error) : null} />
        {data && (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {period.label}受理的案件（{data.from} 至 {data.to}），超期与应回访按 {data.asOf} 计算；共{' '}
              {data.total.counts.accepted} 件，涉及金额{' '}
              {(data.total.amountFen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}{' '}
              元，防止民转刑 {data.total.counts.criminalPrevented} 件 {data.total.criminalPreventedPersons}{' '}
              人。
            </Typography.Text>
            <RateCards data={data} periodLabel={period.label} />
          </Space>
        )}
      </Card>
      {trend && (
        <Card size="small" title={`${year}年逐月趋势`}>
          <TrendChart data={trend} title={`${year}年人民调解逐月趋势`} />
        </Card>
      )}
      {data && (
        <Card size="small" title={`${period.label} · 按${statisticDimensionLabels[dimension]}`}>
          <FiguresTable data={data} periodLabel={period.label} />
        </Card>
      )}
      <MonthlyReturnCard />
      <QualityCard from={period.from} to={period.to} />
    </Space>
  );
}
