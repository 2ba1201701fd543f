import { Alert, Badge, Card, Space, Tabs } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { ConflictsPanel } from './ConflictsPanel';
import { ExchangeHistory } from './ExchangeHistory';
import { ReceivePanel } from './ReceivePanel';
import { SendPanel } from './SendPanel';
import { TrustPanel } from './TrustPanel';
import { useExchangeConflictsQuery, useExchangeOverviewQuery } from './exchangeApi';

/** Route /exchange: 数据交换 between a township committee and the county centre (管理员). */
export function ExchangePage() {
  const overview = useExchangeOverviewQuery(undefined, { refetchOnMountOrArgChange: true });
  const conflicts = useExchangeConflictsQuery();
  const open = conflicts.data?.items.length ?? 0;
  if (overview.data && !overview.data.mayExchange)
    return <Alert type="info" showIcon title="本机构不是县调解中心或乡镇调委会，不参与县乡数据交换" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <ErrorAlert error={overview.error ? asApiError(overview.error) : null} />
      {overview.data?.restoreNotices.map((notice) => (
        <Alert key={notice} type="warning" showIcon title="从备份恢复后的数据交换" description={notice} />
      ))}
      <Card title="县乡数据交换">
        {overview.data && (
          <Tabs
            items={[
              { key: 'trust', label: '信任机构', children: <TrustPanel overview={overview.data} /> },
              { key: 'send', label: '生成数据包', children: <SendPanel overview={overview.data} /> },
              { key: 'receive', label: '导入数据包', children: <ReceivePanel /> },
              {
                key: 'conflicts',
                label: (
                  <Badge count={open} size="small" offset={[8, 0]}>
                    冲突处理
                  </Badge>
                ),
                children: <ConflictsPanel />,
              },
              { key: 'history', label: '收发记录', children: <ExchangeHistory /> },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
