import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AuditEntryDto } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useListAuditQuery, useVerifyAuditMutation } from './auditApi';

export function AuditPage() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, isFetching, error } = useListAuditQuery({ page, pageSize });
  const [verify, verifyState] = useVerifyAuditMutation();
  const verdict = verifyState.data;

  return (
    <Card
      title="审计日志"
      extra={
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verifyState.isLoading}
          onClick={() => void verify()}
        >
          校验完整性
        </Button>
      }
    >
      {verdict && (
        <Alert
          showIcon
          type={verdict.intact ? 'success' : 'error'}
          title={verdict.message}
          style={{ marginBottom: 16 }}
          data-testid="audit-verdict"
        />
      )}
      <ErrorAlert
        error={error ? asApiError(error) : verifyState.error ? asApiError(verifyState.error) : null}
      />
      <Table<AuditEntryDto>
        rowKey="seq"
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 80 },
          {
            title: '时间',
            dataIndex: 'at',
            width: 170,
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
          },
          { title: '操作人', dataIndex: 'actorName', width: 120, render: (v: string | null) => v ?? '—' },
          { title: '操作', dataIndex: 'actionLabel', width: 160 },
          {
            title: '结果',
            dataIndex: 'outcome',
            width: 80,
            render: (v: string) => (v === 'ok' ? <Tag color="green">成功</Tag> : <Tag color="red">失败</Tag>),
          },
          { title: '说明', dataIndex: 'detail', render: (v: string | null) => v ?? '' },
        ]}
      />
    </Card>
  );
}
