import { Card, Spin, Tabs } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useGetCatalogQuery } from './catalogApi';
import { DisputeTypesTab } from './DisputeTypesTab';
import { VillagesTab } from './VillagesTab';

/** Route /catalog (管理员): what the intake form chooses from. */
export function CatalogPage() {
  const { data: catalog, error, isLoading } = useGetCatalogQuery();
  return (
    <Card title="基础目录">
      <ErrorAlert error={error ? asApiError(error) : null} />
      {isLoading && <Spin />}
      {catalog && (
        <Tabs
          items={[
            { key: 'types', label: '纠纷类型', children: <DisputeTypesTab catalog={catalog} /> },
            { key: 'villages', label: '村（社区）', children: <VillagesTab catalog={catalog} /> },
          ]}
        />
      )}
    </Card>
  );
}
