import { Alert, Checkbox, Descriptions } from 'antd';
import type { RestorePreviewDto } from '../../../main/contract';
import { backupTime, megabytes } from './format';
import type { RestoreMode } from './restoreChannels';

/** Step 3: what the backup holds, and what restoring it means, before the 管理员 confirms. */
export function RestorePreview({
  preview,
  mode,
  confirmed,
  onConfirmed,
}: {
  preview: RestorePreviewDto;
  mode: RestoreMode;
  confirmed: boolean;
  onConfirmed: (value: boolean) => void;
}) {
  const n = (value: number, unit: string) => `${value.toLocaleString('zh-CN')} ${unit}`;
  return (
    <>
      <Descriptions bordered size="small" column={2} data-testid="restore-preview">
        <Descriptions.Item label="单位" span={2}>
          {preview.office.name}
        </Descriptions.Item>
        <Descriptions.Item label="备份时间" span={2}>
          {backupTime(preview.createdAt)}
        </Descriptions.Item>
        <Descriptions.Item label="案件">{n(preview.counts.cases, '件')}</Descriptions.Item>
        <Descriptions.Item label="当事人">{n(preview.counts.parties, '人')}</Descriptions.Item>
        <Descriptions.Item label="用户">{n(preview.counts.users, '个')}</Descriptions.Item>
        <Descriptions.Item label="文书与附件">{n(preview.counts.documents, '份')}</Descriptions.Item>
        <Descriptions.Item label="审计记录">{n(preview.counts.auditEntries, '条')}</Descriptions.Item>
        <Descriptions.Item label="解锁方式">
          {preview.unlockedWith === 'password' ? '账户密码' : '恢复码'}
        </Descriptions.Item>
        <Descriptions.Item label="文件" span={2}>
          {preview.fileName}（{megabytes(preview.bytes)}），已通过完整性检查
        </Descriptions.Item>
      </Descriptions>
      <Alert
        type="warning"
        showIcon
        style={{ margin: '16px 0' }}
        title={
          mode === 'setup' ? '恢复后，本机使用这份备份中的数据和账户' : '恢复将用这份备份替换本机的全部数据'
        }
        description={
          mode === 'setup'
            ? '各账户的密码是做备份时的密码；备份之后在原电脑上登记、修改的内容不在其中。'
            : '备份之后登记、修改的内容将不复存在，各账户的密码恢复为做备份时的密码。恢复前会先自动备份当前数据，万一选错了备份，还可以用那份备份恢复回来。'
        }
      />
      <Checkbox checked={confirmed} onChange={(e) => onConfirmed(e.target.checked)}>
        {mode === 'setup' ? '确认用这份备份设置本机' : '我已了解，确认用这份备份替换当前数据'}
      </Checkbox>
    </>
  );
}
