import { FolderOpenOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Space, Switch } from 'antd';
import { useState } from 'react';
import { saveBackupSettingsInput, type ApiError, type BackupSettingsDto } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors, asApiError, zodRule } from '../../components/forms';
import { useChooseBackupPathMutation, useSaveBackupSettingsMutation } from './backupApi';

type Values = Omit<BackupSettingsDto, 'folder'> & { folder: string };
const shape = saveBackupSettingsInput.shape;

const keepFields = [
  { name: 'keepDaily', label: '保留每日备份', suffix: '天', min: 1, max: 60 },
  { name: 'keepWeekly', label: '保留每周备份', suffix: '周', min: 0, max: 52 },
  { name: 'keepMonthly', label: '保留每月备份', suffix: '个月', min: 0, max: 120 },
] as const;

/** Where backups go (typed in browser mode, or picked in the desktop's folder dialog) and how many stay. */
export function BackupSettingsCard({
  settings,
  canBrowse,
}: {
  settings: BackupSettingsDto;
  canBrowse: boolean;
}) {
  const [form] = Form.useForm<Values>();
  const [save, { isLoading }] = useSaveBackupSettingsMutation();
  const [choose] = useChooseBackupPathMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const { message } = App.useApp();

  const submit = async (values: Values) => {
    setError(null);
    const result = await save(values);
    if ('error' in result) {
      const apiError = asApiError(result.error);
      if (!applyServerErrors(form, apiError)) setError(apiError);
    } else void message.success('备份设置已保存');
  };

  const browse = async () => {
    const result = await choose({ what: 'folder', startIn: form.getFieldValue('folder') as string | null });
    if ('error' in result) return setError(asApiError(result.error));
    if (result.data.path) form.setFieldValue('folder', result.data.path);
  };

  return (
    <Card title="备份设置" style={{ marginTop: 16 }}>
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ ...settings, folder: settings.folder ?? '' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          label="备份位置"
          required
          extra="请选择U盘、移动硬盘或网络共享上的文件夹，不要选本机的数据目录：电脑损坏时会一起丢失。"
        >
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="folder" noStyle rules={[zodRule(shape.folder)]}>
              <Input aria-label="备份位置" placeholder="如 E:\调解备份 或 /media/usb/调解备份" />
            </Form.Item>
            {canBrowse && (
              <Button icon={<FolderOpenOutlined />} onClick={() => void browse()}>
                浏览…
              </Button>
            )}
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="autoDaily"
          label="每天自动备份"
          valuePropName="checked"
          extra="有人登录时每天自动备份一次；当天还没有备份时，退出登录时也会备份。"
        >
          <Switch />
        </Form.Item>
        <Row gutter={24}>
          {keepFields.map((f) => (
            <Col span={8} key={f.name}>
              <Form.Item name={f.name} label={f.label} rules={[zodRule(shape[f.name])]}>
                <InputNumber min={f.min} max={f.max} precision={0} suffix={f.suffix} style={{ width: 140 }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Button type="primary" htmlType="submit" loading={isLoading}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
