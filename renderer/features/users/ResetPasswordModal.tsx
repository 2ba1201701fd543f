import { Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError, UserDto } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { useResetPasswordMutation } from './usersApi';

/** Mounted only while open, so every reset starts with empty fields. */
export function ResetPasswordModal(props: { user: UserDto; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string; passwordConfirm: string }>();
  const [reset, { isLoading }] = useResetPasswordMutation();
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    const result = await reset({ id: props.user.id, password: v.password });
    if ('error' in result) return setError(asApiError(result.error));
    props.onClose();
  };

  return (
    <Modal
      title={`重置密码：${props.user.displayName}`}
      open
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText="重置密码"
      confirmLoading={isLoading}
      destroyOnHidden
    >
      {props.user.disabled && (
        <Typography.Paragraph type="warning">该账户已停用，重置密码后将重新启用。</Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">
        重置后该账户的登录锁定随之解除；用户下次登录时须先设置自己的新密码。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false}>
        <NewPasswordFields />
      </Form>
    </Modal>
  );
}
