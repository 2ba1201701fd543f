import { Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../main/contract';

// The bar under 校验 and 导入 (issue 14): follows the 'job:progress' events of this screen's own
// call (the id it sent with it) — the stage, and records done out of the package's count.

type Progress = EventPayload<'job:progress'>;

/** The latest progress of the call with this id (null before its first event). */
export function useCallProgress(jobId: string | null): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!jobId) return undefined;
    return window.api.on('job:progress', (p) => {
      if (p.jobId === jobId) setProgress(p);
    });
  }, [jobId]);
  return progress?.jobId === jobId ? progress : null;
}

export function ImportProgressBar({ progress }: { progress: Progress | null }) {
  if (!progress) return null;
  const { label, current, done, total, state } = progress;
  const finished = state === 'finished';
  const percent = finished ? 100 : total > 0 ? Math.floor((done / total) * 100) : 0;
  const text = finished
    ? `${label}完成`
    : state === 'failed'
      ? `${label}未完成`
      : `${label}：${current ?? ''}${total > 0 ? `，${done} / ${total}` : ''}`;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={0} aria-label="导入进度">
      <Progress
        percent={percent}
        status={state === 'failed' ? 'exception' : finished ? 'success' : 'active'}
      />
      <Typography.Text type="secondary">{text}</Typography.Text>
    </Space>
  );
}
