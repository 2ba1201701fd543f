import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Empty, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import {
  countsText,
  type ApiError,
  type ExchangeOverviewDto,
  type ExchangePackageDto,
} from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { sizeText } from '../../components/files';
import { asApiError } from '../../components/forms';
import { useGeneratePackageMutation, usePackagePlanQuery } from './exchangeApi';

/** 生成数据包: to whom, what it will carry (counted), where to save it. */
/** Files a record cannot carry (MAX_EXCHANGED_FILE_BYTES): said, not hidden. */
const tooLargeText = (n: number) =>
  `${n}个文件超过20 MB，不能放入数据包（如含大幅扫描件的卷宗归档PDF）；对方收到卷宗及其全部材料后，可在对方本机导出卷宗PDF。`;

export function SendPanel({ overview }: { overview: ExchangeOverviewDto }) {
  const peers = overview.trusted.filter((t) => !t.revokedAt);
  const [officeId, setOfficeId] = useState<string | undefined>(peers[0]?.officeId);
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<ExchangePackageDto | null>(null);
  const chosen = peers.some((p) => p.officeId === officeId) ? officeId : peers[0]?.officeId;
  const plan = usePackagePlanQuery(
    { officeId: chosen ?? '' },
    { skip: !chosen, refetchOnMountOrArgChange: true },
  );
  const [generate, { isLoading }] = useGeneratePackageMutation();

  if (!peers.length) return <Empty description="请先在“信任机构”中导入对方的机构密钥卡" />;

  const submit = async () => {
    if (!chosen) return;
    setError(null);
    setDone(null);
    const result = await generate({ officeId: chosen, folder });
    if ('error' in result) return setError(asApiError(result.error));
    setDone(result.data);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={error ?? (plan.error ? asApiError(plan.error) : null)} />
      <Space wrap>
        <Typography.Text>发给</Typography.Text>
        <Select
          aria-label="接收机构"
          style={{ minWidth: 260 }}
          value={chosen}
          onChange={setOfficeId}
          options={peers.map((p) => ({ value: p.officeId, label: p.officeName }))}
        />
      </Space>
      {plan.data && (
        <Descriptions size="small" column={1} bordered data-testid="package-plan">
          <Descriptions.Item label="下一个数据包">第{plan.data.sequence}号</Descriptions.Item>
          <Descriptions.Item label="包含">
            {countsText(plan.data.counts, '没有新的记录')}（本机构新增或修改、对方尚未确认收到的）
          </Descriptions.Item>
          {plan.data.tooLarge > 0 && (
            <Descriptions.Item label="不能随包发送">
              <span data-testid="too-large">{tooLargeText(plan.data.tooLarge)}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="回执">
            {plan.data.receiptThrough
              ? `确认已收到对方第${plan.data.receiptThrough}号及以前的数据包`
              : '尚未收到过对方的数据包'}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label="保存位置"
          placeholder="保存到的文件夹，如 E:\数据交换 或 /media/usb/数据交换"
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
        />
        <Button
          type="primary"
          icon={<ExportOutlined />}
          onClick={() => void submit()}
          loading={isLoading}
          disabled={!folder.trim()}
        >
          生成数据包
        </Button>
      </Space.Compact>
      {done && (
        <Alert
          type="success"
          showIcon
          title={`已生成发往${done.officeName}的第${done.sequence}号数据包（${sizeText(done.size)}）`}
          description={
            <>
              <div>文件：{done.path}</div>
              {done.tooLarge > 0 && <div>{tooLargeText(done.tooLarge)}</div>}
              <div>
                请把这个文件交给对方导入。数据包已加密，只有对方能打开；丢失也不要紧，下一个数据包会包含同样的内容。
              </div>
            </>
          }
        />
      )}
    </Space>
  );
}
