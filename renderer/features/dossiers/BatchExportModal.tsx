import { Alert, App, Button, Modal, Progress, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ChannelInput, EventPayload, ExportJobDto } from '../../../main/contract';
import { invoke } from '../../api/desk';
import { asApiError } from '../../components/forms';
import { fromBase64, saveBlob } from '../../components/files';

// Batch export of dossier PDFs into a folder or one zip. The work runs in the background; this
// modal follows its 'job:progress' events (the shape every progress bar reads), can cancel it,
// and ends with a summary of what was exported and which cases were skipped and why.

type Filter = Omit<ChannelInput<'dossiers:exportBatch'>, 'target'>;

export function BatchExportModal({
  filter,
  count,
  onClose,
}: {
  filter: Filter;
  count: number;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [target, setTarget] = useState<'zip' | 'folder'>('zip');
  const [job, setJob] = useState<ExportJobDto | null>(null);
  const [progress, setProgress] = useState<EventPayload<'job:progress'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = job !== null && (progress?.state ?? job.state) === 'running';

  useEffect(() => {
    if (!job) return undefined;
    const off = window.api.on('job:progress', (p) => {
      if (p.jobId !== job.jobId) return;
      setProgress(p);
      if (p.state !== 'running') void invoke('dossiers:exportStatus', { jobId: job.jobId }).then(setJob);
    });
    return off;
  }, [job?.jobId]); // eslint-disable-line react-hooks/exhaustive-deps

  const start = async () => {
    setError(null);
    try {
      const started = await invoke('dossiers:exportBatch', { ...filter, target });
      setProgress(null);
      setJob(started);
    } catch (e) {
      setError(asApiError((e as { error?: unknown }).error ?? e).message);
    }
  };

  const download = async () => {
    if (!job) return;
    try {
      const file = await invoke('dossiers:exportZip', { jobId: job.jobId });
      saveBlob(fromBase64(file.dataBase64, file.mimeType), file.fileName);
    } catch (e) {
      void message.error(asApiError((e as { error?: unknown }).error ?? e).message);
    }
  };

  const state = progress?.state ?? job?.state;
  const done = progress?.done ?? job?.done ?? 0;
  const total = progress?.total ?? job?.total ?? count;
  const finished = job && job.state !== 'running';
  return (
    <Modal
      open
      title="批量导出卷宗PDF"
      maskClosable={false}
      onCancel={onClose}
      footer={
        <Space>
          {!job && (
            <Button type="primary" onClick={() => void start()} disabled={count === 0}>
              开始导出
            </Button>
          )}
          {running && (
            <Button
              danger
              onClick={() => void invoke('dossiers:cancelExport', { jobId: job.jobId }).then(setJob)}
            >
              取消导出
            </Button>
          )}
          {finished && job.zipName && (
            <Button type="primary" onClick={() => void download()}>
              下载压缩包
            </Button>
          )}
          <Button onClick={onClose}>{running ? '后台继续' : '关闭'}</Button>
        </Space>
      }
    >
      {!job && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>将导出 {count} 个案件的卷宗，每个卷宗一个PDF文件。</Typography.Text>
          <Radio.Group value={target} onChange={(e) => setTarget(e.target.value as 'zip' | 'folder')}>
            <Radio value="zip">打包为一个压缩文件（下载）</Radio>
            <Radio value="folder">导出到本机文件夹</Radio>
          </Radio.Group>
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error} />}
      {job && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="export-progress">
          <Progress
            percent={total ? Math.round((done / total) * 100) : 100}
            status={
              state === 'failed'
                ? 'exception'
                : state === 'running'
                  ? 'active'
                  : state === 'cancelled'
                    ? 'normal'
                    : 'success'
            }
          />
          <Typography.Text type="secondary">
            {state === 'running'
              ? `正在导出 ${progress?.current ?? ''}（${done}/${total}）`
              : state === 'cancelled'
                ? `已取消：已导出${job.exported}份`
                : state === 'failed'
                  ? '导出失败'
                  : `导出完成：共导出${job.exported}份，跳过${job.skipped.length}份`}
          </Typography.Text>
          {finished && job.folder && <Typography.Text copyable>保存位置：{job.folder}</Typography.Text>}
          {finished && job.skipped.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title="以下案件未导出"
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {job.skipped.map((s) => (
                    <li key={`${s.caseNumber}${s.reason}`}>
                      {s.caseNumber}：{s.reason}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </Space>
      )}
    </Modal>
  );
}
