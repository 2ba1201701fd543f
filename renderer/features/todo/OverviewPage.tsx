import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Table, Typography } from 'antd';
import type { OverviewDto } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useOverviewQuery } from './todoApi';
// ── screening & subsidy (issue 15) ──
import { ScreeningReminder } from '../screening/ScreeningReminder';

type Row = OverviewDto['rows'][number];
type Count = 'open' | 'newArrivals' | 'dueSoon' | 'overdue' | 'returned';

const counts: { key: Count; title: string; color?: string }[] = [
  { key: 'open', title: '在办' },
  { key: 'newArrivals', title: '新到', color: '#1677ff' },
  { key: 'dueSoon', title: '即将到期', color: '#d48806' },
  { key: 'overdue', title: '超期', color: '#cf1322' },
  { key: 'returned', title: '被退回', color: '#d46b08' },
];

function CountCell({ value, color }: { value: number; color?: string | undefined }) {
  return (
    <span
      style={{
        fontVariantNumeric: 'tabular-nums',
        color: value ? color : '#bfbfbf',
        fontWeight: value && color ? 600 : undefined,
      }}
    >
      {value}
    </span>
  );
}

/** Route /overview: 全县概况 — open, new, due-soon, overdue and returned cases per committee. */
export function OverviewPage() {
  const { data, error, isFetching, refetch } = useOverviewQuery(undefined, {
    refetchOnMountOrArgChange: true,
  });
  const rows = data?.rows ?? [];
  const total = (key: Count) => rows.reduce((sum, r) => sum + r[key], 0);

  return (
    <Card
      title={
        <span>
          全县概况
          {data && (
            <Typography.Text
              type="secondary"
              style={{ fontWeight: 'normal', fontSize: 13, marginInlineStart: 12 }}
            >
              截至 {data.today}，按承办调委会统计在办案件
            </Typography.Text>
          )}
        </span>
      }
      extra={
        <Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refetch()}>
          刷新
        </Button>
      }
    >
      <ErrorAlert error={error ? asApiError(error) : null} />
      <Table<Row>
        size="middle"
        rowKey="committeeId"
        loading={isFetching && !data}
        dataSource={rows}
        pagination={false}
        bordered
        data-testid="overview-table"
        locale={{ emptyText: '暂无在办案件' }}
        columns={[
          { title: '调委会', dataIndex: 'committeeName', key: 'name' },
          ...counts.map((c) => ({
            title: c.title,
            key: c.key,
            width: 110,
            align: 'right' as const,
            sorter: (a: Row, b: Row) => a[c.key] - b[c.key],
            render: (_v: unknown, r: Row) => <CountCell value={r[c.key]} color={c.color} />,
          })),
        ]}
        summary={() =>
          rows.length > 1 ? (
            <Table.Summary.Row style={{ background: '#fafafa' }}>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>合计</Typography.Text>
              </Table.Summary.Cell>
              {counts.map((c, i) => (
                <Table.Summary.Cell key={c.key} index={i + 1} align="right">
                  <Typography.Text strong>
                    <CountCell value={total(c.key)} color={c.color} />
                  </Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : undefined
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        即将到期：7天内到期的调解期限、司法确认申请期限、履行期限或回访；超期：已过期限仍未办结的事项。一件案件有多项期限时只计一次。
      </Typography.Paragraph>
      {/* ── screening & subsidy (issue 15) ── */}
      <ScreeningReminder only="behind" />
    </Card>
  );
}
