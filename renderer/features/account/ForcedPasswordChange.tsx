import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Typography } from 'antd';
import type { SessionUser } from '../../../main/contract';
import { baseApi } from '../../api/baseApi';
import { useSignOutMutation } from '../../api/session';
import { useAppDispatch } from '../../app/hooks';
import { ChangePasswordForm } from './ChangePasswordForm';

/**
 * After an administrator reset the password they know it too: before anything else the user
 * sets one of their own (the services refuse every other call until then).
 */
export function ForcedPasswordChange({ user }: { user: SessionUser }) {
  const dispatch = useAppDispatch();
  const [signOut, { isLoading }] = useSignOutMutation();
  const { message } = App.useApp();

  return (
    <div className="desk-centered">
      <Card style={{ width: 440 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          请设置新密码
        </Typography.Title>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${user.displayName}，管理员已重置您的密码`}
          description="为保证只有您本人知道密码，请先设置新密码，然后才能继续使用。"
        />
        <ChangePasswordForm
          currentLabel="管理员设置的临时密码"
          submitLabel="设置新密码并继续"
          onChanged={() => {
            void message.success('新密码已设置');
            dispatch(baseApi.util.invalidateTags(['Session']));
          }}
        />
        <div style={{ textAlign: 'right', marginTop: 12 }}>
          <Button
            type="link"
            size="small"
            icon={<LockOutlined />}
            loading={isLoading}
            onClick={() => void signOut()}
          >
            退出登录
          </Button>
        </div>
      </Card>
    </div>
  );
}
