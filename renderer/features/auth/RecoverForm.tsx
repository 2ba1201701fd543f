import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { username, type ApiError } from '../../../main/contract';
import { useRecoverMutation } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors, asApiError, zodRule } from '../../components/forms';
import { NewPasswordFields } from '../../components/NewPasswordFields';

interface RecoverValues {
  recoveryCode: string;
  username: string;
  password: string;
  passwordConfirm: string;
}

export function RecoverForm({ onBack }: { onBack: () => void }) {
  const [form] = Form.useForm<RecoverValues>();
  const [recover, { isLoading }] = useRecoverMutation();
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (values: RecoverValues) => {
    setError(null);
    const result = await recover(values);
    if ('error' in result) {
      const apiError = asApiError(result.error);
      if (!applyServerErrors(form, apiError)) setError(apiError);
    }
  };

  return (
    <Card style={{ width: 440 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        用恢复码重设管理员密码
      </Typography.Title>
      <Typography.Paragraph type="secondary">恢复码是首次设置时抄写的24位字符。</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
        <Form.Item name="recoveryCode" label="恢复码" rules={[{ required: true, message: '请输入恢复码' }]}>
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item name="username" label="管理员用户名" rules={[zodRule(username)]}>
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" block loading={isLoading}>
          重设密码并登录
        </Button>
        <Button type="link" block onClick={onBack} style={{ marginTop: 8 }}>
          返回登录
        </Button>
      </Form>
    </Card>
  );
}
