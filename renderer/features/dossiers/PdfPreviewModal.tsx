import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../main/contract';
import { invoke } from '../../api/desk';
import { asApiError } from '../../components/forms';
import { fromBase64, saveBlob } from '../../components/files';

// The dossier PDF in the browser's own PDF viewer (Chromium, in Electron and in browser mode),
// with 下载 and 打印. Fetching it is an audited export; the bytes live only in this modal.

export function PdfPreviewModal({
  caseId,
  revision,
  onClose,
}: {
  caseId: string;
  revision?: number;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [file, setFile] = useState<ChannelOutput<'dossiers:pdf'> | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    let live = true;
    let objectUrl: string | null = null;
    invoke('dossiers:pdf', { caseId, ...(revision ? { revision } : {}) })
      .then((f) => {
        if (!live) return;
        objectUrl = URL.createObjectURL(fromBase64(f.dataBase64, 'application/pdf'));
        setFile(f);
        setUrl(objectUrl);
      })
      .catch((e: unknown) => live && setError(asApiError((e as { error?: unknown }).error ?? e).message));
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [caseId, revision]);

  const print = () => {
    try {
      frame.current?.contentWindow?.print();
    } catch {
      void message.error('无法直接打印，请下载后用PDF阅读器打印');
    }
  };

  return (
    <Modal
      open
      width={980}
      title={file ? `卷宗PDF：${file.fileName}` : '卷宗PDF'}
      onCancel={onClose}
      footer={
        <Space>
          {file && (
            <Typography.Text type="secondary" data-testid="pdf-pages">
              共{file.pageCount}页
            </Typography.Text>
          )}
          <Button
            icon={<DownloadOutlined />}
            disabled={!file}
            onClick={() => file && saveBlob(fromBase64(file.dataBase64, 'application/pdf'), file.fileName)}
          >
            下载
          </Button>
          <Button icon={<PrinterOutlined />} disabled={!url} onClick={print}>
            打印
          </Button>
          <Button type="primary" onClick={onClose}>
            关闭
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!error && !url && (
        <Spin style={{ display: 'block', margin: '120px auto' }} description="正在生成卷宗PDF…" />
      )}
      {url && (
        <iframe
          ref={frame}
          title="卷宗PDF预览"
          src={url}
          data-testid="dossier-pdf"
          style={{ width: '100%', height: '70vh', border: '1px solid #f0f0f0' }}
        />
      )}
    </Modal>
  );
}
