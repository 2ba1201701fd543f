import { Alert, Space } from 'antd';
import type { BackupNotice } from '../../../main/contract';

/** What the 管理员 should see to: a missing or full backup folder, stale or failed backups. */
export function BackupNotices({ notices }: { notices: BackupNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="backup-notices">
      {notices.map((n) => (
        <Alert key={n.title} type={n.level} showIcon title={n.title} description={n.detail} />
      ))}
    </Space>
  );
}
