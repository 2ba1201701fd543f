import { FileAddOutlined, EyeOutlined, HistoryOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  DOCUMENT_HANDLERS,
  generateAccess,
  type DocumentAvailabilityDto,
  type DocumentKindIdDto,
  type DocumentVersionDto,
  type GeneratedDocumentDto,
} from '../../../main/contract';
import { useAccess } from '../../app/access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { ConfirmationModal } from './ConfirmationModal';
import { useCaseDocumentsQuery, useGenerateDocumentMutation } from './documentsApi';
import { PreviewModal } from './PreviewModal';
import { VersionsDrawer } from './VersionsDrawer';

/** What the 生成 button says: the form's everyday name. */
const shortName: Record<DocumentKindIdDto, string> = {
  application: '申请书',
  'intake-register': '受理登记表',
  'rights-notice': '权利义务告知书',
  'investigation-record': '调查记录',
  'mediation-record': '调解记录',
  agreement: '协议书',
  'oral-agreement': '口头协议登记表',
  'confirmation-application': '司法确认申请书',
  'court-report': '调解情况说明',
  'termination-notice': '终止告知书',
  'return-visit': '回访记录',
  'dossier-cover': '卷宗封面',
  'dossier-contents': '卷内目录',
  'dossier-note': '备考表',
};

/** The outcome documents a mediator comes here for stand out; the others stay quiet. */
const emphasised = new Set<DocumentKindIdDto>([
  'agreement',
  'oral-agreement',
  'confirmation-application',
  'court-report',
  'termination-notice',
]);

function Availability({ row }: { row: DocumentAvailabilityDto }) {
  if (!row.available) {
    return (
      <Space orientation="vertical" size={0}>
        <Tag>暂不可生成</Tag>
        {row.reasons.map((r) => (
          <Typography.Text key={r} type="secondary" style={{ fontSize: 12 }}>
            {r}
          </Typography.Text>
        ))}
      </Space>
    );
  }
  return (
    <Space orientation="vertical" size={0}>
      <Tag color="green">可生成</Tag>
      {row.warnings.map((w) => (
        <Typography.Text key={w} type="warning" style={{ fontSize: 12 }}>
          {w}
        </Typography.Text>
      ))}
    </Space>
  );
}

/**
 * 文书 for the case page: the standard forms in binding order, which may be generated now
 * (and in plain words why the others may not), 生成 → preview → 打印 / 另存为 / 下载, every
 * stored version with its hash and 核验码, and the signed scans.
 */
