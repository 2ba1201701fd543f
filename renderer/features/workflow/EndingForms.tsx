import { Alert, AutoComplete, Checkbox, Form, Input, Radio, Typography } from 'antd';
import {
  closeInput,
  informRoutesInput,
  terminateInput,
  terminationKindLabels,
  terminationKinds,
  type WorkflowDto,
} from '../../../main/contract';
import { zodRule } from '../../components/forms';
import { useOfficeToday } from '../todo/todoApi';
import { referralRouteOptions, StepDateItem } from './StepFields';
import { send, StepForm } from './StepForm';
import { useCloseCaseMutation, useInformRoutesMutation, useTerminateMutation } from './workflowApi';

interface Base {
  caseId: string;
  onClose: () => void;
}

/** 终止调解: it failed, a party asked to end it, or one party clearly refuses (Law Arts. 17, 23, 26). */
export function TerminateForm({ caseId, receivedOn, onClose }: Base & { receivedOn?: string }) {
  const [form] = Form.useForm<{
    kind?: (typeof terminationKinds)[number];
    reason?: string;
    terminatedOn?: string;
  }>();
  const [terminate] = useTerminateMutation();
  const today = useOfficeToday();
  const shape = terminateInput.shape;
  return (
    <StepForm
      title="终止调解"
      okText="终止调解"
      danger
      success="已终止调解，请告知当事人其他解决途径"
      form={form}
      onClose={onClose}
      initialValues={{ terminatedOn: today }}
      intro={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="终止后须告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利（人民调解法第二十六条），登记“告知其他途径”后方可结案。"
        />
      }
      submit={(v) => send(terminateInput, { caseId, ...v }, terminate)}
    >
      <Form.Item name="kind" label="终止原因" required rules={[zodRule(shape.kind)]}>
        <Radio.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          options={terminationKinds.map((k) => ({ value: k, label: terminationKindLabels[k] }))}
        />
      </Form.Item>
      <Form.Item name="reason" label="终止情况说明" required rules={[zodRule(shape.reason)]}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 6 }}
          maxLength={1000}
          placeholder="如：双方对赔偿数额分歧过大，经三次调解未能达成一致"
        />
      </Form.Item>
      <StepDateItem
        name="terminatedOn"
        label="终止日期"
        schema={shape.terminatedOn}
        today={today}
        notBefore={receivedOn}
      />
    </StepForm>
  );
}

const howOptions = ['当面口头告知', '当面告知并发放告知书', '电话告知', '书面告知书送达'].map((value) => ({
  value,
}));

/** 告知其他途径: what the parties were told they may do instead (Law Art. 26); needed before closing. */
export function InformRoutesForm({ caseId, terminatedOn, onClose }: Base & { terminatedOn?: string }) {
  const [form] = Form.useForm<{ routes?: string[]; how?: string; toldOn?: string; note?: string }>();
  const [inform] = useInformRoutesMutation();
  const today = useOfficeToday();
  const shape = informRoutesInput.shape;
  return (
    <StepForm
      title="告知其他途径"
      success="已登记告知情况，可以结案"
      form={form}
      onClose={onClose}
      initialValues={{ toldOn: today, routes: ['litigation'] }}
      submit={(v) => send(informRoutesInput, { caseId, ...v }, inform)}
    >
      <Form.Item name="routes" label="告知当事人可以通过的途径" required rules={[zodRule(shape.routes)]}>
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          options={referralRouteOptions}
        />
      </Form.Item>
      <Form.Item name="how" label="告知方式" required rules={[zodRule(shape.how)]}>
        <AutoComplete options={howOptions} maxLength={100} placeholder="如：当面告知并发放告知书" />
      </Form.Item>
      <StepDateItem
        name="toldOn"
        label="告知日期"
        schema={shape.toldOn}
        today={today}
        notBefore={terminatedOn}
      />
      <Form.Item name="note" label="说明" rules={[zodRule(shape.note)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
      </Form.Item>
    </StepForm>
  );
}

/** 结案: after the return visit (success) or after the routes were told (failure). */
export function CloseForm({ caseId, wf, onClose }: Base & { wf: WorkflowDto }) {
  const [form] = Form.useForm<{ note?: string }>();
  const [closeCase] = useCloseCaseMutation();
  const lastVisit = wf.visits.filter((v) => v.visitedOn).at(-1);
  const unperformed = wf.status === 'visited' && lastVisit?.performanceStatus !== 'performed';
  return (
    <StepForm
      title="结案"
      okText="结案"
      success="已结案"
      form={form}
      onClose={onClose}
      intro={
        unperformed ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="协议尚未全部履行，结案须说明理由（如已告知当事人可申请强制执行或起诉）"
          />
        ) : (
          <Typography.Paragraph type="secondary">
            结案后案件进入归档，不能再登记调解记录或变更协议。
          </Typography.Paragraph>
        )
      }
      submit={(v) => send(closeInput, { caseId, ...v }, closeCase)}
    >
      <Form.Item
        name="note"
        label="结案说明"
        required={unperformed}
        rules={[
          zodRule(closeInput.shape.note),
          { required: unperformed, message: '协议尚未全部履行，请说明结案理由' },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} />
      </Form.Item>
    </StepForm>
  );
}
