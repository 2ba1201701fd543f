import { FolderOpenOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Radio, Space, Typography } from 'antd';
import type { BackupFileDto } from '../../../main/contract';
import { backupTime, megabytes } from './format';

interface Props {
  path: string;
  onPath: (path: string) => void;
  found: BackupFileDto[] | null;
  canBrowse: boolean;
  onBrowse: () => void;
  onFind: () => void;
  busy: boolean;
}

/** Step 1: the backup file, typed (browser mode), picked in a dialog (desktop) or from a folder's list. */
export function RestorePick({ path, onPath, found, canBrowse, onBrowse, onFind, busy }: Props) {
  return (
    <>
      <Typography.Paragraph type="secondary">
        插入存有备份的U盘或连接网络共享，输入备份所在的文件夹（列出其中的备份）或备份文件的完整路径。
      </Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label="备份文件或所在文件夹"
          placeholder="如 E:\调解备份 或 /media/usb/调解备份"
          value={path}
          onChange={(e) => onPath(e.target.value)}
          onPressEnter={onFind}
        />
        {canBrowse && (
          <Button icon={<FolderOpenOutlined />} onClick={onBrowse}>
            浏览…
          </Button>
        )}
        <Button icon={<SearchOutlined />} onClick={onFind} loading={busy} disabled={!path.trim()}>
          查找备份
        </Button>
      </Space.Compact>
      {found && (
        <div style={{ marginTop: 16 }}>
          {found.length === 0 ? (
            <Empty description="该文件夹中没有工作台的备份文件" />
          ) : (
            <Radio.Group value={path} onChange={(e) => onPath(e.target.value as string)}>
              <Space direction="vertical">
                {found.map((f) => (
                  <Radio key={f.path} value={f.path}>
                    {backupTime(f.createdAt)}
                    <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
                      {f.name} · {megabytes(f.bytes)}
                      {f.own ? '' : ' · 其他安装'}
                    </Typography.Text>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          )}
        </div>
      )}
    </>
  );
}
