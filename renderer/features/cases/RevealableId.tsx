import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { asApiError } from '../../components/forms';
import { useRevealIdNumberMutation } from './casesApi';

interface Props {
  caseId: string;
  casePartyId: string;
  masked: string | null;
  agent?: boolean;
}

/** A masked ID number with 查看: the full number is fetched on request, and the request is audited. */
export function RevealableId({ caseId, casePartyId, masked, agent = false }: Props) {
  const [reveal, { isLoading }] = useRevealIdNumberMutation();
  const [full, setFull] = useState<string | null>(null);
  const { message } = App.useApp();
  if (!masked) return <Typography.Text type="secondary">未登记</Typography.Text>;
  if (full) {
    return (
      <Tooltip title="已记入审计日志">
        <Typography.Text copyable data-testid="revealed-id">
          {full}
        </Typography.Text>
      </Tooltip>
    );
  }
  const show = async () => {
    const result = await reveal({ caseId, casePartyId, agent });
    if ('error' in result) void message.error(asApiError(result.error).message);
    else setFull(result.data.idNumber);
  };
  return (
    <Space size={4}>
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{masked}</span>
      <Tooltip title="查看完整号码（将记入审计日志）">
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          loading={isLoading}
          onClick={() => void show()}
        >
          查看
        </Button>
      </Tooltip>
    </Space>
  );
}
