import { Alert, Checkbox, Form, Typography } from 'antd';

/** Step 3: the recovery code, shown once. Without it a forgotten administrator password loses the data. */
export function RecoveryCodeStep({ code }: { code: string | undefined }) {
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title="请立即把下面的恢复码抄写在纸上，妥善保管"
        description="恢复码只显示这一次。管理员忘记密码时，只能凭恢复码重设密码；恢复码丢失且所有管理员都忘记密码，数据将无法找回。"
        style={{ marginBottom: 16 }}
      />
      <div className="desk-recovery-code" data-testid="recovery-code">
        {code ?? '正在生成…'}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        恢复码不区分大小写，输入时可以省略短横线。
      </Typography.Paragraph>
      <Form.Item
        name="copied"
        valuePropName="checked"
        rules={[
          {
            validator: async (_r, v: boolean) => {
              if (!v) throw new Error('请确认已抄写恢复码');
            },
          },
        ]}
      >
        <Checkbox>我已抄写恢复码并妥善保管</Checkbox>
      </Form.Item>
    </>
  );
}
