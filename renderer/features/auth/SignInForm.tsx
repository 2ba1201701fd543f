import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../main/contract';
import { useSignInMutation } from '../../api/session';
import { asApiError } from '../../components/forms';
import { formatSeconds, useCountdown } from './useCountdown';

export function SignInForm(props: { officeName: string; lockReason: 'idle' | null; onRecover: () => void }) {
  const { officeName, onRecover } = props;
  const [signIn, { isLoading }] = useSignInMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const secondsLeft = useCountdown(lockedUntil);

  const submit = async (values: { username: string; password: string }) => {
    setError(null);
    const result = await signIn(values);
    if ('error' in result) {
      const apiError = asApiError(result.error);
      setError(apiError);
      setLockedUntil(apiError.retryAfterSeconds ? Date.now() + apiError.retryAfterSeconds * 1000 : null);
    }
  };

  const locked = secondsLeft > 0;
  return (
    <Card style={{ width: 400 }}>
      <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0, marginBottom: 4 }}>
        人民调解工作台
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {officeName}
      </Typography.Paragraph>
      {!error && props.lockReason === 'idle' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="idle-lock-reason"
          title="因长时间无操作已自动锁定，请重新登录"
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={locked ? `账户已锁定，请在${formatSeconds(secondsLeft)}后重试` : error.message}
          description={
            locked
              ? '连续输错密码5次，账户已被临时锁定。可到时再试，或请管理员在“用户管理”中解除锁定；忘记密码请管理员重置密码。'
              : undefined
          }
        />
      )}
      <Form<{ username: string; password: string }>
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} autoFocus autoComplete="username" maxLength={32} />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={isLoading}>
          登录
        </Button>
      </Form>
      <div style={{ textAlign: 'right', marginTop: 12 }}>
        <Button type="link" size="small" onClick={onRecover}>
          管理员忘记密码？使用恢复码
        </Button>
      </div>
    </Card>
  );
}
