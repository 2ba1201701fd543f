import { Form, Input, Radio } from 'antd';
import { password, username } from '../../../main/contract';
import { zodRule } from '../../components/forms';

export interface UnlockValues {
  kind: 'password' | 'recovery';
  username?: string;
  password?: string;
  recoveryCode?: string;
}

/** Step 2: the backup opens with an account's password as it was then, or the recovery code. */
export function RestoreUnlock() {
  const kind = Form.useWatch<UnlockValues['kind']>('kind');
  return (
    <>
      <Form.Item name="kind" label="解锁方式" initialValue="password">
        <Radio.Group
          options={[
            { value: 'password', label: '账户和密码（做备份时的密码）' },
            { value: 'recovery', label: '恢复码' },
          ]}
        />
      </Form.Item>
      {kind === 'recovery' ? (
        <Form.Item
          name="recoveryCode"
          label="恢复码"
          extra="首次设置时抄写的24位字符"
          rules={[{ required: true, message: '请输入恢复码' }]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="username" label="用户名" rules={[zodRule(username)]}>
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[zodRule(password)]}>
            <Input.Password autoComplete="off" />
          </Form.Item>
        </>
      )}
    </>
  );
}
