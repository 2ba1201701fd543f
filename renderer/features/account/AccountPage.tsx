import { App, Button, Card, Descriptions, Form, Input, Tag } from 'antd';
import { useState } from 'react';
import { newPassword, roleLabels, type ApiError } from '../../../main/contract';
import { useChangePasswordMutation } from '../../api/session';
import { useAccess } from '../../app/access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors, asApiError, confirmPasswordRule, zodRule } from '../../components/forms';

interface Values {
  currentPassword: string;
  password: string;
  passwordConfirm: string;
}

export function AccountPage() {
  const { user, office } = useAccess();
  const [form] = Form.useForm<Values>();
  const [change, { isLoading }] = useChangePasswordMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const { message } = App.useApp();

  const submit = async (values: Values) => {
    setError(null);
    const result = await change(values);
    if ('error' in result) {
      const apiError = asApiError(result.error);
      if (!applyServerErrors(form, apiError)) setError(apiError);
      return;
    }
    form.resetFields();
    void message.success('密码已修改，下次登录请使用新密码');
  };

  return (
    <>
      <Card title="个人账户" style={{ maxWidth: 640, marginBottom: 16 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="姓名">{user?.displayName}</Descriptions.Item>
          <Descriptions.Item label="用户名">{user?.username}</Descriptions.Item>
          <Descriptions.Item label="角色">
            {user?.roles.map((r) => (
              <Tag key={r}>{roleLabels[r]}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label="所属单位">{office?.name}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="修改密码" style={{ maxWidth: 640 }}>
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
          <Form.Item
            name="currentPassword"
            label="当前密码"
            rules={[{ required: true, message: '请输入当前密码' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="password" label="新密码" rules={[zodRule(newPassword)]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="passwordConfirm"
            label="确认新密码"
            dependencies={['password']}
            rules={[confirmPasswordRule()]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isLoading}>
            修改密码
          </Button>
        </Form>
      </Card>
    </>
  );
}
