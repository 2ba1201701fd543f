import { FilePdfOutlined, FolderAddOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { dossierCaseKindLabels, type DossierDto } from '../../../main/contract';
import { useAccess } from '../../app/access';
import { applyServerErrors, asApiError } from '../../components/forms';
import { DossierItems } from './DossierItems';
import { DossierReviews } from './DossierReviews';
import {
  useArchiveDossierMutation,
  useDossierQuery,
  useFileDossierMutation,
  useReopenDossierMutation,
} from './dossiersApi';
import { PdfPreviewModal } from './PdfPreviewModal';

// 卷宗 on the case page: 立卷 once the case is closed, every item of the file with what is
// missing and how to fix it, scanning in paper, 归档 (with a written reason when something
// mandatory is missing), the PDF, re-opening (档案员, with a reason) and 案卷评查.

function FileForm({ d }: { d: DossierDto }) {
  const [file, { isLoading }] = useFileDossierMutation();
  const [form] = Form.useForm<{ retention: string; title?: string }>();
  const { message } = App.useApp();
  const submit = async (values: { retention: string; title?: string }) => {
    const result = await file({ caseId: d.caseId, retention: values.retention, title: values.title ?? '' });
    if ('error' in result) {
      if (!applyServerErrors(form, asApiError(result.error)))
        void message.error(asApiError(result.error).message);
      return;
    }
    void message.success(`已立卷，卷号${result.data.dossier?.volumeNumber ?? ''}`);
  };
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ retention: d.retentionDefault }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="retention" label="保管期限" rules={[{ required: true, message: '请选择保管期限' }]}>
        <Select style={{ width: 120 }} options={d.retentionOptions.map((o) => ({ value: o, label: o }))} />
      </Form.Item>
      <Form.Item name="title" label="卷名">
        <Input
          style={{ width: 360 }}
          placeholder="默认：当事人与纠纷类型，如“张三与李四邻里纠纷”"
          maxLength={60}
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<FolderAddOutlined />} loading={isLoading}>
          立卷
        </Button>
      </Form.Item>
    </Form>
  );
}

function ArchiveButton({ d }: { d: DossierDto }) {
  const [archive, { isLoading }] = useArchiveDossierMutation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const { message } = App.useApp();
  const run = async (missingReason?: string) => {
    const result = await archive({ caseId: d.caseId, ...(missingReason ? { missingReason } : {}) });
    if ('error' in result) {
      void message.error(asApiError(result.error).message);
      return;
    }
    setAsking(false);
    void message.success(`已归档（第${result.data.dossier?.revision ?? 1}版），案件已冻结`);
  };
  return (
    <>
      <Button
        type="primary"
        icon={<LockOutlined />}
        loading={isLoading && !asking}
        onClick={() => (d.missing.length ? setAsking(true) : void run())}
      >
        归档
      </Button>
      <Modal
        open={asking}
        title="缺项归档"
        okText="仍然归档"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 10, loading: isLoading }}
        onOk={() => void run(reason.trim())}
        onCancel={() => setAsking(false)}
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="卷宗缺少以下必备材料"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {d.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
        <Typography.Paragraph>
          缺项归档须填写书面理由（至少10个字），理由记入审计日志并打印在备考表上。
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="缺项归档的书面理由"
          rows={3}
          maxLength={300}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}

function ReopenButton({ d }: { d: DossierDto }) {
  const [reopen, { isLoading }] = useReopenDossierMutation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { message } = App.useApp();
  const run = async () => {
    const result = await reopen({ caseId: d.caseId, reason: reason.trim() });
    if ('error' in result) {
      void message.error(asApiError(result.error).message);
      return;
    }
    setOpen(false);
    void message.success('卷宗已重新打开，修改后请再次归档');
  };
  return (
    <>
      <Button icon={<UnlockOutlined />} onClick={() => setOpen(true)}>
        重新打开
      </Button>
      <Modal
        open={open}
        title="重新打开已归档的卷宗"
        okText="重新打开"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 10, loading: isLoading }}
        onOk={() => void run()}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph>
          重新打开后案件解除冻结，可补充或更正材料；再次归档时生成新的卷宗版本，原版本PDF保留。理由记入审计日志。
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="重新打开的理由"
          rows={3}
          maxLength={300}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}

