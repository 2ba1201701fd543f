import { Form, Input } from 'antd';
import { text, username } from '../../../main/contract';
import { zodRule } from '../../components/forms';
import { NewPasswordFields } from '../../components/NewPasswordFields';

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
      <NewPasswordFields label="密码" extra="至少8位，须同时包含字母和数字" />
    </>
  );
}
