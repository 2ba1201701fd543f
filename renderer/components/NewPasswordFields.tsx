import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { newPassword } from '../../main/contract';
import { confirmPasswordRule, zodRule } from './forms';

/** A new password and its confirmation (fields `password`, `passwordConfirm`), checked by the contract's rule. */
export function NewPasswordFields(props: { label?: string; confirmLabel?: string; extra?: ReactNode }) {
  const label = props.label ?? '新密码';
  return (
    <>
      <Form.Item name="password" label={label} rules={[zodRule(newPassword)]} extra={props.extra}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="passwordConfirm"
        label={props.confirmLabel ?? `确认${label}`}
        dependencies={['password']}
        rules={[confirmPasswordRule()]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
