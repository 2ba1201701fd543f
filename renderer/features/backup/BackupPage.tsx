import { HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Modal, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import type { BackupFileDto } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useBackupCapabilitiesQuery, useBackupStatusQuery } from './backupApi';
import { BackupSettingsCard } from './BackupSettingsCard';
import { BackupStatusCard } from './BackupStatusCard';
import { backupTime, megabytes } from './format';
import { RestoreFlow } from './RestoreFlow';

/** Route /backup: 数据备份 — health, 立即备份, where backups go, the backups there, 从备份恢复. */
export function BackupPage() {
  const {
    data: status,
    error,
    isLoading,
  } = useBackupStatusQuery(undefined, { refetchOnMountOrArgChange: true });
  const { data: capabilities } = useBackupCapabilitiesQuery();
  const [restoring, setRestoring] = useState<{ path: string } | null>(null);

  if (isLoading) return <Spin />;
  if (!status) return <ErrorAlert error={error ? asApiError(error) : null} />;
  return (
    <div style={{ maxWidth: 960 }}>
      <BackupStatusCard status={status} />
      <BackupSettingsCard settings={status.settings} canBrowse={capabilities?.canBrowse ?? false} />
      <Card
        title="备份文件"
        style={{ marginTop: 16 }}
        extra={
          <Button icon={<HistoryOutlined />} onClick={() => setRestoring({ path: '' })}>
            从其他位置的备份恢复…
          </Button>
        }
      >
        <Table<BackupFileDto>
          size="small"
          rowKey="path"
          dataSource={status.files}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: status.settings.folder ? '备份位置中还没有备份' : '请先设置备份位置' }}
          data-testid="backup-files"
          columns={[
            { title: '备份时间', key: 'at', width: 200, render: (_v, f) => backupTime(f.createdAt) },
            {
              title: '文件',
              key: 'name',
              render: (_v, f) => (
                <Typography.Text>
                  {f.name}
                  {!f.own && <Typography.Text type="secondary">（其他安装）</Typography.Text>}
                </Typography.Text>
              ),
            },
            { title: '大小', key: 'bytes', width: 100, render: (_v, f) => megabytes(f.bytes) },
            {
              title: '',
              key: 'restore',
              width: 90,
              render: (_v, f) => (
                <Button type="link" size="small" onClick={() => setRestoring({ path: f.path })}>
                  恢复…
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        title="从备份恢复"
        open={restoring !== null}
        footer={null}
        width={720}
        destroyOnHidden
        maskClosable={false}
        onCancel={() => setRestoring(null)}
      >
        {restoring && <RestoreFlow mode="signedIn" initialPath={restoring.path} />}
      </Modal>
    </div>
  );
}