export function DossierPanel({ caseId }: { caseId: string }) {
  const { data: d } = useDossierQuery(caseId);
  const { can } = useAccess();
  const [preview, setPreview] = useState<{ revision?: number } | null>(null);
  if (!d) return null;
  const v = d.dossier;
  const archived = v?.state === 'archived';
  // A committee that sent the case on reads its file; the one handling it keeps it.
  const keeps = !d.keptElsewhere;
  const mayFile = keeps && can('dossiers:file');
  const mayArchive = keeps && can('dossiers:archive');
  const readPdf = can(['dossiers:file', 'dossiers:archive', 'dossiers:review']);
  const title = (
    <Space>
      卷宗
      {v && (
        <Tag color={archived ? 'purple' : 'blue'}>{archived ? `已归档（第${v.revision}版）` : '立卷中'}</Tag>
      )}
      {d.caseKind && <Tag>{dossierCaseKindLabels[d.caseKind]}</Tag>}
    </Space>
  );
  const extra = (
    <Space>
      {v && readPdf && (
        <Button icon={<FilePdfOutlined />} onClick={() => setPreview({})}>
          {archived ? '查看归档PDF' : '预览卷宗PDF'}
        </Button>
      )}
      {v && !archived && mayArchive && <ArchiveButton d={d} />}
      {archived && mayArchive && <ReopenButton d={d} />}
    </Space>
  );
  return (
    <Card title={title} extra={extra} data-testid="dossier-panel">
      {d.keptElsewhere && (
        <Alert
          type="info"
          showIcon
          title={d.keptElsewhere}
          style={{ marginBottom: 12 }}
          data-testid="dossier-kept-elsewhere"
        />
      )}
      {!v && d.cannotFile && <Typography.Text type="secondary">{d.cannotFile}</Typography.Text>}
      {!v &&
        !d.cannotFile &&
        (mayFile ? <FileForm d={d} /> : <Typography.Text type="secondary">本案可以立卷</Typography.Text>)}
      {v && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={4}>
            <Descriptions.Item label="卷号">{v.volumeNumber}</Descriptions.Item>
            <Descriptions.Item label="卷名" span={3}>
              {v.title}
            </Descriptions.Item>
            <Descriptions.Item label="立卷人">{v.filedByName}</Descriptions.Item>
            <Descriptions.Item label="立卷日期">{v.filedOn}</Descriptions.Item>
            <Descriptions.Item label="保管期限">{v.retention}</Descriptions.Item>
            <Descriptions.Item label="调解日期">
              {v.mediationFrom} 至 {v.mediationTo}
            </Descriptions.Item>
          </Descriptions>
          {!archived && d.missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="dossier-missing"
              title={`缺少${d.missing.length}项必备材料，补齐后才能归档`}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {d.missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              }
            />
          )}
          {!archived && d.missing.length === 0 && (
            <Alert type="success" showIcon title="必备材料齐全，可以归档" />
          )}
          <DossierItems d={d} editable={!archived && mayFile} />
          {d.archives.length > 0 && (
            <Descriptions size="small" column={1} title="归档记录">
              {d.archives.map((a) => (
                <Descriptions.Item key={a.revision} label={`第${a.revision}版`}>
                  <Space wrap>
                    {a.archivedAt.slice(0, 10)} {a.archivedByName} 归档，共{a.pageCount}页
                    {a.missingReason && <Tag color="orange">缺项归档：{a.missingReason}</Tag>}
                    {a.reopenedAt && (
                      <Tag>
                        {a.reopenedAt.slice(0, 10)} {a.reopenedByName} 重新打开：{a.reopenReason}
                      </Tag>
                    )}
                    {readPdf && (
                      <Button size="small" type="link" onClick={() => setPreview({ revision: a.revision })}>
                        查看PDF
                      </Button>
                    )}
                  </Space>
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
          <DossierReviews d={d} />
        </Space>
      )}
      {preview && (
        <PdfPreviewModal caseId={caseId} revision={preview.revision} onClose={() => setPreview(null)} />
      )}
    </Card>
  );
}
