import { CheckOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Input, Space, Table } from 'antd';
import { useState } from 'react';
import {
  exchangeTableLabels,
  exchangeTables,
  type ApiError,
  type ExchangeImportDto,
  type ExchangePreviewDto,
} from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useImportPackageMutation, usePreviewPackageMutation } from './exchangeApi';
import { ImportProgressBar, useCallProgress } from './ImportProgressBar';

/** The tables the package carries anything of, in the order it carries them. */
const rows = (counts: ExchangePreviewDto['counts']) =>
  exchangeTables
    .filter((t) => Object.values(counts[t]).some((n) => n > 0))
    .map((t) => ({ key: t, label: exchangeTableLabels[t], ...counts[t] }));

const conflicts = (counts: ExchangePreviewDto['counts']) =>
  Object.values(counts).reduce((sum, c) => sum + c.conflict, 0);

/** 导入数据包: verify and preview what would change, then apply in one step, with a progress bar. */
export function ReceivePanel() {
  const [path, setPath] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [preview, setPreview] = useState<ExchangePreviewDto | null>(null);
  const [done, setDone] = useState<ExchangeImportDto | null>(null);
  const [check, checking] = usePreviewPackageMutation();
  const [apply, applying] = useImportPackageMutation();
  const [jobId, setJobId] = useState<string | null>(null);
  const progress = useCallProgress(jobId);

  const verify = async () => {
    setError(null);
    setPreview(null);
    setDone(null);
    const id = crypto.randomUUID();
    setJobId(id);
    const result = await check({ path, jobId: id });
    if ('error' in result) return setError(asApiError(result.error));
    setPreview(result.data);
  };

  const submit = async () => {
    setError(null);
    const id = crypto.randomUUID();
    setJobId(id);
    const result = await apply({ path, jobId: id });
    if ('error' in result) return setError(asApiError(result.error));
    setPreview(null);
    setDone(result.data);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label="数据包文件"
          placeholder="对方交来的数据包的完整路径，如 E:\县乡数据交换-…-第0001号.zip"
          value={path}
          onChange={(e) => {
            setPath(e.target.value);
            setPreview(null);
          }}
          onPressEnter={() => void verify()}
        />
        <Button
          icon={<SafetyOutlined />}
          onClick={() => void verify()}
          loading={checking.isLoading}
          disabled={!path.trim()}
        >
          校验
        </Button>
      </Space.Compact>
      <ImportProgressBar progress={progress} />
      {preview && (
        <>
          <Alert type="success" showIcon title="数据包完整，签名有效" />
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="发送机构">
              {preview.officeName}（指纹 {preview.fingerprint}）
            </Descriptions.Item>
            <Descriptions.Item label="数据包">
              第{preview.sequence}号，{preview.createdAt.slice(0, 16).replace('T', ' ')} 生成，共
              {preview.records}条记录
            </Descriptions.Item>
            <Descriptions.Item label="回执">
              {preview.receiptThrough
                ? `对方已收到本机第${preview.receiptThrough}号及以前的数据包`
                : '对方尚未收到本机的数据包'}
            </Descriptions.Item>
          </Descriptions>
          {preview.restoredFrom && (
            <Alert
              type="info"
              showIcon
              title={`${preview.officeName}已从备份恢复数据，请本机重新发送`}
              description="导入后，发往该机构的下一个数据包将重新包含双方共享的全部记录。"
            />
          )}
          {preview.resend && (
            <Alert
              type="info"
              showIcon
              title="这是对方重新发送的全部共享记录"
              description="本机从备份恢复后丢失的数据将由它补回；与本机相同的记录不会重复写入。"
            />
          )}
          {preview.auditFindings.map((f) => (
            <Alert key={f} type="warning" showIcon title={f} description="导入后将记入审计告警。" />
          ))}
          <CountsTable counts={preview.counts} />
          <Button
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => void submit()}
            loading={applying.isLoading}
          >
            导入
          </Button>
        </>
      )}
      {done && (
        <Alert
          type="success"
          showIcon
          title={`已导入${done.officeName}的第${done.sequence}号数据包（共${done.records}条记录）`}
          description={
            conflicts(done.counts)
              ? `有${conflicts(done.counts)}条记录双方都修改过，请到“冲突处理”中决定保留哪一方。`
              : '下次向对方发送数据包时会附上回执。'
          }
        />
      )}
      {done && <CountsTable counts={done.counts} />}
    </Space>
  );
}

function CountsTable({ counts }: { counts: ExchangePreviewDto['counts'] }) {
  return (
    <Table
      size="small"
      pagination={false}
      dataSource={rows(counts)}
      locale={{ emptyText: '数据包中没有记录（只有回执）' }}
      columns={[
        { title: '数据', dataIndex: 'label' },
        { title: '新增', dataIndex: 'new' },
        { title: '更新', dataIndex: 'updated' },
        { title: '无变化', dataIndex: 'unchanged' },
        { title: '冲突', dataIndex: 'conflict' },
      ]}
    />
  );
}
