import { ExportOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useGetCaseQuery } from '../cases/casesApi';
import { AssignmentView } from '../workflow/AssignmentView';
import { useGetWorkflowQuery } from '../workflow/workflowApi';
import { CaseBrief } from './CaseBrief';
import { DispatchForm } from './DispatchForm';
import { DispatchQueue } from './DispatchQueue';
import { ReferOutForm } from './ReferOutForm';
import { TransferForm } from './TransferForm';

/** The chosen case: its brief, then 分流指派 (or, once sent, who has it, with 移交); 转出 either way. */
function Chosen({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { data: detail, error } = useGetCaseQuery(caseId);
  const { data: wf } = useGetWorkflowQuery(caseId);
  const [dialog, setDialog] = useState<'transfer' | 'referOut' | null>(null);

  if (error) return <ErrorAlert error={asApiError(error)} />;
  if (!detail || !wf) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  const referOut = wf.actions.includes('referOut') && (
    <Button icon={<ExportOutlined />} onClick={() => setDialog('referOut')}>
      转出
    </Button>
  );

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <CaseBrief detail={detail} />
      </Card>
      {wf.actions.includes('dispatch') ? (
        <Card title="分流指派" size="small">
          <DispatchForm key={caseId} caseId={caseId} onDone={onDone} extra={referOut} />
        </Card>
      ) : (
        <Card title="当前承办" size="small">
          <AssignmentView assignment={wf.assignment} />
          <Space style={{ marginTop: 12 }}>
            {wf.actions.includes('transfer') && (
              <Button icon={<SwapOutlined />} onClick={() => setDialog('transfer')}>
                移交
              </Button>
            )}
            {referOut}
          </Space>
        </Card>
      )}
      {dialog === 'transfer' && <TransferForm caseId={caseId} onClose={() => setDialog(null)} />}
      {dialog === 'referOut' && (
        <ReferOutForm caseId={caseId} receivedOn={detail.receivedOn} onClose={() => setDialog(null)} />
      )}
    </>
  );
}

/** Route /dispatch: the 分流员's desk — the intake queue on the left, the chosen case on the right. */
export function DispatchPage() {
  const [params, setParams] = useSearchParams();
  const selected = params.get('case');
  const select = (id: string | null) => setParams(id ? { case: id } : {}, { replace: true });

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <Card title="分流" style={{ width: 360, flex: 'none' }} styles={{ body: { padding: 12 } }}>
        <DispatchQueue selected={selected} onSelect={select} />
      </Card>
      <div style={{ flex: 1, minWidth: 0 }}>
        {selected ? (
          <Chosen key={selected} caseId={selected} onDone={() => select(null)} />
        ) : (
          <Card>
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <Typography.Text type="secondary">
                  从左侧队列选择案件，查看推荐的调委会和调解员后分流指派
                </Typography.Text>
              }
            />
          </Card>
        )}
      </div>
    </div>
  );
}
