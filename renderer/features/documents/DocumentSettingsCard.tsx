import { Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import {
  dateStyleLabels,
  dateStyles,
  retentionOptions,
  saveDocumentSettingsInput,
  type ChannelInput,
  type ChannelOutput,
} from '../../../main/contract';
import { call } from '../../api/baseApi';
import { CountySharedNote } from '../../components/CountySharedNote';
import { ErrorAlert } from '../../components/ErrorAlert';
import { zodRule } from '../../components/forms';
import { useSettingsSubmit } from '../../components/useSettingsSubmit';
import { documentsApi } from './documentsApi';

// 系统设置 → 文书设置: what every printed form takes from the installation rather than from the
// case — the court a 司法确认申请书 goes to by default, how dates are written, and the 保管期限
// proposed at 立卷 and printed on the file cover.

type Settings = ChannelInput<'documents:saveSettings'>;

const api = documentsApi.injectEndpoints({
  endpoints: (b) => ({
    documentSettings: b.query<ChannelOutput<'documents:settings'>, void>({
      query: () => call('documents:settings')({}),
      providesTags: ['Settings'],
    }),
    saveDocumentSettings: b.mutation<ChannelOutput<'documents:saveSettings'>, Settings>({
      query: call('documents:saveSettings'),
      invalidatesTags: ['Settings', 'Audit', 'Document'],
    }),
  }),
});

const shape = saveDocumentSettingsInput.shape;

export function DocumentSettingsCard() {
  const { data } = api.useDocumentSettingsQuery();
  const [save, { isLoading }] = api.useSaveDocumentSettingsMutation();
  const [form] = Form.useForm<Settings>();
  const { error, submit } = useSettingsSubmit(form, save, '文书设置已保存');
  if (!data) return null;
  return (
    <Card title="文书设置" style={{ maxWidth: 760 }} data-testid="document-settings-card">
      <CountySharedNote />
      <Typography.Paragraph type="secondary">
        各类文书统一使用的内容。各调解组织的印章全称在“调解组织”中逐个填写（印章文字；未填写时为“
        {data.county}”加组织名称）。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form<Settings>
        form={form}
        layout="vertical"
        initialValues={{
          defaultCourt: data.defaultCourt,
          dateStyle: data.dateStyle,
          retention: data.retention as Settings['retention'],
        }}
        onFinish={submit}
      >
        <Form.Item
          name="defaultCourt"
          label="默认司法确认法院"
          extra="司法确认申请书默认递交的人民法院或人民法庭；人民法院委托调解的案件仍送交委托法院。"
          rules={[{ required: true, message: '请填写默认司法确认法院' }, zodRule(shape.defaultCourt)]}
        >
          <Input maxLength={40} style={{ width: 320 }} />
        </Form.Item>
        <Form.Item
          name="dateStyle"
          label="文书日期格式"
          extra="协议书、申请书等文书中落款日期和其他日期的写法。"
        >
          <Radio.Group options={dateStyles.map((s) => ({ value: s, label: dateStyleLabels[s] }))} />
        </Form.Item>
        <Form.Item
          name="retention"
          label="卷宗保管期限"
          extra="立卷时默认的保管期限（立卷时可按案件改），印在卷宗封面上。"
          rules={[{ required: true, message: '请选择卷宗保管期限' }]}
        >
          <Select
            style={{ width: 160 }}
            options={retentionOptions.map((r) => ({ value: r, label: r }))}
            aria-label="卷宗保管期限"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isLoading}>
          保存文书设置
        </Button>
      </Form>
    </Card>
  );
}
