import { Typography } from 'antd';
import type { MediatorDto } from '../../../main/contract';
import { useAccess } from '../../app/access';
import { useListUsersQuery } from '../users/usersApi';
import { SectionTitle } from './SectionTitle';

// 登录账户: which sign-in account acts as this mediator. Shown here, set in 用户管理 (where the
// account's organisations are set too), so one place decides whose cases an account may work.

export function AccountSection({ editing }: { editing: MediatorDto | undefined }) {
  const { can } = useAccess();
  const users = useListUsersQuery(undefined, { skip: !can('users:manage') || !editing?.userId });
  const user = users.data?.find((u) => u.id === editing?.userId);
  return (
    <>
      <SectionTitle>登录账户</SectionTitle>
      <Typography.Paragraph data-testid="mediator-account">
        {editing?.userId
          ? `已关联账户：${user ? `${user.displayName}（${user.username}）` : '（已关联）'}`
          : '未关联登录账户'}
        <Typography.Text type="secondary">
          {' '}
          —— 在“用户管理”中修改调解员账户，选择其“调解员名册”条目即可关联。
        </Typography.Text>
      </Typography.Paragraph>
    </>
  );
}
