import { Badge, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { CaseListItem } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useListCasesQuery } from '../cases/casesApi';
import { useTodoMineQuery } from '../todo/todoApi';

type Queue = 'accepted' | 'dispatched';

const query = (status: Queue) => ({
  statuses: [status],
  sort: 'receivedOn' as const,
  order: 'asc' as const,
  page: 1,
  pageSize: 200,
});

/**
 * The intake queue: cases registered and waiting to be sent (oldest first, returned ones marked
 * with the committee's reason), and those sent but not yet accepted by their committee.
 */
export function DispatchQueue({
  selected,
  onSelect,
}: {
  selected?: string | null;
  onSelect: (id: string) => void;
}) {
  const [queue, setQueue] = useState<Queue>('accepted');
  const waiting = useListCasesQuery(query('accepted'));
  const pending = useListCasesQuery(query('dispatched'));
  const { data: todo } = useTodoMineQuery();
  const returned = new Map((todo?.returned ?? []).map((t) => [t.caseId, t.what.replace(/^被退回：/, '')]));
  const current = queue === 'accepted' ? waiting : pending;

  return (
    <>
      <Segmented<Queue>
        block
        value={queue}
        onChange={setQueue}
        style={{ marginBottom: 12 }}
        options={[
          {
            value: 'accepted',
            label: (
              <span>
                待分流 <Badge count={waiting.data?.total ?? 0} showZero color="#1677ff" size="small" />
              </span>
            ),
          },
          {
            value: 'dispatched',
            label: (
              <span>
                待接收 <Badge count={pending.data?.total ?? 0} showZero color="#faad14" size="small" />
              </span>
            ),
          },
        ]}
      />
      <ErrorAlert error={current.error ? asApiError(current.error) : null} />
      <Table<CaseListItem>
        size="small"
        rowKey="id"
        data-testid="dispatch-queue"
        loading={current.isFetching}
        dataSource={current.data?.items ?? []}
        pagination={false}
        scroll={{ y: 'calc(100vh - 300px)' }}
        locale={{ emptyText: queue === 'accepted' ? '没有待分流的案件' : '没有待接收的案件' }}
        rowClassName={(c) => (c.id === selected ? 'ant-table-row-selected' : '')}
        onRow={(c) => ({ onClick: () => onSelect(c.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            key: 'case',
            title: '案件',
            render: (_v, c) => (
              <div>
                <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
                  <Typography.Text strong style={{ fontSize: 13 }}>
                    {c.caseNumber}
                  </Typography.Text>
                  {returned.has(c.id) && (
                    <Tooltip title={`退回理由：${returned.get(c.id)}`}>
                      <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                        被退回
                      </Tag>
                    </Tooltip>
                  )}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                  {c.partyNames}
                </Typography.Text>
              </div>
            ),
          },
          {
            key: 'type',
            title: '类型',
            width: 76,
            render: (_v, c) => <span style={{ fontSize: 12 }}>{c.disputeTypeName}</span>,
          },
          {
            key: 'receivedOn',
            title: '受理',
            width: 62,
            render: (_v, c) => (
              <span style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>
                {c.receivedOn.slice(5)}
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
