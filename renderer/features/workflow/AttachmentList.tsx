import { DownloadOutlined, EyeOutlined, FilePdfOutlined, FileImageOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Space, Table, Typography, type UploadFile } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { recordKindLabels, type WorkflowDto } from '../../../main/contract';
import { DeskError, invoke } from '../../api/desk';
import { evidenceHint, EvidenceUpload, useUploadEvidence } from './EvidenceUpload';
import { fromBase64, saveBlob, sizeText } from './files';

type Attachment = WorkflowDto['attachments'][number];

const previewable = ['image/jpeg', 'image/png'];

function recordName(wf: WorkflowDto, recordId: string | null): string {
  const r = wf.records.find((x) => x.id === recordId);
  return r ? `${recordKindLabels[r.kind]} ${dayjs(r.heldAt).format('MM-DD HH:mm')}` : '—';
}

/** Evidence kept (encrypted) with the case: opened on demand, never cached in the page's state. */
export function AttachmentList({ wf, canUpload }: { wf: WorkflowDto; canUpload: boolean }) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<{ name: string; url: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  const open = async (a: Attachment, mode: 'preview' | 'download') => {
    setBusy(a.id);
    try {
      const file = await invoke('workflow:getAttachment', { id: a.id });
      const blob = fromBase64(file.dataBase64, file.mimeType);
      if (mode === 'download') saveBlob(blob, file.fileName);
      else setPreview({ name: file.fileName, url: URL.createObjectURL(blob) });
    } catch (error) {
      void message.error(error instanceof DeskError ? error.message : '打开材料失败，请重试');
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {canUpload && (
        <div style={{ marginBottom: 12 }}>
          <Button onClick={() => setUploading(true)}>上传证据材料</Button>
        </div>
      )}
      <Table<Attachment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={wf.attachments}
        locale={{ emptyText: '暂无证据材料' }}
        columns={[
          {
            title: '文件',
            key: 'name',
            render: (_v, a) => (
              <Space size={6}>
                {a.mimeType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />}
                <span>{a.fileName}</span>
                {a.description && <Typography.Text type="secondary">（{a.description}）</Typography.Text>}
              </Space>
            ),
          },
          { title: '大小', key: 'size', width: 80, render: (_v, a) => sizeText(a.size) },
          { title: '所属记录', key: 'record', width: 150, render: (_v, a) => recordName(wf, a.recordId) },
          {
            title: '上传',
            key: 'added',
            width: 170,
            render: (_v, a) => `${a.addedByName} ${dayjs(a.addedAt).format('MM-DD HH:mm')}`,
          },
          {
            title: '操作',
            key: 'actions',
            width: 150,
            render: (_v, a) => (
              <Space size={0}>
                {previewable.includes(a.mimeType) && (
                  <Button
                    type="link"
                    size="small"
                    icon={<EyeOutlined />}
                    loading={busy === a.id}
                    onClick={() => void open(a, 'preview')}
                  >
                    预览
                  </Button>
                )}
                <Button
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() => void open(a, 'download')}
                >
                  下载
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {preview && (
        <Modal
          open
          title={preview.name}
          footer={null}
          width={880}
          onCancel={() => {
            URL.revokeObjectURL(preview.url);
            setPreview(null);
          }}
        >
          <img
            src={preview.url}
            alt={preview.name}
            style={{ display: 'block', maxWidth: '100%', margin: '0 auto' }}
          />
        </Modal>
      )}
      {uploading && <UploadModal wf={wf} onClose={() => setUploading(false)} />}
    </>
  );
}

function UploadModal({ wf, onClose }: { wf: WorkflowDto; onClose: () => void }) {
  const [form] = Form.useForm<{ files?: UploadFile[]; recordId?: string; description?: string }>();
  const upload = useUploadEvidence();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    const failures = await upload(wf.caseId, v.files ?? [], v.recordId, v.description?.trim());
    setBusy(false);
    if (failures.length) {
      form.setFields([{ name: 'files', errors: failures }]);
      return;
    }
    void message.success('材料已上传');
    onClose();
  };

  return (
    <Modal
      open
      title="上传证据材料"
      okText="上传"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="files"
          label="文件"
          extra={evidenceHint}
          rules={[{ required: true, message: '请选择要上传的文件' }]}
        >
          <EvidenceUpload />
        </Form.Item>
        <Form.Item name="recordId" label="所属记录">
          <Select
            allowClear
            placeholder="不属于某次记录的可不选"
            options={wf.records.map((r) => ({
              value: r.id,
              label: `${recordKindLabels[r.kind]} ${dayjs(r.heldAt).format('YYYY-MM-DD HH:mm')} ${r.place}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input maxLength={200} placeholder="如：医院出具的诊断证明" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
