import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { CaseListItem } from '../../../main/contract';
import { useAccess } from '../../app/access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useGetCatalogQuery } from '../catalog/catalogApi';
import { caseColumns, defaultHiddenColumns } from './caseColumns';
import { CaseFilters } from './CaseFilters';
import { useListCasesQuery, useListClerksQuery } from './casesApi';
import { ColumnSettings } from './ColumnSettings';
import { ExportButton } from './ExportButton';
import { noFilters, useCaseListParams, type CaseListParams } from './useCaseListParams';
import { useColumnPrefs } from './useColumnPrefs';

/** The table's own scroll height: the window minus the search area, so the page itself never scrolls far. */
function useTableHeight(reserved: number): number {
  const [height, setHeight] = useState(() => Math.max(280, window.innerHeight - reserved));
  useEffect(() => {
    const onResize = () => setHeight(Math.max(280, window.innerHeight - reserved));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [reserved]);
  return height;
}

/** Route /cases: search, filter, sort and page through the cases; a row opens the case. */
export function CaseListPage() {
  const { user, can } = useAccess();
  const { params, update, input, pageSizes } = useCaseListParams();
  const { data: clerks } = useListClerksQuery();
  const { data, isFetching, error } = useListCasesQuery(input);
  const { data: catalog } = useGetCatalogQuery();
  const prefs = useColumnPrefs(defaultHiddenColumns);
  const navigate = useNavigate();
  const height = useTableHeight(400);
  // Remounts the filters so the search box empties too when every condition is cleared.
  const [round, setRound] = useState(0);

  const all = caseColumns(params);
  const columns = all.filter((c) => !prefs.hidden.includes(String(c.key)));
  const width = columns.reduce((sum, c) => sum + Number(c.width ?? 120), 0);

  return (
    <Card
      title="案件查询"
      extra={
        <Space size={12}>
          <Select
            allowClear
            placeholder="全部登记人"
            style={{ width: 160 }}
            value={params.clerk}
            onChange={(clerk?: string) => update({ clerk })}
            options={(clerks ?? [])
              .map((c) => ({ value: c.id, label: c.id === user?.id ? `我（${c.name}）` : c.name }))
              .sort((a, b) => Number(b.value === user?.id) - Number(a.value === user?.id))}
            aria-label="登记人"
          />
          <Button
            onClick={() => {
              update(noFilters);
              setRound((r) => r + 1);
            }}
          >
            清除条件
          </Button>
          {can('cases:export') && <ExportButton input={input} total={data?.total} />}
          <ColumnSettings
            columns={all.map((c) => ({ key: String(c.key), title: c.title as string }))}
            hidden={prefs.hidden}
            onChange={prefs.setHidden}
            onReset={prefs.reset}
          />
        </Space>
      }
    >
      <CaseFilters key={round} params={params} update={update} catalog={catalog} />
      {/* ── statistics (issue 15) ── */}
      {params.statistic && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`统计分析：${params.statistic.label}`}
          action={
            <Button size="small" onClick={() => update({ statistic: undefined })}>
              取消统计条件
            </Button>
          }
        />
      )}
      <ErrorAlert error={error ? asApiError(error) : null} />
      <Table<CaseListItem>
        virtual
        size="small"
        rowKey="id"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: width, y: height }}
        locale={{ emptyText: params.q ? `没有找到与“${params.q}”相关的案件` : '暂无案件' }}
        onRow={(c) => ({ onClick: () => void navigate(`/cases/${c.id}`), style: { cursor: 'pointer' } })}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort' || Array.isArray(sorter)) return;
          const key = sorter.columnKey as CaseListParams['sort'] | undefined;
          if (!sorter.order || !key) update({ sort: 'receivedOn', order: 'desc' });
          else update({ sort: key, order: sorter.order === 'ascend' ? 'asc' : 'desc' });
        }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: data?.total ?? 0,
          pageSizeOptions: pageSizes,
          showSizeChanger: true,
          showTotal: (total) => <Typography.Text type="secondary">共 {total} 件</Typography.Text>,
          onChange: (page, pageSize) => update({ page, pageSize }),
        }}
      />
    </Card>
  );
}
