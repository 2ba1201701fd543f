import { Alert, Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { infoSetNames, infoSets, type ProvinceValidationDto } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useProvinceValidateMutation } from './provinceApi';

// 校验: what the next batch carries, and each record held back with what to fix and where.

const setTitle = (set: keyof typeof infoSets) => infoSets[set].title;

function Counts({ result }: { result: ProvinceValidationDto }) {
  return (
    <Descriptions size="small" bordered column={2} data-testid="province-counts">
      {infoSetNames.map((set) => (
        <Descriptions.Item key={set} label={setTitle(set)}>
          待报送 {result.ready[set]}
          {result.held[set] > 0 && <Typography.Text type="danger">，暂缓 {result.held[set]}</Typography.Text>}
          <Typography.Text type="secondary">，未变 {result.unchanged[set]}</Typography.Text>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

export function ValidationPanel() {
  const [validate, { data, error, isLoading }] = useProvinceValidateMutation();
  const held = data ? infoSetNames.reduce((n, s) => n + data.held[s], 0) : 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" onClick={() => void validate()} loading={isLoading}>
          校验数据
        </Button>
        <Typography.Text type="secondary">
          检查自上次已报送以来有变动的记录是否符合报送格式和业务规则；未通过的记录暂缓报送，其余可以导出。
        </Typography.Text>
      </Space>
      <ErrorAlert error={error ? asApiError(error) : null} />
      {data && (
        <>
          {data.pendingBatchNo !== null && (
            <Alert
              type="info"
              showIcon
              title={`第${data.pendingBatchNo}批尚未登记为已报送：再次导出将原样重发该批；登记已报送后才会生成新批次。`}
            />
          )}
          <Counts result={data} />
          {held === 0 ? (
            <Alert type="success" showIcon title="所有有变动的记录都通过了校验" />
          ) : (
            <Table
              data-testid="province-held"
              size="small"
              rowKey={(r) => `${r.infoSet}:${r.recordId}`}
              dataSource={data.heldRecords}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              title={() => `${held}条记录未通过校验，暂缓报送`}
              columns={[
                {
                  title: '信息集',
                  dataIndex: 'infoSet',
                  width: 130,
                  render: (s: keyof typeof infoSets) => <Tag>{setTitle(s)}</Tag>,
                },
                { title: '记录', dataIndex: 'label', width: 220 },
                {
                  title: '问题',
                  render: (_v, r) => (
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {r.problems.map((p) => (
                        <li key={p.message}>{p.message}</li>
                      ))}
                    </ul>
                  ),
                },
                { title: '', width: 90, render: (_v, r) => <Link to={r.link}>去修改</Link> },
              ]}
            />
          )}
        </>
      )}
    </Space>
  );
}
