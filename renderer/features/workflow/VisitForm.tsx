import { Checkbox, Col, Form, Input, Radio, Row, Space, Typography } from 'antd';
import {
  performanceStatusLabels,
  performanceStatuses,
  recordVisitInput,
  satisfactionLabels,
  satisfactions,
  type AgreementDto,
} from '../../../main/contract';
import { zodRule } from '../../components/forms';
import { useOfficeToday } from '../todo/todoApi';
import { StepDateItem } from './StepFields';
import { send, StepForm } from './StepForm';
import { useRecordVisitMutation } from './workflowApi';

const shape = recordVisitInput.shape;

type Values = {
  visitedOn?: string;
  visitor?: string;
  performanceStatus?: (typeof performanceStatuses)[number];
  satisfaction?: (typeof satisfactions)[number];
  escalationSigns?: boolean;
  courtAction?: boolean;
  situation?: string;
  measures?: string;
};

interface Props {
  caseId: string;
  agreement: AgreementDto;
  dueOn: string | null;
  visitor: string;
  onClose: () => void;
}

/** 登记回访 (Law Art. 31): was the agreement performed, are the parties satisfied, any sign of trouble. */
export function VisitForm({ caseId, agreement, dueOn, visitor, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [recordVisit] = useRecordVisitMutation();
  const today = useOfficeToday();
  const status = Form.useWatch('performanceStatus', form);

  return (
    <StepForm<Values>
      drawer
      width={680}
      title="登记回访"
      success="回访已登记"
      form={form}
      onClose={onClose}
      initialValues={{ visitedOn: today, visitor, escalationSigns: false, courtAction: false }}
      intro={
        <Typography.Paragraph type="secondary">
          协议编号 {agreement.number}，履行期限 {agreement.performanceDeadline}
          {dueOn ? `，应于 ${dueOn} 前回访` : ''}。协议未全部履行的，系统将按设置的回访间隔安排下一次回访。
        </Typography.Paragraph>
      }
      submit={(v) =>
        send(
          recordVisitInput,
          { caseId, ...v, escalationSigns: Boolean(v.escalationSigns), courtAction: Boolean(v.courtAction) },
          recordVisit,
        )
      }
    >
      <Row gutter={16}>
        <Col span={10}>
          <StepDateItem
            name="visitedOn"
            label="回访日期"
            schema={shape.visitedOn}
            today={today}
            notBefore={agreement.reachedOn}
            width="100%"
          />
        </Col>
        <Col span={14}>
          <Form.Item name="visitor" label="回访人" required rules={[zodRule(shape.visitor)]}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="performanceStatus"
        label="履行情况"
        required
        rules={[zodRule(shape.performanceStatus)]}
      >
        <Radio.Group
          options={performanceStatuses.map((s) => ({ value: s, label: performanceStatusLabels[s] }))}
        />
      </Form.Item>
      <Form.Item name="satisfaction" label="当事人满意度" required rules={[zodRule(shape.satisfaction)]}>
        <Radio.Group options={satisfactions.map((s) => ({ value: s, label: satisfactionLabels[s] }))} />
      </Form.Item>
      <Space size={24} style={{ marginBottom: 16 }}>
        <Form.Item name="escalationSigns" valuePropName="checked" noStyle>
          <Checkbox>发现矛盾激化迹象</Checkbox>
        </Form.Item>
        <Form.Item name="courtAction" valuePropName="checked" noStyle>
          <Checkbox>当事人已就协议起诉</Checkbox>
        </Form.Item>
      </Space>
      <Form.Item name="situation" label="回访情况" required rules={[zodRule(shape.situation)]}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={2000}
          placeholder="如：款项已于12月8日转账到位，双方对处理结果满意"
        />
      </Form.Item>
      <Form.Item
        name="measures"
        label="采取的措施"
        rules={[zodRule(shape.measures)]}
        extra={
          status && status !== 'performed'
            ? '协议未全部履行：可督促履行，并告知当事人可就协议履行向人民法院起诉；已司法确认的可申请强制执行'
            : undefined
        }
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
    </StepForm>
  );
}
