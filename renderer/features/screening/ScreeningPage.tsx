import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useAccess } from '../../app/access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { AnalysisPanel } from './AnalysisPanel';
import { DueTable } from './DueTable';
import { RoundForm } from './RoundForm';
import { RoundsTable } from './RoundsTable';
import { useRoundsQuery, useScreeningDueQuery } from './screeningApi';

/** Route /screening: 两排查一分析 — the screening log, where each committee stands, the monthly note. */
export function ScreeningPage() {
  const { can } = useAccess();
  const [open, setOpen] = useState(false);
  const rounds = useRoundsQuery({}, { refetchOnMountOrArgChange: true });
  const due = useScreeningDueQuery(undefined, { refetchOnMountOrArgChange: true });
  const behind = due.data?.rows.filter((r) => r.state !== 'done').length ?? 0;
  return (
    <Card
      title="矛盾纠纷排查（两排查一分析）"
      extra={
        can('screening:record') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            登记排查
          </Button>
        )
      }
    >
      <ErrorAlert error={rounds.error ? asApiError(rounds.error) : null} />
      <Tabs
        items={[
          {
            key: 'rounds',
            label: '排查记录',
            children: <RoundsTable rounds={rounds.data ?? []} loading={rounds.isFetching && !rounds.data} />,
          },
          {
            key: 'due',
            label: `排查周期${behind ? `（${behind}个待排查）` : ''}`,
            children: (
              <DueTable
                rows={due.data?.rows ?? []}
                loading={due.isFetching && !due.data}
                empty="没有需要定期排查的组织"
                testId="screening-due"
              />
            ),
          },
          { key: 'analysis', label: '月度分析', children: <AnalysisPanel /> },
        ]}
      />
      <RoundForm open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
