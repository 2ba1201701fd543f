import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Form, Input, Result, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { VERIFICATION_CODE_PLACE, type VerificationDto } from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/forms';
import { useLazyVerifyCodeQuery } from './verifyApi';

const verdictView: Record<
  VerificationDto['verdict'],
  { status: 'success' | 'warning' | 'error' | 'info'; title: string }
> = {
  valid: { status: 'success', title: '核验通过' },
  superseded: { status: 'warning', title: '不是最新版本' },
  unknown: { status: 'error', title: '核验未通过' },
  invalid: { status: 'info', title: '核验码格式不正确' },
};

function Verdict({ result }: { result: VerificationDto }) {
  const view = verdictView[result.verdict];
  const m = result.match;
  return (
    <Result
      status={view.status}
      title={view.title}
      subTitle={result.message}
      style={{ padding: '24px 0 8px' }}
      extra={
        m && (
          <Descriptions
            bordered
            size="small"
            column={2}
            style={{ maxWidth: 760, margin: '0 auto', textAlign: 'left' }}
            styles={{ label: { width: 110 } }}
          >
            <Descriptions.Item label="案号">
              <Link to={`/cases/${m.caseId}`}>{m.caseNumber}</Link>
            </Descriptions.Item>
            <Descriptions.Item label="协议编号">{m.agreementNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="当事人" span={2}>
              {m.partyNames}
            </Descriptions.Item>
            <Descriptions.Item label="调解组织" span={2}>
              {m.committeeName}
            </Descriptions.Item>
            <Descriptions.Item label="相符版本">
              {m.versionNos.map((n) => `第${n}版`).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label="最新版本">
              第{m.latestVersionNo}版{' '}
              {m.isLatest ? <Tag color="green">即本版</Tag> : <Tag color="orange">已更新</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="出具人">{m.generatedByName}</Descriptions.Item>
            <Descriptions.Item label="出具时间">
              {dayjs(m.generatedAt).format('YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
            <Descriptions.Item label="核验码" span={2}>
              <Typography.Text code>{result.shortCode}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )
      }
    />
  );
}

/**
 * Route /verify: a clerk types the 核验码 printed under an agreement's QR code (or pastes what a
 * scanner read from the code) and learns whether this office issued exactly that agreement.
 */
export function VerifyPage() {
  const [form] = Form.useForm<{ code: string }>();
  const [verify, { data, error, isFetching }] = useLazyVerifyCodeQuery();

  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          协议书核验
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        输入人民调解协议书{VERIFICATION_CODE_PLACE}二维码下方的12位核验码（如
        7K2M-9QXA-4D1F，大小写、空格均可），或用扫码枪扫描二维码。系统将核对该协议书是否由本单位出具、内容是否被改动、是否为最新版本。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        onFinish={({ code }) => void verify(code.trim())}
        style={{ marginBottom: 8, maxWidth: 760 }}
      >
        <Form.Item
          name="code"
          label="核验码"
          style={{ flex: 1 }}
          rules={[{ required: true, whitespace: true, message: '请输入核验码或扫描二维码' }]}
        >
          <Input.TextArea
            autoFocus
            autoSize={{ minRows: 1, maxRows: 3 }}
            placeholder="核验码或二维码内容"
            onPressEnter={(e) => {
              e.preventDefault();
              form.submit();
            }}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={isFetching} icon={<SafetyCertificateOutlined />}>
            核验
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={error ? asApiError(error) : null} />
      {data && !isFetching && (
        <div data-testid="verify-verdict">
          <Verdict result={data} />
        </div>
      )}
    </Card>
  );
}