export function DocumentsPanel({ caseId, voided = false }: { caseId: string; voided?: boolean }) {
  const { message } = App.useApp();
  const { can } = useAccess();
  const { data, error, isFetching } = useCaseDocumentsQuery(caseId);
  // Roles that handle cases, on a case this user may change (committee scope); the 受理员 prints
  // the intake forms of a case in their scope.
  const writable = data?.writable === true;
  const mayGenerate = can(DOCUMENT_HANDLERS) && writable;
  const intakeOnly = !can(DOCUMENT_HANDLERS) && can('cases:create') && writable;
  const [generate] = useGenerateDocumentMutation();
  const [generating, setGenerating] = useState<DocumentKindIdDto | null>(null);
  const [failure, setFailure] = useState<ReturnType<typeof asApiError> | null>(null);
  const [preview, setPreview] = useState<{ version: DocumentVersionDto; notice?: string } | null>(null);
  const [history, setHistory] = useState<DocumentAvailabilityDto | null>(null);
  const [confirming, setConfirming] = useState<DocumentAvailabilityDto | null>(null);

  const start = async (row: DocumentAvailabilityDto) => {
    setFailure(null);
    if (row.kind === 'confirmation-application') {
      setConfirming(row);
      return;
    }
    setGenerating(row.kind);
    const result = await generate({ caseId, kind: row.kind });
    setGenerating(null);
    if ('error' in result) setFailure(asApiError(result.error));
    else show(result.data);
  };

  /** Opens what was generated; content identical to the latest version reuses it, and says so. */
  const show = (generated: GeneratedDocumentDto) => {
    if (!generated.unchanged) {
      setPreview({ version: generated });
      return;
    }
    const notice = `内容与第${generated.versionNo}版相同，未生成新版本，以下为第${generated.versionNo}版。`;
    void message.info(notice);
    setPreview({ version: generated, notice });
  };

  return (
    <Card
      title="文书"
      extra={
        <Link to="/verify">
          <SafetyCertificateOutlined /> 核验协议书
        </Link>
      }
      data-testid="documents-panel"
    >
      <ErrorAlert error={error ? asApiError(error) : failure} />
      {voided && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="本案已作废，不能生成文书；作废前已生成的文书仍可查看。"
        />
      )}
      {data && !voided && !mayGenerate && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            intakeOnly
              ? '受理时当事人签署的申请书、受理登记表和权利义务告知书可在此生成、打印；其他文书由承办调解员或分流员生成。'
              : writable
                ? '您可以预览和导出已生成的文书；生成文书由承办调解员或分流员操作。'
                : '本案不由您所在的调解组织承办：您可以预览和导出已生成的文书，不能生成或上传。'
          }
        />
      )}
      <Table<DocumentAvailabilityDto>
        rowKey="kind"
        size="small"
        loading={isFetching && !data}
        dataSource={(data?.kinds ?? []).filter((k) => !voided || k.versionCount > 0)}
        locale={{ emptyText: voided ? '作废前未生成文书' : undefined }}
        pagination={false}
        columns={[
          {
            title: '文书',
            dataIndex: 'title',
            width: 240,
            render: (title: string, row) => (
              <Space size={4}>
                <span>{title}</span>
                {row.verified && (
                  <Tooltip title="带核验二维码和核验码">
                    <Tag color="red">核验</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          // Whether a form can be generated only matters to someone who may generate it.
          ...(writable
            ? [
                {
                  title: '状态',
                  render: (_: unknown, row: DocumentAvailabilityDto) => <Availability row={row} />,
                },
              ]
            : []),
          {
            title: '最新版本',
            width: 210,
            render: (_: unknown, row) =>
              row.latest ? (
                <Space orientation="vertical" size={0}>
                  <span>
                    第{row.latest.versionNo}版 · {row.latest.generatedByName}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dayjs(row.latest.generatedAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                  {row.latest.shortCode && (
                    <Typography.Text style={{ fontSize: 12 }}>核验码 {row.latest.shortCode}</Typography.Text>
                  )}
                  {row.latest.scans.length > 0 && (
                    <Tag color="blue" style={{ marginTop: 2, width: 'fit-content' }}>
                      已上传签署件
                    </Tag>
                  )}
                </Space>
              ) : (
                <Typography.Text type="secondary">未生成</Typography.Text>
              ),
          },
          {
            title: '操作',
            width: 320,
            render: (_: unknown, row) => (
              <Space wrap size={6}>
                {!voided && writable && can(generateAccess(row.kind)) && (
                  <Button
                    size="small"
                    type={row.available && emphasised.has(row.kind) ? 'primary' : 'default'}
                    icon={<FileAddOutlined />}
                    disabled={!row.available}
                    loading={generating === row.kind}
                    onClick={() => void start(row)}
                  >
                    生成{shortName[row.kind]}
                  </Button>
                )}
                {row.latest && (
                  <Button
                    size="small"
                    icon={<EyeOutlined />}
                    onClick={() => setPreview({ version: row.latest! })}
                  >
                    预览
                  </Button>
                )}
                {row.versionCount > 0 && (
                  <Button size="small" icon={<HistoryOutlined />} onClick={() => setHistory(row)}>
                    版本（{row.versionCount}）
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {preview && (
        <PreviewModal
          key={preview.version.id}
          version={preview.version}
          {...(preview.notice ? { notice: preview.notice } : {})}
          onClose={() => setPreview(null)}
        />
      )}
      {history && (
        <VersionsDrawer
          caseId={caseId}
          kind={history.kind}
          title={history.title}
          canUpload={mayGenerate}
          onPreview={(version) => setPreview({ version })}
          onClose={() => setHistory(null)}
        />
      )}
      {confirming && data?.confirmation && (
        <ConfirmationModal
          caseId={caseId}
          confirmation={data.confirmation}
          warnings={confirming.warnings}
          onClose={() => setConfirming(null)}
          onGenerated={(version) => {
            setConfirming(null);
            show(version);
          }}
        />
      )}
    </Card>
  );
}
