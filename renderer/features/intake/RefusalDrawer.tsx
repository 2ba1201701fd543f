import { App, Button, Checkbox, Col, DatePicker, Drawer, Form, Input, Radio, Row, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  refusalInput,
  refusalReasonLabels,
  refusalReasons,
  type ApiError,
  type CatalogDto,
  type RefusalInput,
  type RefusalDto,
  type RefusalReason,
} from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors, asApiError, isoDateItemProps, todayIso, zodRule } from '../../components/forms';
import { useHotkeys } from '../../components/useHotkeys';
import { disputeTypeOptions, labelContains, townshipOptions } from '../catalog/catalogOptions';
import { useRecordRefusalMutation } from './intakeApi';
import { refusalRouteTemplates, refusalToldTemplates, routeOptions } from './refusalTemplates';

const shape = refusalInput.shape;
const search = { filterOption: labelContains };

interface Props {
  catalog: CatalogDto | undefined;
  /** What the intake form already knows about this visit. */
  prefill?: Partial<RefusalInput>;
  onClose: () => void;
  onRecorded?: (refusal: RefusalDto) => void;
}

/**
 * 不予受理: a visit that must not become a case (one party clearly refuses; a court, the police
 * or another organ already has it; not a civil dispute) is recorded with what the person was told.
 * Mounted only while open, so each visit starts fresh.
 */
export function RefusalDrawer({ catalog, prefill, onClose, onRecorded }: Props) {
  const [form] = Form.useForm<RefusalInput>();
  const [record, { isLoading }] = useRecordRefusalMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const { message } = App.useApp();

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    const result = await record({ ...form.getFieldsValue(true), ...v } as RefusalInput);
    if ('error' in result) {
      const apiError = asApiError(result.error);
      if (!applyServerErrors(form, apiError)) setError(apiError);
      return;
    }
    void message.success(`已登记不予受理：${result.data.applicantName}`);
    onRecorded?.(result.data);
    onClose();
  };
  useHotkeys({ 'Ctrl+S': () => void submit() });

  const onReason = (reason: RefusalReason) => {
    const told = (form.getFieldValue('told') as string | undefined) ?? '';
    const isTemplate = !told.trim() || Object.values(refusalToldTemplates).includes(told);
    if (isTemplate) form.setFieldValue('told', refusalToldTemplates[reason]);
    // The routes follow the reason until the clerk chooses them.
    if (!form.isFieldTouched('routes')) form.setFieldValue('routes', refusalRouteTemplates[reason]);
  };

  return (
    <Drawer
      open
      title="不予受理登记"
      size={640}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" danger loading={isLoading} onClick={() => void submit()}>
            登记不予受理
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ receivedOn: todayIso(), routes: [], ...prefill }}
        onValuesChange={(changed: Partial<RefusalInput>) => changed.reason && onReason(changed.reason)}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="applicantName"
              label="来访人姓名"
              required
              rules={[zodRule(shape.applicantName)]}
            >
              <Input autoFocus maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="applicantPhone"
              label="联系电话"
              rules={[zodRule(shape.applicantPhone)]}
              validateDebounce={400}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="receivedOn"
              label="来访日期"
              required
              rules={[zodRule(shape.receivedOn)]}
              {...isoDateItemProps}
            >
              <DatePicker
                style={{ width: '100%' }}
                allowClear={false}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="otherPartyName" label="对方当事人" rules={[zodRule(shape.otherPartyName)]}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="township" label="乡镇" required rules={[zodRule(shape.township)]}>
              <Select showSearch={search} options={townshipOptions(catalog)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="disputeType" label="纠纷类型" required rules={[zodRule(shape.disputeType)]}>
              <Select showSearch={search} options={disputeTypeOptions(catalog)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="summary" label="纠纷简要情况" required rules={[zodRule(shape.summary)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="reason" label="不予受理理由" required rules={[zodRule(shape.reason)]}>
          <Radio.Group>
            <Space orientation="vertical">
              {refusalReasons.map((r) => (
                <Radio key={r} value={r}>
                  {refusalReasonLabels[r]}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reasonDetail"
          label="具体说明"
          dependencies={['reason']}
          rules={[
            zodRule(shape.reasonDetail),
            ({ getFieldValue }) => ({
              validator: async (_r, v: string | undefined) => {
                if (getFieldValue('reason') === 'other' && !v?.trim())
                  throw new Error('理由为“其他”时请写明具体情况');
              },
            }),
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 4 }}
            maxLength={500}
            placeholder="如：已由平罗县人民法院立案受理"
          />
        </Form.Item>
        <Form.Item
          name="routes"
          label="可以选择的其他途径"
          extra="印在不予受理告知书上，交来访人带走"
          rules={[zodRule(shape.routes)]}
        >
          <Checkbox.Group options={routeOptions} />
        </Form.Item>
        <Form.Item name="told" label="告知当事人的内容" required rules={[zodRule(shape.told)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
