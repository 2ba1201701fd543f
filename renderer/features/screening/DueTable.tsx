import { Table, Tag } from 'antd';
import { cadenceUnitLabels, type ScreeningDueRow } from '../../../main/contract';

// Where each organisation stands in its screening cycle (两排查): shown on the 排查 page, in
// 我的待办 (due and overdue only) and in 全县概况 (the committees that are behind).

const stateTag: Record<ScreeningDueRow['state'], { color: string; text: string }> = {
  overdue: { color: 'red', text: '已逾期' },
  due: { color: 'gold', text: '本期待排查' },
  done: { color: 'green', text: '本期已排查' },
};

export function DueTable(props: {
  rows: ScreeningDueRow[];
  loading?: boolean;
  empty: string;
  testId: string;
}) {
  return (
    <Table<ScreeningDueRow>
      size="small"
      rowKey="organisationId"
      loading={props.loading}
      dataSource={props.rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: props.empty }}
      data-testid={props.testId}
      columns={[
        { title: '组织', dataIndex: 'organisationName', key: 'org', ellipsis: true },
        { title: '频次', key: 'cadence', width: 80, render: (_v, r) => cadenceUnitLabels[r.cadence] },
        { title: '本期', key: 'period', width: 200, render: (_v, r) => `${r.periodFrom} 至 ${r.periodTo}` },
        { title: '上次排查', key: 'last', width: 110, render: (_v, r) => r.lastHeldOn ?? '从未排查' },
        {
          title: '状态',
          key: 'state',
          width: 260,
          render: (_v, r) => (
            <span>
              <Tag color={stateTag[r.state].color}>{stateTag[r.state].text}</Tag>
              {r.missedFrom && `漏报 ${r.missedFrom} 至 ${r.missedTo}`}
            </span>
          ),
        },
      ]}
    />
  );
}
