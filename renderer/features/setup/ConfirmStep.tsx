import { Form, Input, Typography } from 'antd';

/** Step 4: type the code back, proving it was written down correctly. */
export function ConfirmStep() {
  return (
    <>
      <Typography.Paragraph>请对照抄写的内容，输入恢复码以确认抄写无误。</Typography.Paragraph>
      <Form.Item name="recoveryCode" label="恢复码" rules={[{ required: true, message: '请输入恢复码' }]}>
        <Input placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX" autoComplete="off" maxLength={64} />
      </Form.Item>
    </>
  );
}
