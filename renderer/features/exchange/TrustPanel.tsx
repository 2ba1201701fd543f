import { DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import type {
  ApiError,
  ExchangeOverviewDto,
  KeyCardPreviewDto,
  TrustedOfficeDto,
} from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { saveBlob } from '../../components/files';
import { asApiError } from '../../components/forms';
import {
  useExchangeKeyCardMutation,
  usePreviewKeyCardMutation,
  useRevokeOfficeMutation,
  useTrustOfficeMutation,
} from './exchangeApi';

const kindLabel = { county_center: '县调解中心', township: '乡镇调委会' } as const;

/** This installation's 机构密钥卡 and the offices it trusts (import a card, compare, revoke). */
export function TrustPanel({ overview }: { overview: ExchangeOverviewDto }) {
  const { message } = App.useApp();
  const [exportCard, exporting] = useExchangeKeyCardMutation();
  const [previewCard] = usePreviewKeyCardMutation();
  const [trust, trusting] = useTrustOfficeMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const [card, setCard] = useState<{ text: string; preview: KeyCardPreviewDto } | null>(null);
  const [typed, setTyped] = useState('');
  const file = useRef<HTMLInputElement>(null);

  const download = async () => {
    setError(null);
    const result = await exportCard();
    if ('error' in result) return setError(asApiError(result.error));
    saveBlob(new Blob([result.data.text], { type: 'application/json' }), result.data.fileName);
  };

  const read = async (chosen: File | undefined) => {
    setError(null);
    if (!chosen) return;
    if (chosen.size > 4000) return setError({ code: 'VALIDATION', message: '文件过大，这不是机构密钥卡' });
    const text = await chosen.text();
    const result = await previewCard({ card: text });
    if ('error' in result) return setError(asApiError(result.error));
    setTyped('');
    setCard({ text, preview: result.data });
  };

  const confirm = async () => {
    if (!card) return;
    const result = await trust({ card: card.text, fingerprint: typed });
    if ('error' in result) return setError(asApiError(result.error));
    void message.success(`已信任${result.data.officeName}`);
    setCard(null);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={card ? null : error} />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="本机构">{overview.office.name}</Descriptions.Item>
        <Descriptions.Item label="本机指纹">
          <Typography.Text strong copyable data-testid="own-fingerprint">
            {overview.fingerprint}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        双方各导出本机的机构密钥卡交给对方（U盘或微信文件均可，卡上只有公钥），导入对方的密钥卡后，
        请打电话与对方核对屏幕上的指纹，一致才能信任。
      </Typography.Paragraph>
      <Space>
        <Button icon={<DownloadOutlined />} onClick={() => void download()} loading={exporting.isLoading}>
          导出本机密钥卡
        </Button>
        <Button icon={<ImportOutlined />} onClick={() => file.current?.click()}>
          导入对方密钥卡…
        </Button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          aria-label="机构密钥卡文件"
          style={{ display: 'none' }}
          onChange={(e) => {
            void read(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </Space>
      <TrustedTable rows={overview.trusted} />
      <Modal
        open={card !== null}
        title="核对指纹"
        okText="核对一致，信任该机构"
        cancelText="取消"
        okButtonProps={{ disabled: !typed.trim(), loading: trusting.isLoading }}
        onOk={() => void confirm()}
        onCancel={() => setCard(null)}
      >
        {card && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <ErrorAlert error={error} />
            {card.preview.status === 'replaces' && (
              <Alert
                type="warning"
                showIcon
                title="该机构曾以另一把密钥被信任（已撤销），请务必电话核对新指纹"
              />
            )}
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label="机构">
                {card.preview.office.name}（{kindLabel[card.preview.office.kind]}）
              </Descriptions.Item>
              <Descriptions.Item label="密钥卡指纹">
                <Typography.Text strong data-testid="card-fingerprint">
                  {card.preview.fingerprint}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Text>请对方在其“数据交换”页面读出本机指纹，输入您听到的指纹：</Typography.Text>
            <Input
              aria-label="对方读出的指纹"
              placeholder="XXXX-XXXX-XXXX-XXXX"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onPressEnter={() => void confirm()}
            />
          </Space>
        )}
      </Modal>
    </Space>
  );
}

function TrustedTable({ rows }: { rows: TrustedOfficeDto[] }) {
  const [revoking, setRevoking] = useState<TrustedOfficeDto | null>(null);
  return (
    <>
      <Table<TrustedOfficeDto>
        size="small"
        rowKey="officeId"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '尚未信任任何机构' }}
        columns={[
          { title: '信任机构', dataIndex: 'officeName' },
          {
            title: '指纹',
            dataIndex: 'fingerprint',
            render: (f: string) => <Typography.Text code>{f}</Typography.Text>,
          },
          {
            title: '状态',
            render: (_, r) =>
              r.revokedAt ? (
                <Tag color="red">已撤销（{r.revokeReason}）</Tag>
              ) : (
                <Tag color="green">信任中</Tag>
              ),
          },
          {
            title: '已发 / 已收 / 对方已确认',
            render: (_, r) => `${r.lastSequenceOut} / ${r.lastSequenceIn} / ${r.acknowledgedOut}`,
          },
          { title: '信任人', render: (_, r) => `${r.trustedByName} ${r.trustedAt.slice(0, 10)}` },
          {
            title: '',
            render: (_, r) =>
              !r.revokedAt && (
                <Button size="small" danger onClick={() => setRevoking(r)}>
                  撤销信任
                </Button>
              ),
          },
        ]}
      />
      <RevokeModal office={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function RevokeModal({ office, onClose }: { office: TrustedOfficeDto | null; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [revoke, { isLoading }] = useRevokeOfficeMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async () => {
    if (!office) return;
    const result = await revoke({ officeId: office.officeId, reason });
    if ('error' in result) return setError(asApiError(result.error));
    setReason('');
    setError(null);
    onClose();
  };
  return (
    <Modal
      open={office !== null}
      title={`撤销对${office?.officeName ?? ''}的信任`}
      okText="撤销信任"
      okButtonProps={{ danger: true, loading: isLoading }}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <ErrorAlert error={error} />
      <Typography.Paragraph>
        撤销后，该机构的数据包将被拒绝导入，本机也不能再向其发送数据包。
      </Typography.Paragraph>
      <Input
        aria-label="撤销原因"
        placeholder="如：对方电脑丢失"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}
