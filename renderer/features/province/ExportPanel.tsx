import { Alert, Button, Checkbox, Form, Input, Progress, Radio, Select, Space, Typography } from 'antd';
import { MappingUpload } from './MappingUpload';
import { useEffect, useState } from 'react';
import type { EventPayload, ProvinceJobDto, ProvinceOverviewDto } from '../../../main/contract';
import { invoke } from '../../api/desk';
import { fromBase64, saveBlob } from '../../components/files';
import { asApiError } from '../../components/forms';
import { provinceApi } from './provinceApi';
import { useAppDispatch } from '../../app/hooks';

// 导出: choose the format and how personal data is protected, then follow the job (progress,
// cancel) and download the package once it is written.

type Mode = 'password' | 'recipient' | 'none';

export function ExportPanel({ overview }: { overview: ProvinceOverviewDto }) {
  const dispatch = useAppDispatch();
  const [mappingId, setMappingId] = useState(overview.mappings[0]?.id ?? 'default');
  const [mode, setMode] = useState<Mode>('password');
  const [password, setPassword] = useState('');
  const [recipientKey, setRecipientKey] = useState('');
  const [confirmPlain, setConfirmPlain] = useState(false);
  const [job, setJob] = useState<ProvinceJobDto | null>(null);
  const [progress, setProgress] = useState<EventPayload<'job:progress'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = job !== null && job.state === 'running';

  useEffect(() => {
    if (!job || job.state !== 'running') return undefined;
    const refresh = () =>
      void invoke('province:exportStatus', { jobId: job.jobId }).then((dto) => {
        if (dto.state === 'running') return;
        setJob(dto);
        dispatch(provinceApi.util.invalidateTags(['Province']));
      });
    const off = window.api.on('job:progress', (p) => {
      if (p.jobId !== job.jobId) return;
      setProgress(p);
      if (p.state !== 'running') refresh();
    });
    // The job may end between two events (or before this screen listened): ask now and then too.
    const timer = setInterval(refresh, 1000);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [job?.jobId, job?.state]); // eslint-disable-line react-hooks/exhaustive-deps

  const start = async () => {
    setError(null);
    setProgress(null);
    try {
      const protection =
        mode === 'password' ? { mode, password } : mode === 'recipient' ? { mode, recipientKey } : { mode };
      setJob(
        await invoke('province:export', {
          mappingId,
          protection,
          ...(mode === 'none' ? { confirmPlain } : {}),
        }),
      );
    } catch (e) {
      setError(asApiError((e as { error?: unknown }).error ?? e).message);
    }
  };

  const download = async () => {
    if (!job) return;
    try {
      const file = await invoke('province:download', { jobId: job.jobId });
      saveBlob(fromBase64(file.dataBase64, file.mimeType), file.fileName);
    } catch (e) {
      setError(asApiError((e as { error?: unknown }).error ?? e).message);
    }
  };

  const done = progress?.done ?? job?.done ?? 0;
  const total = progress?.total ?? job?.total ?? 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Form layout="horizontal" labelCol={{ span: 4 }} wrapperCol={{ span: 14 }} disabled={running}>
        <Form.Item label="报送格式">
          <Select
            aria-label="报送格式"
            value={mappingId}
            onChange={setMappingId}
            style={{ maxWidth: 360 }}
            options={overview.mappings.map((m) => ({
              value: m.id,
              label: `${m.name}（${m.form === 'xlsx' ? '电子表格' : 'JSON'}）`,
            }))}
          />
        </Form.Item>
        {overview.mayExportPlain && (
          <Form.Item wrapperCol={{ offset: 4, span: 14 }} style={{ marginTop: -16 }}>
            <MappingUpload onSaved={setMappingId} />
          </Form.Item>
        )}
        <Form.Item label="个人信息加密">
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            <Radio value="password">密码加密</Radio>
            <Radio value="recipient">接收方公钥加密</Radio>
            {overview.mayExportPlain && <Radio value="none">不加密</Radio>}
          </Radio.Group>
        </Form.Item>
        {mode === 'password' && (
          <Form.Item
            label="加密密码"
            extra="至少10位，须同时含有字母和数字。请通过电话等其他途径把密码告知省级系统的接收人。"
          >
            <Input.Password
              aria-label="加密密码"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="new-password"
            />
          </Form.Item>
        )}
        {mode === 'recipient' && (
          <Form.Item
            label="接收方公钥"
            extra="省级系统提供的43个字符的公钥；只有持有对应私钥的接收方能解密。"
          >
            <Input
              aria-label="接收方公钥"
              value={recipientKey}
              onChange={(e) => setRecipientKey(e.target.value)}
            />
          </Form.Item>
        )}
        {mode === 'none' && (
          <Form.Item wrapperCol={{ offset: 4, span: 14 }}>
            <Alert
              type="warning"
              showIcon
              title="不加密的数据包中，当事人的姓名、证件号码、电话等个人信息可被任何拿到文件的人读取。此次导出将记入审计日志。"
            />
            <Checkbox
              checked={confirmPlain}
              onChange={(e) => setConfirmPlain(e.target.checked)}
              style={{ marginTop: 8 }}
            >
              我已知晓风险，确认导出不加密的数据包
            </Checkbox>
          </Form.Item>
        )}
        <Form.Item wrapperCol={{ offset: 4, span: 14 }}>
          <Button type="primary" onClick={() => void start()} loading={running}>
            {overview.pending ? `重新导出第${overview.pending.batchNo}批` : '导出数据包'}
          </Button>
        </Form.Item>
      </Form>
      {error && (
        <Alert type="error" showIcon role="alert" title={error} data-testid="province-export-error" />
      )}
      {job && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="province-progress">
          <Progress
            percent={total ? Math.round((done / total) * 100) : job.state === 'running' ? 0 : 100}
            status={
              job.state === 'failed'
                ? 'exception'
                : job.state === 'running'
                  ? 'active'
                  : job.state === 'cancelled'
                    ? 'normal'
                    : 'success'
            }
          />
          <Typography.Text type="secondary">
            {job.state === 'running'
              ? `${job.phase === 'preparing' ? '正在校验并生成批次' : '正在写入数据包'} ${progress?.current ?? ''}`
              : job.state === 'finished'
                ? `第${job.batchNo}批${job.resent ? '（原样重发）' : ''}已生成：${job.total}条记录${job.heldBack ? `，${job.heldBack}条未通过校验暂缓报送` : ''}`
                : (job.message ?? '导出未完成')}
          </Typography.Text>
          <Space>
            {running && (
              <Button
                danger
                onClick={() => void invoke('province:cancelExport', { jobId: job.jobId }).then(setJob)}
              >
                取消导出
              </Button>
            )}
            {job.state === 'finished' && (
              <Button type="primary" onClick={() => void download()}>
                下载数据包
              </Button>
            )}
          </Space>
        </Space>
      )}
    </Space>
  );
}
