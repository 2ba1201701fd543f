import { App, Button, Card, Form, InputNumber, Spin } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useGetSettingsQuery, useUpdateSettingsMutation } from './settingsApi';

export function SettingsPage() {
  const { data, isLoading } = useGetSettingsQuery();
  const [update, { isLoading: saving }] = useUpdateSettingsMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const { message } = App.useApp();

  if (isLoading || !data) return <Spin />;
  return (
    <Card title="系统设置" style={{ maxWidth: 640 }}>
      <ErrorAlert error={error} />
      <Form
        layout="vertical"
        initialValues={data}
        onFinish={async (values: { idleLockMinutes: number }) => {
          setError(null);
          const result = await update(values);
          if ('error' in result) setError(asApiError(result.error));
          else void message.success('设置已保存');
        }}
      >
        <Form.Item
          name="idleLockMinutes"
          label="无操作自动锁定（分钟）"
          extra="超过该时间无任何操作，工作台自动锁定并关闭数据库，需重新登录"
          rules={[{ required: true, message: '请填写自动锁定时间' }]}
        >
          <InputNumber min={1} max={240} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
