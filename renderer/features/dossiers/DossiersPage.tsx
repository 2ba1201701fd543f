import { ExportOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useGetCatalogQuery } from '../catalog/catalogApi';
import { BatchExportModal } from './BatchExportModal';
import { useDossierListQuery, useReviewSummaryQuery } from './dossiersApi';

// Route /dossiers (卷宗管理): the filed dossiers found by 卷号, 案号 or party and filtered by
// committee, year, state and review; a row opens the case; selected rows (or the whole filter)
// go to batch export; per committee, how many files are filed, archived and reviewed.

type Row = ChannelOutput<'dossiers:list'>['items'][number];
type Filter = Omit<ChannelInput<'dossiers:list'>, 'page' | 'pageSize'>;

const thisYear = new Date().getFullYear();

export function DossiersPage() {
  const navigate = useNavigate();
  const { data: catalog } = useGetCatalogQuery();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [exporting, setExporting] = useState(false);
  const { data, isFetching, error } = useDossierListQuery({ ...filter, ...page });
  const { data: summary } = useReviewSummaryQuery(filter.year ? { year: filter.year } : {});
  const update = (next: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage((p) => ({ ...p, page: 1 }));
    setSelected([]);
  };
  const committees = (catalog?.committees ?? []).map((c) => ({ value: c.id, label: c.name }));
  const exportFilter = selected.length
    ? { caseIds: selected }
    : {
        ...(filter.committeeId ? { committeeId: filter.committeeId } : {}),
        ...(filter.state ? { state: filter.state } : {}),
        ...(filter.reviewed !== undefined ? { reviewed: filter.reviewed } : {}),
        ...(filter.query ? { query: filter.query } : {}),
        ...(filter.year ? { filedFrom: `${filter.year}-01-01`, filedTo: `${filter.year}-12-31` } : {}),
      };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="卷宗管理"
        extra={
          <Button
            type="primary"
            icon={<ExportOutlined />}
            disabled={!data?.total}
            onClick={() => setExporting(true)}
          >
            {selected.length ? `导出选中的${selected.length}个卷宗` : `批量导出（${data?.total ?? 0}个）`}
          </Button>
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="卷号、案号或当事人"
            style={{ width: 280 }}
            aria-label="查找卷宗"
            onSearch={(query) => update({ query: query || undefined })}
          />
          <Select
            allowClear
            placeholder="全部调委会"
            style={{ width: 240 }}
            aria-label="调委会"
            options={committees}
            value={filter.committeeId}
            onChange={(committeeId?: string) => update({ committeeId })}
          />
          <Select
            allowClear
            placeholder="全部年度"
            style={{ width: 120 }}
            aria-label="年度"
            value={filter.year}
            options={[0, 1, 2, 3, 4].map((i) => ({ value: thisYear - i, label: `${thisYear - i}年` }))}
            onChange={(year?: number) => update({ year })}
          />
          <Select
            allowClear
            placeholder="全部状态"
            style={{ width: 120 }}
            aria-label="状态"
            value={filter.state}
            options={[
              { value: 'open', label: '立卷中' },
              { value: 'archived', label: '已归档' },
            ]}
            onChange={(state?: 'open' | 'archived') => update({ state })}
          />
          <Select
            allowClear
            placeholder="评查情况"
            style={{ width: 120 }}
            aria-label="评查情况"
            value={filter.reviewed}
            options={[
              { value: true, label: '已评查' },
              { value: false, label: '未评查' },
            ]}
            onChange={(reviewed?: boolean) => update({ reviewed })}
          />
        </Space>
        <ErrorAlert error={error ? asApiError(error) : null} />
        <Table<Row>
          size="small"
          rowKey="caseId"
          loading={isFetching}
          dataSource={data?.items ?? []}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
          onRow={(r) => ({ onDoubleClick: () => void navigate(`/cases/${r.caseId}`) })}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: data?.total ?? 0,
            showTotal: (t) => `共${t}个卷宗`,
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            {
              title: '卷号',
              dataIndex: 'volumeNumber',
              width: 220,
              render: (v: string, r) => (
                <Typography.Link onClick={() => navigate(`/cases/${r.caseId}`)}>{v}</Typography.Link>
              ),
            },
            { title: '卷名', dataIndex: 'title', ellipsis: true },
            { title: '案号', dataIndex: 'caseNumber', width: 200 },
            { title: '调委会', dataIndex: 'committeeName', width: 200, ellipsis: true },
            { title: '立卷日期', dataIndex: 'filedOn', width: 100 },
            { title: '保管期限', dataIndex: 'retention', width: 80 },
            {
              title: '状态',
              width: 110,
              render: (_v, r) =>
                r.state === 'archived' ? (
                  <Tag color="purple">已归档 第{r.revision}版</Tag>
                ) : (
                  <Tag color="blue">立卷中</Tag>
                ),
            },
            {
              title: '评查',
              width: 110,
              render: (_v, r) =>
                r.grade ? (
                  <Tag color={r.grade === '不合格' ? 'red' : 'green'}>{`${r.grade} ${r.total}分`}</Tag>
                ) : (
                  <Tag>未评查</Tag>
                ),
            },
          ]}
        />
      </Card>
      <Card title="评查情况（按调委会）">
        <Table
          size="small"
          rowKey="committeeId"
          pagination={false}
          dataSource={summary ?? []}
          columns={[
            { title: '调委会', dataIndex: 'committeeName' },
            { title: '已立卷', dataIndex: 'filed', width: 100 },
            { title: '已归档', dataIndex: 'archived', width: 100 },
            { title: '已评查', dataIndex: 'reviewed', width: 100 },
            {
              title: '未评查',
              width: 120,
              render: (_v, r: { committeeId: string; filed: number; reviewed: number }) => (
                <Typography.Link onClick={() => update({ committeeId: r.committeeId, reviewed: false })}>
                  {r.filed - r.reviewed}
                </Typography.Link>
              ),
            },
          ]}
        />
      </Card>
      {exporting && (
        <BatchExportModal
          filter={exportFilter}
          count={selected.length || data?.total || 0}
          onClose={() => setExporting(false)}
        />
      )}
    </Space>
  );
}
