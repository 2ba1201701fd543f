import { Form, Input, Radio, Typography } from 'antd';
import {
  confirmationOutcomeLabels,
  confirmationOutcomes,
  recordConfirmationRulingInput,
  rulingOutcomes,
  type AgreementDto,
  type ConfirmationOutcome,
} from '../../../main/contract';
import { zodRule } from '../../components/forms';
import { useOfficeToday } from '../todo/todoApi';
import { StepDateItem } from './StepFields';
import { send, StepForm } from './StepForm';
import { useConfirmationRulingMutation } from './workflowApi';

interface Values {
  court?: string;
  outcome?: ConfirmationOutcome;
  ruledOn?: string;
  rulingNumber?: string;
}

/** 登记司法确认结果: what the court did with the parties' joint application. */
export function ConfirmationRulingForm({
  caseId,
  agreement,
  onClose,
}: {
  caseId: string;
  agreement: AgreementDto;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [record] = useConfirmationRulingMutation();
  const today = useOfficeToday();
  const outcome = Form.useWatch('outcome', form);
  const shape = recordConfirmationRulingInput.shape;
  const known = agreement.confirmation;
  const ruled = outcome !== undefined && rulingOutcomes.includes(outcome);
  return (
    <StepForm<Values>
      title="登记司法确认结果"
      success="司法确认结果已登记"
      form={form}
      onClose={onClose}
      initialValues={
        known
          ? { ...known, rulingNumber: known.rulingNumber ?? undefined }
          : { court: '平罗县人民法院', ruledOn: today }
      }
      intro={
        <Typography.Paragraph type="secondary">
          当事人共同申请司法确认后，人民法院在受理之日起15日内作出裁定：确认有效的，一方拒绝履行时对方可直接申请强制执行；驳回申请的，当事人可以通过调解变更原协议、达成新的协议，或者向人民法院起诉。
        </Typography.Paragraph>
      }
      submit={(v) => send(recordConfirmationRulingInput, { caseId, ...v }, record)}
    >
      <Form.Item name="court" label="受理法院" required rules={[zodRule(shape.court)]}>
        <Input maxLength={60} placeholder="如：平罗县人民法院" />
      </Form.Item>
      <Form.Item name="outcome" label="处理结果" required rules={[zodRule(shape.outcome)]}>
        <Radio.Group
          optionType="button"
          options={confirmationOutcomes.map((o) => ({ value: o, label: confirmationOutcomeLabels[o] }))}
        />
      </Form.Item>
      <StepDateItem
        name="ruledOn"
        label={ruled ? '裁定日期' : '处理日期'}
        schema={shape.ruledOn}
        today={today}
        notBefore={agreement.effectiveOn ?? undefined}
      />
      {ruled && (
        <Form.Item
          name="rulingNumber"
          label="裁定书文号"
          required
          rules={[zodRule(shape.rulingNumber), { required: true, message: '请填写裁定书文号' }]}
        >
          <Input maxLength={40} placeholder="如：（2026）宁0221民特12号" />
        </Form.Item>
      )}
    </StepForm>
  );
}
