import { Alert, Button, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError, ChannelOutput } from '../../../main/contract';
import { centreConnectionInput } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors, asApiError, zodRule } from '../../components/forms';
import { useConnectCentreMutation } from './setupApi';

interface CentreValues {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  tlsMode: 'pinned' | 'verify-full';
  fingerprint?: string;
  ca?: string;
}

const field = centreConnectionInput.shape;

/**
 * 连接县中心数据库: a desk of the county centre works on the centre's PostgreSQL. The server is
 * trusted by the fingerprint of its certificate (read off the server by the centre's
 * administrator) or by the centre's CA; without TLS the desk does not connect. A centre that is
 * already set up takes this desk to its sign-in screen; an empty one is set up from here next.
 */
export function CentreConnectFlow({ onEmpty }: { onEmpty: () => void }) {
  const [form] = Form.useForm<CentreValues>();
  const [error, setError] = useState<ApiError | null>(null);
  const [connect, state] = useConnectCentreMutation();
  const mode = Form.useWatch<CentreValues['tlsMode']>('tlsMode', form);

  const submit = async (v: CentreValues) => {
    setError(null);
    const result = await connect({
      host: v.host,
      port: v.port,
      database: v.database,
      user: v.user,
      password: v.password,
      tls:
        v.tlsMode === 'pinned'
          ? { mode: 'pinned', fingerprint: v.fingerprint ?? '' }
          : { mode: 'verify-full', ca: v.ca ?? '' },
    });
    if ('error' in result) {
      const apiError = asApiError(result.error);
      if (!applyServerErrors(form, apiError)) setError(apiError);
      return;
    }
    const answer: ChannelOutput<'setup:connectCentre'> = result.data;
    // Joined: the session query refetches and the sign-in screen replaces this one.
    if (!answer.joined) onEmpty();
  };

  return (
    <>
      <Typography.Paragraph type="secondary">
        县中心的各台工作台共用一台 PostgreSQL 数据库服务器。请向县中心管理员索取以下连接信息；
        当事人姓名、证件号码、联系方式和纠纷内容在本机加密后才存入服务器。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ port: 5432, tlsMode: 'pinned' }}
        onFinish={(v) => void submit(v)}
      >
        <Space.Compact block>
          <Form.Item name="host" label="服务器地址" rules={[zodRule(field.host)]} style={{ flex: 3 }}>
            <Input placeholder="如：192.168.1.10 或 tiaojie-db.pingluo.local" maxLength={253} />
          </Form.Item>
          <Form.Item
            name="port"
            label="端口"
            rules={[zodRule(field.port)]}
            style={{ flex: 1, marginLeft: 12 }}
          >
            <InputNumber min={1} max={65535} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="database" label="数据库名" rules={[zodRule(field.database)]}>
          <Input placeholder="如：tiaojie" maxLength={63} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="user" label="数据库用户名" rules={[zodRule(field.user)]} style={{ flex: 1 }}>
            <Input autoComplete="off" maxLength={63} />
          </Form.Item>
          <Form.Item
            name="password"
            label="数据库密码"
            rules={[zodRule(field.password)]}
            style={{ flex: 1, marginLeft: 12 }}
          >
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="tlsMode" label="如何确认服务器是县中心的（加密连接）">
          <Radio.Group>
            <Radio value="pinned">核对服务器证书指纹（SHA-256）</Radio>
            <Radio value="verify-full">用县中心的 CA 证书验证</Radio>
          </Radio.Group>
        </Form.Item>
        {mode === 'verify-full' ? (
          <Form.Item
            name="ca"
            label="CA 证书"
            rules={[{ required: true, message: '请粘贴县中心的 CA 证书' }]}
            extra="粘贴县中心管理员提供的 CA 证书全文（PEM 格式）；服务器地址须与证书上的名称一致"
          >
            <Input.TextArea rows={5} placeholder="-----BEGIN CERTIFICATE-----" />
          </Form.Item>
        ) : (
          <Form.Item
            name="fingerprint"
            label="服务器证书指纹"
            rules={[{ required: true, message: '请填写服务器证书指纹' }]}
            extra="64 位十六进制数字，可带冒号；请当面或电话与县中心管理员逐段核对"
          >
            <Input placeholder="如：3F:A2:…（共 32 组）" maxLength={200} />
          </Form.Item>
        )}
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="县中心数据库已由其他工作台初始化的，连接后直接登录；若是空数据库，本机将完成县中心的初始化。"
        />
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button type="primary" htmlType="submit" loading={state.isLoading}>
            连接
          </Button>
        </Space>
      </Form>
    </>
  );
}
