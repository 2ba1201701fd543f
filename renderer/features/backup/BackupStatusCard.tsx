import { CloudUploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Progress, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError, BackupFolderState, BackupStatusDto } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useRunBackupMutation } from './backupApi';
import { BackupNotices } from './BackupNotices';
import { backupTime, megabytes } from './format';
import { useBackupProgress } from './useBackupProgress';

const folderTags: Record<BackupFolderState, { color: string; text: string }> = {
  unset: { color: 'default', text: '未设置' },
  missing: { color: 'error', text: '找不到' },
  notWritable: { color: 'error', text: '无法写入' },
  full: { color: 'error', text: '空间不足' },
  ok: { color: 'success', text: '可用' },
};

/** The last verified backup, where backups go, what needs doing, and 立即备份 with its progress bar. */
export function BackupStatusCard({ status }: { status: BackupStatusDto }) {
  const [run, { isLoading }] = useRunBackupMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const { message } = App.useApp();
  const { progress } = useBackupProgress(['backup'], (f) =>
    f.ok ? void message.success(f.message) : setError({ code: 'CONFLICT', message: f.message }),
  );
  const { health, settings } = status;
  const running =
    progress ?? (status.job ? { percent: status.job.percent, message: status.job.message } : null);
  const tag = folderTags[health.folderState];

  const start = async () => {
    setError(null);
    const result = await run();
    if ('error' in result) setError(asApiError(result.error));
  };

  return (
    <Card
      title="数据备份"
      extra={
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          loading={isLoading || Boolean(running)}
          disabled={health.folderState === 'unset'}
          onClick={() => void start()}
        >
          立即备份
        </Button>
      }
    >
      <ErrorAlert error={error} />
      <BackupNotices notices={health.notices} />
      <Descriptions column={1} size="small" styles={{ label: { width: 150 } }}>
        <Descriptions.Item label="上次备份（已校验）">
          <span data-testid="last-backup">
            {health.lastVerifiedAt ? backupTime(health.lastVerifiedAt) : '还没有'}
          </span>
          {health.lastFile && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
              {health.lastFile}
              {health.lastBytes !== null ? ` · ${megabytes(health.lastBytes)}` : ''}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="备份位置">
          {settings.folder && (
            <Typography.Text style={{ marginInlineEnd: 8 }}>{settings.folder}</Typography.Text>
          )}
          <Tag color={tag.color}>{tag.text}</Tag>
          {health.freeBytes !== null && (
            <Typography.Text type="secondary">
              剩余 {megabytes(health.freeBytes)}，每次备份约 {megabytes(health.neededBytes)}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="自动备份">
          {settings.autoDaily
            ? `每天一次；保留最近 ${settings.keepDaily} 天、${settings.keepWeekly} 周、${settings.keepMonthly} 个月的备份`
            : '已关闭（只在点击“立即备份”时备份）'}
        </Descriptions.Item>
      </Descriptions>
      {running && (
        <div data-testid="backup-progress" style={{ marginTop: 12 }}>
          <Progress percent={Math.round(running.percent)} status="active" />
          <Typography.Text type="secondary">{running.message}</Typography.Text>
        </div>
      )}
    </Card>
  );
}
