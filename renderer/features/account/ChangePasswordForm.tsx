import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../main/contract';
import { useChangePasswordMutation } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors, asApiError } from '../../components/forms';
import { NewPasswordFields } from '../../components/NewPasswordFields';

interface Values {
  currentPassword: string;
  password: string;
  passwordConfirm: string;
}

/** 当前密码 → 新密码 → 确认新密码: the 个人账户 page and the forced change after a reset. */
export function ChangePasswordForm(props: {
  currentLabel?: string;
  submitLabel?: string;
  onChanged: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [change, { isLoading }] = useChangePasswordMutation();
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (values: Values) => {
    setError(null);
    const result = await change(values);
    if ('error' in result) {
      const apiError = asApiError(result.error);
      if (!applyServerErrors(form, apiError)) setError(apiError);
      return;
    }
    form.resetFields();
    props.onChanged();
  };

  return (
    <>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
        <Form.Item
          name="currentPassword"
          label={props.currentLabel ?? '当前密码'}
          rules={[{ required: true, message: '请输入当前密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" loading={isLoading}>
          {props.submitLabel ?? '修改密码'}
        </Button>
      </Form>
    </>
  );
}
