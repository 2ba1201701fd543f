import { Card, Col, Progress, Row, Typography } from 'antd';
import {
  localRateBaseLabels,
  rateParts,
  statisticMeasureLabels,
  statisticRateLabels,
  type DashboardDto,
  type StatisticMeasure,
  type StatisticRate,
} from '../../../main/contract';
import { FigureLink } from './FigureLink';

// Each rate against its target, with the two numbers it divides (each a link to its cases).

const shown: StatisticRate[] = ['successRate', 'performanceRate', 'visitRate', 'localRate', 'mediationRate'];

export function RateCards({ data, periodLabel }: { data: DashboardDto; periodLabel: string }) {
  const period = { from: data.from, to: data.to };
  const target = (r: StatisticRate): number | null =>
    r === 'successRate' || r === 'performanceRate' || r === 'visitRate'
      ? data.targets[r]
      : r === 'localRate'
        ? data.targets.localRate
        : null;
  const parts = (r: StatisticRate): [StatisticMeasure, StatisticMeasure] =>
    r === 'localRate' ? ['local', data.localRateBase] : rateParts[r];
  return (
    <Row gutter={[12, 12]}>
      {shown.map((r) => {
        const value = data.total.rates[r];
        const goal = target(r);
        const below = value !== null && goal !== null && value < goal;
        const [n, d] = parts(r);
        return (
          <Col key={r} flex="1 1 150px">
            <Card size="small" title={statisticRateLabels[r]} data-rate={r}>
              <Typography.Title level={3} style={{ margin: 0, color: below ? '#cf1322' : undefined }}>
                {value === null ? '—' : `${value}%`}
              </Typography.Title>
              <Typography.Text type="secondary">
                {goal === null ? '未设目标' : `目标 ≥ ${goal}%${below ? '（未达标）' : ''}`}
              </Typography.Text>
              {value !== null && goal !== null && (
                <Progress
                  percent={value}
                  showInfo={false}
                  size="small"
                  status={below ? 'exception' : 'success'}
                />
              )}
              <div>
                <FigureLink
                  value={data.total.counts[n]}
                  filter={{ measure: n, ...period }}
                  label={`${periodLabel} ${statisticMeasureLabels[n]}`}
                />{' '}
                ÷{' '}
                <FigureLink
                  value={data.total.counts[d]}
                  filter={{ measure: d, ...period }}
                  label={`${periodLabel} ${statisticMeasureLabels[d]}`}
                />
                <Typography.Text type="secondary">
                  {' '}
                  {r === 'localRate'
                    ? `（${localRateBaseLabels[data.localRateBase]}）`
                    : `（${statisticMeasureLabels[n]} ÷ ${statisticMeasureLabels[d]}）`}
                </Typography.Text>
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
