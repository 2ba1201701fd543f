import { DownloadOutlined, EyeOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Image, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { DocumentScanDto, DocumentVersionDto } from '../../../main/contract';
import { DeskError, invoke } from '../../api/desk';
import { asApiError } from '../../components/forms';
import { useAttachScanMutation, useDocumentVersionsQuery } from './documentsApi';
import {
  base64ToBlob,
  blobToBase64,
  downloadBlob,
  scanAccept,
  scanMimeOf,
  scanProblem,
  sizeText,
} from './files';

/** 上传签署扫描件: the signed, thumb-printed paper, scanned, kept with the version it was printed from. */
export function ScanUpload({ caseId, version }: { caseId: string; version: DocumentVersionDto }) {
  const { message } = App.useApp();
  const [attach, { isLoading }] = useAttachScanMutation();
  return (
    <Upload
      accept={scanAccept}
      showUploadList={false}
      beforeUpload={(file) => {
        const problem = scanProblem(file);
        if (problem) {
          void message.error(problem);
          return Upload.LIST_IGNORE;
        }
        void (async () => {
          const result = await attach({
            caseId,
            versionId: version.id,
            fileName: file.name.slice(0, 120),
            mimeType: scanMimeOf(file)!,
            dataBase64: await blobToBase64(file),
          });
          if ('error' in result) void message.error(asApiError(result.error).message);
          else void message.success(`已将“${file.name}”作为第${version.versionNo}版的签署扫描件保存`);
        })();
        return false;
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={isLoading}>
        上传签署扫描件
      </Button>
    </Upload>
  );
}

function ScanLinks({ scans }: { scans: DocumentScanDto[] }) {
  const { message } = App.useApp();
  const [image, setImage] = useState<string | null>(null);
  if (scans.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  const open = async (scan: DocumentScanDto, view: boolean) => {
    try {
      const file = await invoke('documents:getScan', { scanId: scan.id });
      const blob = base64ToBlob(file.dataBase64, file.mimeType);
      if (view) setImage(URL.createObjectURL(blob));
      else downloadBlob(blob, file.fileName);
    } catch (error) {
      void message.error(error instanceof DeskError ? error.message : '无法读取扫描件');
    }
  };
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }}>
      {scans.map((s) => (
        <div key={s.id}>
          <Tooltip title={`${s.addedByName} 上传于 ${dayjs(s.addedAt).format('YYYY-MM-DD HH:mm')}`}>
            <Typography.Text ellipsis style={{ maxWidth: 260 }}>
              <PaperClipOutlined /> {s.fileName}（{sizeText(s.size)}）
            </Typography.Text>
          </Tooltip>
          <div>
            {s.mimeType !== 'application/pdf' && (
              <Button
                type="link"
                size="small"
                icon={<EyeOutlined />}
                onClick={() => void open(s, true)}
                style={{ paddingLeft: 0 }}
              >
                查看
              </Button>
            )}
            <Button
              type="link"
              size="small"
              icon={<DownloadOutlined />}
              onClick={() => void open(s, false)}
              style={{ paddingLeft: 0 }}
            >
              下载
            </Button>
          </div>
        </div>
      ))}
      {image && (
        <Image
          style={{ display: 'none' }}
          src={image}
          preview={{
            open: true,
            onOpenChange: (open) => {
              if (!open) {
                URL.revokeObjectURL(image);
                setImage(null);
              }
            },
          }}
        />
      )}
    </Space>
  );
}

/** Every stored version of one document, newest first: who made it, when, its hash, 核验码 and scans. */
export function VersionsDrawer({
  caseId,
  kind,
  title,
  canUpload,
  onPreview,
  onClose,
}: {
  caseId: string;
  kind: DocumentVersionDto['kind'];
  title: string;
  canUpload: boolean;
  onPreview: (version: DocumentVersionDto) => void;
  onClose: () => void;
}) {
  const { data, isFetching } = useDocumentVersionsQuery({ caseId, kind });
  return (
    <Drawer open title={`${title} · 版本记录`} size={980} onClose={onClose}>
      <Table<DocumentVersionDto>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data ?? []}
        pagination={false}
        columns={[
          {
            title: '版本',
            dataIndex: 'versionNo',
            width: 90,
            render: (n: number, v) => (
              <Space orientation="vertical" size={2}>
                <span>{`第${n}版`}</span>
                {v.latest && <Tag color="blue">最新</Tag>}
              </Space>
            ),
          },
          {
            title: '生成',
            width: 150,
            render: (_: unknown, v) => (
              <>
                <div>{v.generatedByName}</div>
                <Typography.Text type="secondary">
                  {dayjs(v.generatedAt).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </>
            ),
          },
          {
            title: '校验',
            width: 210,
            render: (_: unknown, v) => (
              <Space orientation="vertical" size={2}>
                <Typography.Text copyable={{ text: v.sha256 }} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  SHA-256 <Typography.Text code>{v.sha256.slice(0, 12)}</Typography.Text>
                </Typography.Text>
                {v.shortCode && (
                  <Typography.Text style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    核验码 <Typography.Text code>{v.shortCode}</Typography.Text>
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '签署扫描件',
            dataIndex: 'scans',
            render: (scans: DocumentScanDto[]) => <ScanLinks scans={scans} />,
          },
          {
            title: '操作',
            width: 150,
            render: (_: unknown, v) => (
              <Space orientation="vertical" size={4}>
                <Button size="small" icon={<EyeOutlined />} onClick={() => onPreview(v)}>
                  预览
                </Button>
                {canUpload && <ScanUpload caseId={caseId} version={v} />}
              </Space>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
