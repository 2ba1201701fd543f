import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { roleLabels, type UserDto } from '../../../main/contract';
import { useAccess } from '../../app/access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useListMediatorsQuery } from '../mediators/mediatorsApi';
import { useGetOrgTreeQuery } from '../organisations/organisationsApi';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { useDisableUserMutation, useListUsersQuery, useUnlockUserMutation } from './usersApi';

export function UsersPage() {
  const { data = [], isLoading, error } = useListUsersQuery();
  const [disable] = useDisableUserMutation();
  const [unlock] = useUnlockUserMutation();
  const { user: me } = useAccess();
  const { message } = App.useApp();
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<UserDto | null>(null);
  const [resetting, setResetting] = useState<UserDto | null>(null);
  const orgNames = new Map((useGetOrgTreeQuery().data?.organisations ?? []).map((o) => [o.id, o.name]));
  const rosterNames = new Map(
    (useListMediatorsQuery({ includeInactive: true }).data ?? []).map((m) => [m.id, m.name]),
  );

  const onDisable = async (user: UserDto) => {
    const result = await disable({ id: user.id });
    if ('error' in result) void message.error(asApiError(result.error).message);
    else void message.success(`已停用“${user.displayName}”`);
  };

  const onUnlock = async (user: UserDto) => {
    const result = await unlock({ id: user.id });
    if ('error' in result) void message.error(asApiError(result.error).message);
    else void message.success(`已解除“${user.displayName}”的登录锁定`);
  };

  return (
    <Card
      title="用户管理"
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setEditing(null);
            setFormOpen(true);
          }}
        >
          新建用户
        </Button>
      }
    >
      <ErrorAlert error={error ? asApiError(error) : null} />
      <Table<UserDto>
        rowKey="id"
        loading={isLoading}
        dataSource={data}
        pagination={false}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          // Names and times never wrap; the organisations column takes what room is left.
          { title: '姓名', dataIndex: 'displayName', onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
          {
            title: '角色',
            dataIndex: 'roles',
            render: (roles: UserDto['roles'], user) => (
              <>
                {roles.map((r) => (
                  <Tag key={r}>{roleLabels[r]}</Tag>
                ))}
                {user.mediatorId && (
                  <Tag color="blue">名册：{rosterNames.get(user.mediatorId) ?? '（已关联）'}</Tag>
                )}
              </>
            ),
          },
          {
            title: '所属组织',
            dataIndex: 'organisationIds',
            render: (ids: string[]) => ids.map((id) => orgNames.get(id) ?? '（已删除的组织）').join('、'),
          },
          {
            title: '状态',
            key: 'status',
            render: (_v, user) => (
              <>
                {user.disabled ? <Tag color="default">已停用</Tag> : <Tag color="green">启用</Tag>}
                {user.lockedUntil && (
                  <Tag color="red" title="连续输错密码5次">
                    已锁定至 {dayjs(user.lockedUntil).format('HH:mm')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: '创建时间',
            dataIndex: 'createdAt',
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_v, user) => (
              <Space size="small">
                <Button
                  size="small"
                  type="link"
                  onClick={() => {
                    setEditing(user);
                    setFormOpen(true);
                  }}
                >
                  修改
                </Button>
                <Button size="small" type="link" onClick={() => setResetting(user)}>
                  重置密码
                </Button>
                {user.lockedUntil && (
                  <Popconfirm
                    title={`解除“${user.displayName}”的登录锁定？`}
                    description="解除后该账户可以立即再次尝试登录。"
                    okText="解除锁定"
                    cancelText="取消"
                    onConfirm={() => onUnlock(user)}
                  >
                    <Button size="small" type="link">
                      解除锁定
                    </Button>
                  </Popconfirm>
                )}
                {!user.disabled && user.id !== me?.id && (
                  <Popconfirm
                    title={`停用“${user.displayName}”？`}
                    description="停用后该账户无法登录，可通过重置密码重新启用。"
                    okText="停用"
                    cancelText="取消"
                    onConfirm={() => onDisable(user)}
                  >
                    <Button size="small" type="link" danger>
                      停用
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {formOpen && <UserFormModal editing={editing} onClose={() => setFormOpen(false)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </Card>
  );
}
