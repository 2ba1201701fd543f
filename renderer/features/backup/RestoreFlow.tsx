import { App, Button, Form, Progress, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError, BackupFileDto, RestorePreviewDto } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors, asApiError } from '../../components/forms';
import { useBackupCapabilitiesQuery } from './backupApi';
import { RestorePick } from './RestorePick';
import { RestorePreview } from './RestorePreview';
import { RestoreUnlock, type UnlockValues } from './RestoreUnlock';
import { useRestoreChannels, type RestoreMode } from './restoreChannels';
import { useBackupProgress } from './useBackupProgress';

const steps = ['选择备份文件', '解锁备份', '确认恢复'];

/**
 * 从备份恢复, for the 管理员 (数据备份 page) and on a new PC (the first-run wizard): pick the file,
 * unlock it, see what it holds, confirm. Nothing changes before the last button; the checks run
 * on the services, which say in Chinese what is wrong with a file.
 */
export function RestoreFlow({ mode, initialPath = '' }: { mode: RestoreMode; initialPath?: string }) {
  const [step, setStep] = useState(initialPath ? 1 : 0);
  const [path, setPath] = useState(initialPath);
  const [found, setFound] = useState<BackupFileDto[] | null>(null);
  const [preview, setPreview] = useState<RestorePreviewDto | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [form] = Form.useForm<UnlockValues>();
  const { data: capabilities } = useBackupCapabilitiesQuery();
  const channels = useRestoreChannels(mode);
  const { progress, clear } = useBackupProgress(['inspect', 'restore']);
  const { message } = App.useApp();

  const failed = (e: unknown) => {
    clear();
    const apiError = asApiError(e);
    if (step !== 1 || !applyServerErrors(form, apiError)) setError(apiError);
  };

  const browse = async () => {
    const result = await channels.choose({ what: 'file', startIn: path.trim() || null });
    if ('error' in result) return failed(result.error);
    if (result.data.path) {
      setPath(result.data.path);
      setFound(null);
      setStep(1);
    }
  };

  const find = async () => {
    setError(null);
    const target = path.trim();
    if (/\.zip$/i.test(target)) return setStep(1);
    const result = await channels.list({ folder: target });
    if ('error' in result) return failed(result.error);
    setFound(result.data);
    if (result.data[0]) setPath(result.data[0].path);
  };

  const inspect = async (values: UnlockValues) => {
    setError(null);
    const unlock =
      values.kind === 'recovery'
        ? { kind: 'recovery' as const, recoveryCode: values.recoveryCode ?? '' }
        : { kind: 'password' as const, username: values.username ?? '', password: values.password ?? '' };
    const result = await channels.inspect({ path: path.trim(), unlock });
    clear();
    if ('error' in result) return failed(result.error);
    setPreview(result.data);
    setConfirmed(false);
    setStep(2);
  };

  const restore = async () => {
    if (!preview) return;
    setError(null);
    const result = await channels.restore({ token: preview.token, confirm: true });
    clear();
    if ('error' in result) return failed(result.error);
    const safety = result.data.safetyBackup ? `恢复前的数据已备份为 ${result.data.safetyBackup}。` : '';
    void message.success(`已从备份恢复。${safety}请用备份中的账户和密码登录。`, 8);
  };

  return (
    <div data-testid="restore-flow">
      <Steps
        current={step}
        items={steps.map((title) => ({ title }))}
        style={{ marginBottom: 24 }}
        size="small"
      />
      <ErrorAlert error={error} />
      {step === 0 && (
        <RestorePick
          path={path}
          onPath={setPath}
          found={found}
          canBrowse={capabilities?.canBrowse ?? false}
          onBrowse={() => void browse()}
          onFind={() => void find()}
          busy={channels.busy}
        />
      )}
      {step === 1 && (
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void inspect(v)}>
          <Typography.Paragraph>
            备份文件：<Typography.Text code>{path}</Typography.Text>
          </Typography.Paragraph>
          <RestoreUnlock />
          <button type="submit" hidden />
        </Form>
      )}
      {step === 2 && preview && (
        <RestorePreview preview={preview} mode={mode} confirmed={confirmed} onConfirmed={setConfirmed} />
      )}
      {progress && (
        <div style={{ marginTop: 16 }} data-testid="restore-progress">
          <Progress percent={Math.round(progress.percent)} status="active" />
          <Typography.Text type="secondary">{progress.message}</Typography.Text>
        </div>
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 24 }}>
        {step > 0 && (
          <Button onClick={() => setStep(step - 1)} disabled={channels.busy}>
            上一步
          </Button>
        )}
        {step === 0 && (
          <Button type="primary" disabled={!/\.zip$/i.test(path.trim())} onClick={() => setStep(1)}>
            下一步
          </Button>
        )}
        {step === 1 && (
          <Button type="primary" loading={channels.busy} onClick={() => form.submit()}>
            检查备份
          </Button>
        )}
        {step === 2 && (
          <Button
            type="primary"
            danger
            disabled={!confirmed}
            loading={channels.busy}
            onClick={() => void restore()}
          >
            {mode === 'setup' ? '恢复并完成设置' : '恢复'}
          </Button>
        )}
      </Space>
    </div>
  );
}
