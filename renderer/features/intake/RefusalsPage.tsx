import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Table, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { refusalReasonLabels, type RefusalDto } from '../../../main/contract';
import { useAccess } from '../../app/access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useGetCatalogQuery } from '../catalog/catalogApi';
import { useListRefusalsQuery } from './intakeApi';
import { RefusalDrawer } from './RefusalDrawer';
import { routeOptions } from './refusalTemplates';
import { useRefusalNotice } from './useRefusalNotice';

/** Route /refusals: every 不予受理 on record, newest first; a row opens to the full text. */
export function RefusalsPage() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, isFetching, error } = useListRefusalsQuery({ page, pageSize });
  const { data: catalog } = useGetCatalogQuery();
  const { can } = useAccess();
  const [open, setOpen] = useState(false);
  const notice = useRefusalNotice();

  return (
    <Card
      title="不予受理登记"
      extra={
        can('cases:create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            登记不予受理
          </Button>
        )
      }
    >
      <ErrorAlert error={error ? asApiError(error) : null} />
      <Table<RefusalDto>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        expandable={{
          expandedRowRender: (r) => (
            <Descriptions size="small" column={1} bordered styles={{ label: { width: 140 } }}>
              <Descriptions.Item label="纠纷简要情况">{r.summary}</Descriptions.Item>
              <Descriptions.Item label="具体说明">{r.reasonDetail ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="告知当事人的内容">{r.told}</Descriptions.Item>
              <Descriptions.Item label="可以选择的其他途径">
                {r.routes.map((route) => routeOptions.find((o) => o.value === route)?.label).join('、') ||
                  '—'}
              </Descriptions.Item>
              <Descriptions.Item label="登记时间">
                {dayjs(r.createdAt).format('YYYY-MM-DD HH:mm')}
              </Descriptions.Item>
            </Descriptions>
          ),
        }}
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
          { title: '来访日期', dataIndex: 'receivedOn', width: 100 },
          { title: '来访人', dataIndex: 'applicantName', width: 90 },
          {
            title: '联系电话',
            dataIndex: 'applicantPhone',
            width: 120,
            render: (v: string | null) => v ?? '',
          },
          {
            title: '对方当事人',
            dataIndex: 'otherPartyName',
            width: 140,
            ellipsis: true,
            render: (v: string | null) => v ?? '',
          },
          { title: '乡镇', dataIndex: 'township', width: 80 },
          { title: '纠纷类型', dataIndex: 'disputeTypeName', width: 100 },
          {
            title: '不予受理理由',
            dataIndex: 'reason',
            ellipsis: { showTitle: false },
            render: (v: RefusalDto['reason']) => (
              <Tooltip title={refusalReasonLabels[v]} placement="topLeft">
                {refusalReasonLabels[v]}
              </Tooltip>
            ),
          },
          { title: '登记人', dataIndex: 'recordedByName', width: 80 },
          ...(can('cases:create')
            ? [
                {
                  title: '告知书',
                  key: 'notice',
                  width: 96,
                  render: (_v: unknown, r: RefusalDto) => (
                    <Button
                      size="small"
                      icon={<PrinterOutlined />}
                      onClick={(e) => {
                        e.stopPropagation();
                        void notice.open(r.id);
                      }}
                    >
                      打印
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {open && (
        <RefusalDrawer
          catalog={catalog}
          onClose={() => setOpen(false)}
          onRecorded={(r) => void notice.open(r.id)}
        />
      )}
      {notice.modal}
    </Card>
  );
}
