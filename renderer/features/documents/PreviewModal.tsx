import { DownloadOutlined, FileWordOutlined, PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { DocumentFileDto, DocumentVersionDto } from '../../../main/contract';
import { baseApi } from '../../api/baseApi';
import { DeskError, invoke } from '../../api/desk';
import { useAppDispatch } from '../../app/hooks';
import { useDocumentPlatformQuery } from './documentsApi';
import { printDocx, renderDocx } from './docxView';
import { base64ToBlob, downloadBlob, sizeText } from './files';

const messageOf = (error: unknown) => (error instanceof DeskError ? error.message : '操作未完成，请重试');

/** A form made on request and not stored with a case (the 不予受理告知书): its making was audited. */
export interface LooseDocument {
  title: string;
  file: DocumentFileDto;
}

/** Either a stored version or a loose document. */
interface Props {
  version?: DocumentVersionDto;
  loose?: LooseDocument;
  /** Said above the pages, e.g. that regenerating changed nothing and this version was reused. */
  notice?: string;
  onClose: () => void;
}

/**
 * One stored version as it will print: the pages rendered from the stored .docx, then 打印, and
 * 另存为 / 用 Word/WPS 打开 on the desktop or 下载 in a browser. Every copy that leaves is audited.
 * A loose document (made on request, audited then) previews, prints and downloads the same way.
 */
export function PreviewModal({ version, loose: looseDocument, notice, onClose }: Props) {
  const loose = looseDocument?.file;
  const title = version ? `${version.title}（第${version.versionNo}版）` : (looseDocument?.title ?? '');
  const { message } = App.useApp();
  const dispatch = useAppDispatch();
  const { data: platform } = useDocumentPlatformQuery();
  // The pages' container, once the modal has mounted it (a state, so rendering waits for it).
  const [pages, setPages] = useState<HTMLDivElement | null>(null);
  const [blob, setBlob] = useState<Blob | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'print' | 'saveAs' | 'open' | 'download' | null>(null);

  const sourceKey = version?.id ?? loose?.sha256;
  useEffect(() => {
    if (!pages) return;
    let live = true;
    (async () => {
      const file = version ? await invoke('documents:get', { versionId: version.id }) : loose!;
      const docx = base64ToBlob(file.dataBase64, file.mimeType);
      if (!live) return;
      await renderDocx(docx, pages);
      if (live) setBlob(docx);
    })().catch((error: unknown) => live && setFailure(`无法显示文书：${messageOf(error)}`));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one document per modal (keyed by its source)
  }, [sourceKey, pages]);

  const exportAs = async (mode: 'saveAs' | 'open' | 'download') => {
    if (loose) {
      if (blob) downloadBlob(blob, loose.fileName);
      void message.success(`已下载“${loose.fileName}”`);
      return;
    }
    if (!version) return;
    setBusy(mode);
    try {
      const result = await invoke('documents:export', { versionId: version.id, mode });
      dispatch(baseApi.util.invalidateTags(['Audit']));
      if (mode === 'download' && result.file) {
        downloadBlob(base64ToBlob(result.file.dataBase64, result.file.mimeType), result.file.fileName);
        void message.success(`已下载“${result.file.fileName}”`);
      } else if (mode === 'saveAs') {
        if (result.done) void message.success(`已保存到 ${result.savedTo}`);
      } else if (mode === 'open') {
        void message.info(
          '已用 Word/WPS 打开临时副本；退出登录或锁定时该副本会被清除，需要留存请用“另存为”。',
          6,
        );
      }
    } catch (error) {
      void message.error(messageOf(error));
    } finally {
      setBusy(null);
    }
  };

  const print = async () => {
    if (!blob) return;
    setBusy('print');
    try {
      await printDocx(blob);
    } catch {
      void message.error('打印未完成，请重试，或下载后用 Word/WPS 打印');
    } finally {
      setBusy(null);
    }
  };

  const desktop = platform?.desktop === true && version !== undefined;
  return (
    <Modal
      open
      centered
      width={940}
      title={title}
      onCancel={onClose}
      styles={{ body: { padding: 0 } }}
      footer={
        <Space>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!blob}
            loading={busy === 'print'}
            onClick={() => void print()}
          >
            打印
          </Button>
          {desktop ? (
            <>
              <Button
                icon={<SaveOutlined />}
                disabled={!blob}
                loading={busy === 'saveAs'}
                onClick={() => void exportAs('saveAs')}
              >
                另存为
              </Button>
              <Button
                icon={<FileWordOutlined />}
                disabled={!blob}
                loading={busy === 'open'}
                onClick={() => void exportAs('open')}
              >
                用 Word/WPS 打开
              </Button>
            </>
          ) : (
            <Button
              icon={<DownloadOutlined />}
              disabled={!blob}
              loading={busy === 'download'}
              onClick={() => void exportAs('download')}
            >
              下载
            </Button>
          )}
          <Button onClick={onClose}>关闭</Button>
        </Space>
      }
    >
      {version && (
        <div style={{ padding: '8px 16px', borderBottom: '1px solid #f0f0f0' }}>
          <Space size={16} wrap>
            <Typography.Text type="secondary">
              {version.generatedByName} 生成于 {dayjs(version.generatedAt).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
            <Typography.Text type="secondary">{sizeText(version.size)}</Typography.Text>
            <Typography.Text type="secondary" copyable={{ text: version.sha256 }}>
              SHA-256 {version.sha256.slice(0, 16)}…
            </Typography.Text>
            {version.shortCode && (
              <span>
                核验码 <Tag color="red">{version.shortCode}</Tag>
              </span>
            )}
          </Space>
        </div>
      )}
      {notice && (
        <Alert
          type="info"
          showIcon
          title={notice}
          style={{ margin: '8px 16px' }}
          data-testid="preview-notice"
        />
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ margin: 16 }} />}
      <Spin spinning={!blob && !failure} description="正在排版…">
        <div
          ref={setPages}
          data-testid="document-preview"
          style={{ height: '68vh', overflow: 'auto', background: '#e8e8e8' }}
        />
      </Spin>
    </Modal>
  );
}
