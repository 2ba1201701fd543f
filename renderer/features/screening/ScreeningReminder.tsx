import { Card, Typography } from 'antd';
import { Link } from 'react-router';
import { useAccess } from '../../app/access';
import { DueTable } from './DueTable';
import { useScreeningDueQuery } from './screeningApi';

// 两排查 in 我的待办 (rounds due or overdue for the user's organisations) and in 全县概况 (the
// committees that are behind). Nothing shows when all are on time.

export function ScreeningReminder(props: { only: 'due' | 'behind' }) {
  const { can } = useAccess();
  const { data, isFetching } = useScreeningDueQuery(undefined, {
    skip: !can('screening:read'),
    refetchOnMountOrArgChange: true,
  });
  if (!can('screening:read')) return null;
  const rows = (data?.rows ?? []).filter((r) =>
    props.only === 'behind' ? r.state === 'overdue' : r.state !== 'done',
  );
  if (props.only === 'due' && rows.length === 0) return null;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={props.only === 'behind' ? '排查滞后的调委会' : '矛盾纠纷排查提醒'}
      extra={<Link to="/screening">去登记排查</Link>}
    >
      {props.only === 'behind' && rows.length === 0 && !isFetching ? (
        <Typography.Text type="secondary">各调委会均按期排查</Typography.Text>
      ) : (
        <DueTable
          rows={rows}
          loading={isFetching && !data}
          empty="没有待排查的组织"
          testId={props.only === 'behind' ? 'screening-behind' : 'screening-todo'}
        />
      )}
    </Card>
  );
}
