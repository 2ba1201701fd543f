import { AutoComplete, Form, Input, Select, Typography } from 'antd';
import { referOutInput, type ReferralRoute } from '../../../main/contract';
import { zodRule } from '../../components/forms';
import { useOfficeToday } from '../todo/todoApi';
import { referralRouteOptions, StepDateItem } from '../workflow/StepFields';
import { send, StepForm } from '../workflow/StepForm';
import { useReferOutMutation } from '../workflow/workflowApi';

const shape = referOutInput.shape;

/** Usual receiving bodies in Pingluo, by route: a starting point the dispatcher can edit. */
const bodies: Record<ReferralRoute, string[]> = {
  litigation: ['平罗县人民法院'],
  arbitration: ['平罗县劳动人事争议仲裁委员会', '石嘴山仲裁委员会'],
  administrative: ['平罗县人民政府', '平罗县自然资源局', '平罗县卫生健康局', '平罗县市场监督管理局'],
  petition: ['平罗县信访局'],
  police: ['平罗县公安局'],
};

const told: Record<ReferralRoute, string> = {
  litigation: '已告知当事人本纠纷可向平罗县人民法院提起诉讼，并说明了诉讼时效。',
  arbitration: '已告知当事人本纠纷须先申请仲裁，并说明了申请仲裁的期限和受理机构。',
  administrative: '已告知当事人可向有关行政机关申请行政裁决或行政处理。',
  petition: '已告知当事人可通过信访渠道反映诉求。',
  police: '已告知当事人本纠纷已移送公安机关处理。',
};

interface Values {
  route?: ReferralRoute;
  receivingBody?: string;
  told?: string;
  referredOn?: string;
}

/** 转出: the case leaves mediation for a court, arbitration, an administrative body, petitions or the police. */
export function ReferOutForm({
  caseId,
  receivedOn,
  onClose,
}: {
  caseId: string;
  receivedOn?: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [referOut] = useReferOutMutation();
  const today = useOfficeToday();
  const route = Form.useWatch('route', form);

  return (
    <StepForm<Values>
      title="转出（告知其他途径）"
      okText="确认转出"
      danger
      success="案件已转出"
      form={form}
      onClose={onClose}
      initialValues={{ referredOn: today }}
      intro={
        <Typography.Paragraph type="secondary">
          不宜或不能通过人民调解解决的纠纷，转出至有关机关并告知当事人其他解决途径。转出后本案不再调解。
        </Typography.Paragraph>
      }
      submit={(v) => send(referOutInput, { caseId, ...v }, referOut)}
    >
      <Form.Item name="route" label="转出途径" required rules={[zodRule(shape.route)]}>
        <Select
          placeholder="请选择"
          options={referralRouteOptions}
          onChange={(r: ReferralRoute) => {
            const current = (form.getFieldValue('told') as string | undefined) ?? '';
            if (!current.trim() || Object.values(told).includes(current)) form.setFieldValue('told', told[r]);
          }}
        />
      </Form.Item>
      <Form.Item name="receivingBody" label="接收机关" rules={[zodRule(shape.receivingBody)]}>
        <AutoComplete
          options={(route ? bodies[route] : []).map((b) => ({ value: b }))}
          placeholder="如：平罗县人民法院"
          maxLength={60}
        />
      </Form.Item>
      <Form.Item name="told" label="告知当事人的内容" required rules={[zodRule(shape.told)]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} />
      </Form.Item>
      <StepDateItem
        name="referredOn"
        label="转出日期"
        schema={shape.referredOn}
        today={today}
        notBefore={receivedOn}
      />
    </StepForm>
  );
}
