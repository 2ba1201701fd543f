import { Col, DatePicker, Form, Input, InputNumber, Radio, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef } from 'react';
import { useNavigate } from 'react-router';
import {
  escalateInput,
  extendDeadlineInput,
  respondInput,
  riskReportInput,
  type ChannelInput,
} from '../../../main/contract';
import { zodRule } from '../../components/forms';
import { send, StepForm } from './StepForm';
import {
  useEscalateMutation,
  useExtendDeadlineMutation,
  useRespondMutation,
  useRiskReportMutation,
} from './workflowApi';

interface Base {
  caseId: string;
  onClose: () => void;
}

/** 退回: the receiving committee sends the case back to the intake queue, with its reason. */
export function ReturnForm({ caseId, onClose }: Base) {
  const [form] = Form.useForm<{ reason?: string }>();
  const [respond] = useRespondMutation();
  const navigate = useNavigate();
  // A committee the case was only dispatched to no longer sees it once returned: back to 我的待办.
  const gone = useRef(false);
  const returned = (input: ChannelInput<'workflow:respond'>) =>
    respond(input).then((outcome) => {
      gone.current = 'data' in outcome && outcome.data === null;
      return outcome;
    });
  return (
    <StepForm
      title="退回案件"
      okText="退回"
      danger
      success="案件已退回分流"
      form={form}
      onClose={() => {
        onClose();
        if (gone.current) void navigate('/todo');
      }}
      intro={
        <Typography.Paragraph type="secondary">
          退回后案件回到受理中心的待分流队列，由分流员重新指派。
        </Typography.Paragraph>
      }
      submit={(v) => send(respondInput, { caseId, accept: false, reason: v.reason }, returned)}
    >
      <Form.Item
        name="reason"
        label="退回理由"
        required
        rules={[{ required: true, message: '退回案件须写明理由' }, zodRule(respondInput.shape.reason)]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 6 }}
          maxLength={200}
          placeholder="如：不属于医疗纠纷，系合同纠纷"
        />
      </Form.Item>
    </StepForm>
  );
}

/** 上报: a case the committee cannot settle goes up a tier (village → township → county center). */
export function EscalateForm({ caseId, onClose }: Base) {
  const [form] = Form.useForm<{ riskNote?: string }>();
  const [escalate] = useEscalateMutation();
  return (
    <StepForm
      title="上报上级调解组织"
      okText="上报"
      success="已上报，等待上级调解组织接收"
      form={form}
      onClose={onClose}
      intro={
        <Typography.Paragraph type="secondary">
          村（居）、企事业单位调委会上报所在乡镇调委会；乡镇及专业调委会上报县人民调解中心。
        </Typography.Paragraph>
      }
      submit={(v) => send(escalateInput, { caseId, ...v }, escalate)}
    >
      <Form.Item
        name="riskNote"
        label="上报理由及风险说明"
        required
        rules={[zodRule(escalateInput.shape.riskNote)]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 6 }}
          maxLength={500}
          placeholder="如：双方矛盾激化，涉及多户，村调委会难以调处"
        />
      </Form.Item>
    </StepForm>
  );
}

/** 延长调解期限: only with the parties' consent, recorded. */
export function ExtendDeadlineForm({ caseId, currentDue, onClose }: Base & { currentDue?: string }) {
  const [form] = Form.useForm<{ days?: number; consent?: string }>();
  const [extend] = useExtendDeadlineMutation();
  const days = Form.useWatch('days', form);
  const shape = extendDeadlineInput.shape;
  return (
    <StepForm
      title="延长调解期限"
      okText="延长"
      success="调解期限已延长"
      form={form}
      onClose={onClose}
      initialValues={{ days: 15 }}
      intro={
        currentDue && (
          <Typography.Paragraph>
            当前调解期限 <Typography.Text strong>{currentDue}</Typography.Text>
            {days ? (
              <>
                ，延长后为{' '}
                <Typography.Text strong>
                  {dayjs(currentDue).add(days, 'day').format('YYYY-MM-DD')}
                </Typography.Text>
              </>
            ) : null}
            。延长须经双方当事人同意。
          </Typography.Paragraph>
        )
      }
      submit={(v) => send(extendDeadlineInput, { caseId, ...v }, extend)}
    >
      <Form.Item name="days" label="延长天数" required rules={[zodRule(shape.days)]}>
        <InputNumber min={1} max={60} precision={0} suffix="天" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="consent" label="当事人同意情况" required rules={[zodRule(shape.consent)]}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={300}
          placeholder="如：双方当事人书面同意延长，同意书附卷"
        />
      </Form.Item>
    </StepForm>
  );
}

interface RiskValues {
  reported?: boolean;
  reportedTo?: string;
  reportedBy?: string;
  reportedAt?: Dayjs;
  reasonNotReported?: string;
}

/** 民转刑风险报告 (Law Art. 25): to whom, by whom and when it was reported to the police, or why not. */
export function RiskReportForm({ caseId, reporter, onClose }: Base & { reporter: string }) {
  const [form] = Form.useForm<RiskValues>();
  const [report] = useRiskReportMutation();
  const reported = Form.useWatch('reported', form) ?? true;
  const shape = riskReportInput.shape;
  return (
    <StepForm<RiskValues>
      title="民转刑风险报告"
      success="风险报告情况已登记"
      form={form}
      onClose={onClose}
      initialValues={{ reported: true, reportedBy: reporter, reportedAt: dayjs().startOf('minute') }}
      intro={
        <Typography.Paragraph type="secondary">
          经调解可能激化、可能转化为治安或刑事案件的纠纷，应及时向公安机关或其他有关部门报告（人民调解法第二十五条）。
        </Typography.Paragraph>
      }
      submit={(v) =>
        send(
          riskReportInput,
          v.reported
            ? {
                caseId,
                reported: true,
                reportedTo: v.reportedTo,
                reportedBy: v.reportedBy,
                // UTC, as the service compares instants as text.
                reportedAt: v.reportedAt?.toDate().toISOString(),
              }
            : { caseId, reported: false, reasonNotReported: v.reasonNotReported },
          report,
        )
      }
    >
      <Form.Item name="reported" label="是否已报告公安机关" required>
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: '已报告' },
            { value: false, label: '未报告' },
          ]}
        />
      </Form.Item>
      {reported ? (
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item
              name="reportedTo"
              label="报告对象（单位及人员）"
              required
              rules={[zodRule(shape.reportedTo), { required: true, message: '请填写报告对象' }]}
            >
              <Input maxLength={60} placeholder="如：平罗县公安局城关派出所 值班民警" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="reportedBy"
              label="报告人"
              required
              rules={[zodRule(shape.reportedBy), { required: true, message: '请填写报告人' }]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              name="reportedAt"
              label="报告时间"
              required
              rules={[{ required: true, message: '请填写报告时间' }]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Form.Item
          name="reasonNotReported"
          label="未报告的理由"
          required
          rules={[
            zodRule(shape.reasonNotReported),
            { required: true, message: '未报告公安机关时须写明理由' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} />
        </Form.Item>
      )}
    </StepForm>
  );
}
