import { UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Space, Table, Tag, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { infoSetNames, type ProvinceBatchDto } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useProvinceAcknowledgeMutation, useProvinceReceiptMutation } from './provinceApi';

// 批次记录: every batch with its counts and receipt state; a pending batch is marked 已报送 by
// hand (with the date) or by the province's receipt file. Either moves the watermark.

function AcknowledgeModal({ batch, onClose }: { batch: ProvinceBatchDto; onClose: () => void }) {
  const [acknowledge, { error, isLoading }] = useProvinceAcknowledgeMutation();
  const submit = async (v: { on: Dayjs; note?: string }) => {
    const result = await acknowledge({
      batchNo: batch.batchNo,
      on: v.on.format('YYYY-MM-DD'),
      ...(v.note ? { note: v.note } : {}),
    });
    if (!('error' in result)) onClose();
  };
  return (
    <Modal open title={`登记第${batch.batchNo}批已报送`} footer={null} onCancel={onClose}>
      <ErrorAlert error={error ? asApiError(error) : null} />
      <Form
        layout="vertical"
        initialValues={{ on: dayjs() }}
        onFinish={(v: { on: Dayjs; note?: string }) => void submit(v)}
      >
        <Form.Item name="on" label="报送日期" rules={[{ required: true, message: '请选择报送日期' }]}>
          <DatePicker aria-label="报送日期" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} placeholder="如：已在自治区平台上传，电话确认接收" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isLoading}>
          确认已报送
        </Button>
      </Form>
    </Modal>
  );
}

export function BatchHistory({ history }: { history: ProvinceBatchDto[] }) {
  const { message } = App.useApp();
  const [marking, setMarking] = useState<ProvinceBatchDto | null>(null);
  const [receipt, { error }] = useProvinceReceiptMutation();
  const total = (b: ProvinceBatchDto) => infoSetNames.reduce((n, s) => n + (b.counts[s] ?? 0), 0);
  return (
    <>
      <ErrorAlert error={error ? asApiError(error) : null} />
      <Table
        data-testid="province-history"
        size="small"
        rowKey="id"
        dataSource={history}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '尚未生成过报送批次' }}
        columns={[
          { title: '批次', dataIndex: 'batchNo', width: 80, render: (n: number) => `第${n}批` },
          {
            title: '生成时间',
            dataIndex: 'createdAt',
            width: 170,
            render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm'),
          },
          { title: '生成人', dataIndex: 'createdByName', width: 100 },
          {
            title: '记录数',
            render: (_v, b) =>
              `${total(b)}条（案件${b.counts.cases ?? 0}）${b.heldBack ? `，暂缓${b.heldBack}` : ''}`,
          },
          { title: '导出次数', dataIndex: 'exports', width: 90 },
          {
            title: '状态',
            width: 220,
            render: (_v, b) =>
              b.state === 'acknowledged' ? (
                <Tag color="green">
                  已报送 {b.acknowledgedOn}（{b.acknowledgement === 'receipt' ? '回执' : b.acknowledgedByName}
                  ）
                </Tag>
              ) : (
                <Tag color="orange">待回执</Tag>
              ),
          },
          {
            title: '',
            width: 220,
            render: (_v, b) =>
              b.state === 'pending' && (
                <Space>
                  <Button size="small" onClick={() => setMarking(b)} disabled={b.exports === 0}>
                    登记已报送
                  </Button>
                  <Upload
                    accept=".json,application/json"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void file.text().then(async (text) => {
                        const result = await receipt({ receipt: text });
                        if (!('error' in result))
                          void message.success(`第${b.batchNo}批已按回执登记为已报送`);
                      });
                      return false;
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />} disabled={b.exports === 0}>
                      导入回执
                    </Button>
                  </Upload>
                </Space>
              ),
          },
        ]}
      />
      {marking && <AcknowledgeModal batch={marking} onClose={() => setMarking(null)} />}
    </>
  );
}
