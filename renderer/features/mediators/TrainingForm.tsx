import { App, Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  addTrainingInput,
  trainingKindLabels,
  trainingKinds,
  type ApiError,
  type MediatorDto,
} from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError, isoDateItemProps, placeServerErrors, todayIso, zodRule } from '../../components/forms';
import { useAddTrainingMutation } from './mediatorsApi';

interface Values {
  date: string;
  kind: (typeof trainingKinds)[number];
  days: number;
  topic: string;
}

/** 登记培训: one training attended, added to the mediator's log at once (not part of the edit form). */
export function TrainingForm({
  mediator,
  onAdded,
}: {
  mediator: MediatorDto;
  onAdded?: (m: MediatorDto) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [add, { isLoading }] = useAddTrainingMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const { message } = App.useApp();
  const hasInitial = mediator.trainings.some((t) => t.kind === 'initial');

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    const result = await add({ mediatorId: mediator.id, ...v });
    if ('error' in result) {
      const apiError = asApiError(result.error);
      if (!placeServerErrors(form, apiError).length) setError(apiError);
      return;
    }
    void message.success(`已登记${mediator.name}的${trainingKindLabels[v.kind]}${v.days}天`);
    form.resetFields(['topic', 'days']);
    onAdded?.(result.data);
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      aria-label="登记培训"
      initialValues={{ date: todayIso(), kind: hasInitial ? 'continuing' : 'initial', days: 1 }}
    >
      <ErrorAlert error={error} />
      <Row gutter={12} align="bottom">
        <Col span={6}>
          <Form.Item
            name="date"
            label="培训日期"
            rules={[zodRule(addTrainingInput.shape.date)]}
            {...isoDateItemProps}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="kind" label="培训类别">
            <Radio.Group
              optionType="button"
              options={trainingKinds.map((k) => ({ value: k, label: trainingKindLabels[k] }))}
            />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="days" label="天数" rules={[zodRule(addTrainingInput.shape.days)]}>
            <InputNumber min={0.5} max={60} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="topic" label="培训内容" rules={[zodRule(addTrainingInput.shape.topic)]}>
            <Input maxLength={100} placeholder="如：县司法局年度业务培训" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" ghost loading={isLoading} onClick={() => void submit()}>
        登记培训
      </Button>
    </Form>
  );
}
