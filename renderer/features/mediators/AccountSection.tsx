import { Form, Select } from 'antd';
import type { MediatorDto } from '../../../main/contract';
import { useAccess } from '../../app/access';
import { labelContains } from '../catalog/catalogOptions';
import { useListUsersQuery } from '../users/usersApi';
import { SectionTitle } from './SectionTitle';

// 登录账户: the sign-in account that acts as this mediator. One account, one mediator: accounts
// already linked to someone else are shown but disabled. Listing accounts needs users:manage.

interface Props {
  editing: MediatorDto | undefined;
  /** Every mediator on the roster, for the one-account-one-mediator rule. */
  roster: MediatorDto[];
}

export function AccountSection({ editing, roster }: Props) {
  const { can } = useAccess();
  const users = useListUsersQuery(undefined, { skip: !can('users:manage') });

  const linked = new Map(
    roster.filter((m) => m.userId && m.id !== editing?.id).map((m) => [m.userId!, m.name]),
  );
  const userOptions = (users.data ?? [])
    .filter((u) => !u.disabled || u.id === editing?.userId)
    .map((u) => ({
      value: u.id,
      label: `${u.displayName}（${u.username}）${linked.has(u.id) ? ` — 已关联${linked.get(u.id)!}` : ''}`,
      disabled: linked.has(u.id),
    }));

  return (
    <>
      <SectionTitle>登录账户</SectionTitle>
      <Form.Item
        name="userId"
        label="关联登录账户"
        extra="关联后，该账户登录即以本调解员身份办理案件；一个账户只能关联一名调解员"
      >
        <Select
          allowClear
          showSearch={{ filterOption: labelContains }}
          placeholder={can('users:manage') ? '不关联' : '需要用户管理权限才能选择账户'}
          options={userOptions}
          disabled={!can('users:manage')}
        />
      </Form.Item>
    </>
  );
}
