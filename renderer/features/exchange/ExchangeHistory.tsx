import { Table, Tag } from 'antd';
import type { ExchangeHistoryDto } from '../../../main/contract';
import { useExchangeHistoryQuery } from './exchangeApi';

type Row = ExchangeHistoryDto['items'][number];
const time = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** Packages sent and received; a sent one shows when the peer's receipt came back. */
export function ExchangeHistory() {
  const history = useExchangeHistoryQuery(undefined, { refetchOnMountOrArgChange: true });
  return (
    <Table<Row>
      size="small"
      rowKey="id"
      loading={history.isLoading}
      dataSource={history.data?.items ?? []}
      locale={{ emptyText: '还没有收发过数据包' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: '方向',
          dataIndex: 'direction',
          render: (d: Row['direction']) =>
            d === 'out' ? <Tag color="blue">发出</Tag> : <Tag color="purple">收到</Tag>,
        },
        { title: '对方机构', dataIndex: 'officeName' },
        { title: '编号', dataIndex: 'sequence', render: (n: number) => `第${n}号` },
        { title: '时间', dataIndex: 'handledAt', render: time },
        { title: '经办人', dataIndex: 'handledByName' },
        { title: '内容', dataIndex: 'summary' },
        {
          title: '回执',
          render: (_, r) =>
            r.direction === 'in'
              ? '—'
              : r.acknowledgedAt
                ? `对方已确认（${time(r.acknowledgedAt)}）`
                : '等待对方确认',
        },
      ]}
    />
  );
}
