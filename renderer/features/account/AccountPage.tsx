import { App, Card, Descriptions, Tag } from 'antd';
import { roleLabels } from '../../../main/contract';
import { useAccess } from '../../app/access';
import { ChangePasswordForm } from './ChangePasswordForm';

export function AccountPage() {
  const { user, office } = useAccess();
  const { message } = App.useApp();

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
        <ChangePasswordForm onChanged={() => void message.success('密码已修改，下次登录请使用新密码')} />
      </Card>
    </>
  );
}
