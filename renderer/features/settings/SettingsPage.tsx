import { Button, Card, Col, Divider, Form, InputNumber, Row, Space, Spin, Typography } from 'antd';
import { updateSettingsInput, type SettingsDto } from '../../../main/contract';
import { CountySharedNote } from '../../components/CountySharedNote';
import { ErrorAlert } from '../../components/ErrorAlert';
import { zodRule } from '../../components/forms';
import { useSettingsSubmit } from '../../components/useSettingsSubmit';
import { useGetSettingsQuery, useUpdateSettingsMutation } from './settingsApi';
import { DocumentSettingsCard } from '../documents/DocumentSettingsCard';
import { ChecklistCard } from '../dossiers/ChecklistCard';
// ── screening & subsidy (issue 15) ──
import { CadenceCard } from '../screening/CadenceCard';
import { RulesCard } from '../subsidy/RulesCard';
import { TargetsCard } from '../statistics/TargetsCard';

const shape = updateSettingsInput.shape;

/** The local deadline rules (domain.md §5): what the office follows, set once by 管理员. */
const deadlineFields: { name: keyof SettingsDto; label: string; extra: string; max: number }[] = [
  {
    name: 'mediationLimitDays',
    label: '调解期限',
    extra:
      '一般纠纷及法院委派（诉前）案件自受理之日起计算；司法部规定一般在一个月内调结。经双方当事人同意可延长。',
    max: 180,
  },
  {
    name: 'courtEntrustedOrdinaryDays',
    label: '法院委托调解期限（普通程序）',
    extra: '人民法院立案后委托调解、适用普通程序的案件（特邀调解规定为15日），经当事人同意可延长。',
    max: 90,
  },
  {
    name: 'courtEntrustedSummaryDays',
    label: '法院委托调解期限（简易程序）',
    extra: '人民法院立案后委托调解、适用简易程序的案件（特邀调解规定为7日），经当事人同意可延长。',
    max: 60,
  },
  {
    name: 'returnVisitDelayDays',
    label: '回访间隔',
    extra: '协议履行期限届满后多少天内回访；回访发现未全部履行的，按此间隔安排下一次回访。',
    max: 90,
  },
];

export function SettingsPage() {
  const { data, isLoading } = useGetSettingsQuery();
  const [update, { isLoading: saving }] = useUpdateSettingsMutation();
  const [form] = Form.useForm<SettingsDto>();
  const { error, submit } = useSettingsSubmit(form, update, '设置已保存');

  if (isLoading || !data) return <Spin />;
  return (
    <Space orientation="vertical" size={16}>
      <Card title="系统设置" style={{ maxWidth: 760 }}>
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" initialValues={data} onFinish={submit}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            安全
          </Typography.Title>
          <Form.Item
            name="idleLockMinutes"
            label="无操作自动锁定（分钟）"
            extra="超过该时间无任何操作，工作台自动锁定并关闭数据库，需重新登录"
            rules={[{ required: true, message: '请填写自动锁定时间' }, zodRule(shape.idleLockMinutes)]}
          >
            <InputNumber min={1} max={240} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Divider />
          <Typography.Title level={5}>办理期限</Typography.Title>
          <CountySharedNote />
          <Typography.Paragraph type="secondary">
            调解期限从受理之日起计算，到期前7天和3天在“我的待办”中提醒；司法确认申请期限固定为协议生效之日起30日（民事诉讼法）。修改调解期限后，未办结案件按新规定重新计算（已延长的除外）；已安排的回访日期不变。
          </Typography.Paragraph>
          <Row gutter={24}>
            {deadlineFields.map((f) => (
              <Col span={12} key={f.name}>
                <Form.Item
                  name={f.name}
                  label={f.label}
                  extra={f.extra}
                  rules={[{ required: true, message: `请填写${f.label}` }, zodRule(shape[f.name])]}
                >
                  <InputNumber min={1} max={f.max} precision={0} suffix="天" style={{ width: 160 }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
        </Form>
      </Card>
      <DocumentSettingsCard />
      {/* ── dossier (issue 13) ── */}
      <ChecklistCard />
      {/* ── screening & subsidy (issue 15) ── */}
      <CadenceCard />
      <RulesCard />
      <TargetsCard />
    </Space>
  );
}
