import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { text, username, type ApiError, type Role, type UserDto } from '../../../main/contract';
import { useAccess } from '../../app/access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors, asApiError, zodRule } from '../../components/forms';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { MembershipFields } from './MembershipFields';
import { RoleSelect } from './RoleSelect';
import { useCreateUserMutation, useUpdateUserMutation } from './usersApi';

interface Values {
  username: string;
  displayName: string;
  roles: Role[];
  organisationIds: string[];
  mediatorId?: string | null;
  password: string;
  passwordConfirm: string;
}

const roleRule = {
  validator: async (_r: unknown, v?: Role[]) => {
    if (!v?.length) throw new Error('至少选择一个角色');
  },
};

/**
 * New user (name, roles, organisations, roster entry, initial password) or edit (all but the
 * password). Mounted only while open, so it starts fresh.
 */
export function UserFormModal(props: { editing: UserDto | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { office } = useAccess();
  const roles = Form.useWatch('roles', form) ?? props.editing?.roles ?? [];
  const [create, createState] = useCreateUserMutation();
  const [update, updateState] = useUpdateUserMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const editing = props.editing;

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    const membership = {
      organisationIds: v.organisationIds,
      // Only a 调解员 account acts as a roster entry; other roles release any link.
      mediatorId: v.roles.includes('mediator') ? (v.mediatorId ?? null) : null,
    };
    const result = editing
      ? await update({ id: editing.id, displayName: v.displayName, roles: v.roles, ...membership })
      : await create({
          username: v.username,
          displayName: v.displayName,
          roles: v.roles,
          password: v.password,
          ...membership,
        });
    if ('error' in result) {
      const apiError = asApiError(result.error);
      if (!applyServerErrors(form, apiError)) setError(apiError);
      return;
    }
    props.onClose();
  };

  return (
    <Modal
      title={editing ? `修改用户：${editing.displayName}` : '新建用户'}
      open
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText="保存"
      confirmLoading={createState.isLoading || updateState.isLoading}
      destroyOnHidden
      width={560}
    >
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          editing
            ? {
                username: editing.username,
                displayName: editing.displayName,
                roles: editing.roles,
                organisationIds: editing.organisationIds,
                mediatorId: editing.mediatorId,
              }
            : { organisationIds: office ? [office.id] : [] }
        }
      >
        <Form.Item name="username" label="用户名" rules={[zodRule(username)]}>
          <Input disabled={Boolean(editing)} autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[zodRule(text('姓名', 20, 2))]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="roles" label="角色" rules={[roleRule]}>
          <RoleSelect />
        </Form.Item>
        <MembershipFields
          form={form}
          userId={editing?.id ?? null}
          isMediator={roles.includes('mediator')}
          officeId={office?.id ?? null}
        />
        {!editing && (
          <>
            <NewPasswordFields label="初始密码" extra="至少8位，须同时包含字母和数字；请当面告知本人" />
          </>
        )}
      </Form>
    </Modal>
  );
}
