import { HddOutlined } from '@ant-design/icons';
import { Card, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { BackupTodoDto } from '../../../main/contract';
import { BackupNotices } from './BackupNotices';
import { backupTime } from './format';

/** On the 管理员's 我的待办 (their home): when the last verified backup was made, and what needs doing. */
export function BackupTodoCard({ backup }: { backup: BackupTodoDto }) {
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="backup-health">
      <Space
        style={{
          width: '100%',
          justifyContent: 'space-between',
          marginBottom: backup.notices.length ? 12 : 0,
        }}
      >
        <span>
          <HddOutlined style={{ marginInlineEnd: 8 }} />
          上次验证的备份：
          <Typography.Text strong data-testid="home-last-backup">
            {backup.lastVerifiedAt ? backupTime(backup.lastVerifiedAt) : '还没有'}
          </Typography.Text>
        </span>
        <Link to="/backup">数据备份 ›</Link>
      </Space>
      <BackupNotices notices={backup.notices} />
    </Card>
  );
}
