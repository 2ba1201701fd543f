import { Form, Input } from 'antd';
import { newPassword, text, username } from '../../../main/contract';
import { confirmPasswordRule, zodRule } from '../../components/forms';

/** Step 2: the first administrator account. */
export function AdminStep() {
  return (
    <>
      <Form.Item
        name="username"
        label="管理员用户名"
        rules={[zodRule(username)]}
        extra="登录时使用，如 admin 或姓名拼音"
      >
        <Input autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item name="displayName" label="管理员姓名" rules={[zodRule(text('姓名', 20, 2))]}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item
        name="password"
        label="密码"
        rules={[zodRule(newPassword)]}
        extra="至少8位，须同时包含字母和数字"
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="passwordConfirm"
        label="确认密码"
        dependencies={['password']}
        rules={[confirmPasswordRule()]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
