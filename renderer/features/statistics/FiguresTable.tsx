import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  statisticDimensionLabels,
  statisticMeasureLabels,
  type DashboardDto,
  type StatisticMeasure,
  type StatisticSlice,
} from '../../../main/contract';
import { FigureLink } from './FigureLink';

// The figures per slice (committee, township, type, source, mediator or month) and the total row;
// every count opens its cases.

type Row = DashboardDto['rows'][number];

const measures: StatisticMeasure[] = [
  'accepted',
  'mediated',
  'succeeded',
  'written',
  'oral',
  'performed',
  'visited',
  'confirmationApplied',
  'confirmationConfirmed',
  'local',
  'criminalPrevented',
  'open',
  'overdue',
];

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

export function FiguresTable({ data, periodLabel }: { data: DashboardDto; periodLabel: string }) {
  const period = { from: data.from, to: data.to };
  const total: Row = { ...data.total, key: '__total', label: '合计', slice: {} };
  const link = (row: Row, m: StatisticMeasure) => {
    const slice: StatisticSlice | undefined = row.key === '__total' ? undefined : row.slice;
    return (
      <FigureLink
        value={row.counts[m]}
        strong={row.key === '__total'}
        filter={{ measure: m, ...period, ...(slice ? { slice } : {}) }}
        label={`${periodLabel} ${row.label} ${statisticMeasureLabels[m]}`}
      />
    );
  };
  const columns: ColumnsType<Row> = [
    {
      title: statisticDimensionLabels[data.dimension],
      dataIndex: 'label',
      key: 'label',
      fixed: 'left',
      width: 180,
    },
    ...measures.map((m) => ({
      title: statisticMeasureLabels[m],
      key: m,
      width: m === 'criminalPrevented' ? 110 : 80,
      align: 'right' as const,
      render: (_: unknown, row: Row) => link(row, m),
    })),
    {
      title: '成功率',
      key: 'successRate',
      width: 80,
      align: 'right',
      render: (_, r) => pct(r.rates.successRate),
    },
    {
      title: '履行率',
      key: 'performanceRate',
      width: 80,
      align: 'right',
      render: (_, r) => pct(r.rates.performanceRate),
    },
    {
      title: '回访率',
      key: 'visitRate',
      width: 80,
      align: 'right',
      render: (_, r) => pct(r.rates.visitRate),
    },
    {
      title: '涉及金额（元）',
      key: 'amount',
      width: 120,
      align: 'right',
      render: (_, r) => yuan(r.amountFen),
    },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => r.key ?? '__none'}
      columns={columns}
      dataSource={[...data.rows, total]}
      pagination={false}
      scroll={{ x: 180 + measures.length * 85 + 360 }}
      rowClassName={(r) => (r.key === '__total' ? 'statistics-total-row' : '')}
    />
  );
}
