import { Card, Space, Typography } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { BatchHistory } from './BatchHistory';
import { ExportPanel } from './ExportPanel';
import { useProvinceOverviewQuery } from './provinceApi';
import { ValidationPanel } from './ValidationPanel';

/** Route /province: 省级报送 — validate, export the data package, record receipts, history. */
export function ProvincePage() {
  const overview = useProvinceOverviewQuery(undefined, { refetchOnMountOrArgChange: true });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <ErrorAlert error={overview.error ? asApiError(overview.error) : null} />
      <Card
        title="省级报送数据包"
        extra={
          overview.data && (
            <Typography.Text type="secondary" data-testid="province-fingerprint">
              本机指纹 {overview.data.fingerprint}
            </Typography.Text>
          )
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          按“人民调解组织、人民调解员、矛盾纠纷排查、人民调解案件”四个信息集报送本组织（及下级）自上次已报送以来新增和修改的记录。
          数据包附有本机签名；省级系统核对本机指纹后即可确认数据包未被改动。
        </Typography.Paragraph>
        <ValidationPanel />
      </Card>
      <Card title="导出">{overview.data && <ExportPanel overview={overview.data} />}</Card>
      <Card title="批次记录">
        <BatchHistory history={overview.data?.history ?? []} />
      </Card>
    </Space>
  );
}
