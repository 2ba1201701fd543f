import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, DatePicker, Form, Input, Radio, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import {
  agreementKindLabels,
  agreementKinds,
  formatFen,
  formatFenCapital,
  parseAmount,
  recordAgreementInput,
  setEffectiveInput,
  subjectMatterLabels,
  subjectMatters,
  type AgreementDto,
  type RecordAgreementInput,
} from '../../../main/contract';
import { isoDateItemProps, zodRule } from '../../components/forms';
import { useOfficeToday } from '../todo/todoApi';
import { outsideStepRange, StepDateItem } from './StepFields';
import { send, StepForm } from './StepForm';
import { useRecordAgreementMutation, useSetEffectiveMutation } from './workflowApi';

const shape = recordAgreementInput.shape;

type Values = Partial<Omit<RecordAgreementInput, 'caseId'>>;

/** "8630" → "= 8,630.00 元（人民币捌仟陆佰叁拾元整）", as the mediator types. */
function AmountMeaning({ raw }: { raw: string | undefined }) {
  if (!raw?.trim()) return <span>协议涉及的金额，如 8630、1.5万；不涉及金额的不填</span>;
  const parsed = parseAmount(raw);
  if (!parsed.ok) return null;
  return (
    <Typography.Text type="success" data-testid="agreement-amount">
      = {formatFen(parsed.fen)} 元（人民币{formatFenCapital(parsed.fen)}）
    </Typography.Text>
  );
}

const termsRule = {
  validator: async (_r: unknown, terms?: string[]) => {
    if (!terms?.length) throw new Error('至少填写一条协议内容');
  },
};

const notBefore = (other: string, label: string) => ({
  validator: async (_r: unknown, v?: string) => {
    if (v && other && v < other) throw new Error(`不能早于${label}`);
  },
});

/** 登记调解协议 (Law Arts. 28–30): written or oral, numbered terms, how/where/by when it is performed. */
export function AgreementForm({
  caseId,
  facts,
  receivedOn,
  onClose,
}: {
  caseId: string;
  facts: string;
  receivedOn?: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [recordAgreement] = useRecordAgreementMutation();
  const today = useOfficeToday();
  const kind = Form.useWatch('kind', form);
  const amount = Form.useWatch('amountFen', form);
  const reachedOn = Form.useWatch('reachedOn', form) ?? '';
  const subject = Form.useWatch('subjectMatter', form);

  return (
    <StepForm<Values>
      drawer
      width={780}
      title="登记调解协议"
      success="调解协议已登记"
      form={form}
      onClose={onClose}
      initialValues={{ kind: 'written', terms: [''], reachedOn: today, subjectMatter: 'ordinary', facts }}
      submit={(v) =>
        send(
          recordAgreementInput,
          {
            caseId,
            ...v,
            terms: (v.terms ?? []).map((t) => t.trim()),
            effectiveOn: v.kind === 'oral' ? undefined : v.effectiveOn,
          },
          recordAgreement,
        )
      }
    >
      <Form.Item name="kind" label="协议形式" required>
        <Radio.Group
          optionType="button"
          options={agreementKinds.map((k) => ({ value: k, label: agreementKindLabels[k] }))}
        />
      </Form.Item>
      <Form.Item name="facts" label="纠纷主要事实、争议事项" required rules={[zodRule(shape.facts)]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={8000} />
      </Form.Item>
      {/* Art. 29: each party's responsibility, printed under its own heading on the agreement. */}
      <Form.Item
        name="responsibility"
        label="各方当事人的责任"
        rules={[zodRule(shape.responsibility)]}
        extra="写明各方当事人应承担的责任，每方一行，如“被申请人未按约定支付流转费，应承担主要责任。”"
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={4000}
          placeholder="申请人……；被申请人……"
        />
      </Form.Item>
      <Form.List name="terms" rules={[termsRule]}>
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label="经调解，自愿达成如下协议" required>
            {fields.map((field, i) => (
              <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                <Typography.Text style={{ width: 48, lineHeight: '32px', flex: 'none' }}>
                  第{i + 1}条
                </Typography.Text>
                <Form.Item
                  name={field.name}
                  rules={[zodRule(shape.terms.element)]}
                  style={{ flex: 1, marginBottom: 8 }}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 5 }}
                    maxLength={2000}
                    aria-label={`协议第${i + 1}条`}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  disabled={fields.length === 1}
                  onClick={() => remove(field.name)}
                  aria-label={`删除第${i + 1}条`}
                />
              </div>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add('')}
              disabled={fields.length >= 50}
            >
              添加一条
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        )}
      </Form.List>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="performanceManner"
            label="履行方式"
            required
            rules={[zodRule(shape.performanceManner)]}
          >
            <Input maxLength={300} placeholder="如：银行转账一次性支付" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="performancePlace"
            label="履行地点"
            required
            rules={[zodRule(shape.performancePlace)]}
          >
            <Input maxLength={100} placeholder="如：平罗县人民调解中心" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="performanceDeadline"
            label="履行期限"
            required
            dependencies={['reachedOn']}
            rules={[zodRule(shape.performanceDeadline), notBefore(reachedOn, '达成日期')]}
            {...isoDateItemProps}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => Boolean(reachedOn) && d.isBefore(dayjs(reachedOn), 'day')}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="amountFen"
            label="协议金额（元）"
            rules={[zodRule(shape.amountFen)]}
            extra={<AmountMeaning raw={typeof amount === 'string' ? amount : undefined} />}
          >
            <Input maxLength={30} placeholder="如 8630 或 1.5万" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <StepDateItem
            name="reachedOn"
            label="达成日期"
            schema={shape.reachedOn}
            today={today}
            notBefore={receivedOn}
            width="100%"
          />
        </Col>
        <Col span={12}>
          {kind === 'oral' ? (
            <Form.Item label="生效日期">
              <Typography.Text type="secondary">
                口头协议自达成之日起生效（人民调解法第三十条）
              </Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item
              name="effectiveOn"
              label="生效日期"
              dependencies={['reachedOn']}
              rules={[notBefore(reachedOn, '达成日期')]}
              extra="各方当事人签名、盖章或按指印，人民调解员签名并加盖调委会印章之日；尚未签章齐全的可稍后登记"
              {...isoDateItemProps}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => outsideStepRange(d, today, reachedOn)}
              />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Form.Item name="subjectMatter" label="协议涉及事项" extra="用于判断能否申请司法确认">
        <Select options={subjectMatters.map((s) => ({ value: s, label: subjectMatterLabels[s] }))} />
      </Form.Item>
      {subject && subject !== 'ordinary' && (
        <Alert
          type="warning"
          showIcon
          title="此类协议人民法院不予司法确认"
          description="涉及婚姻、收养、亲子等身份关系，或物权、知识产权确权的调解协议，不能申请司法确认；可告知当事人通过诉讼等途径解决。"
        />
      )}
    </StepForm>
  );
}

/** 登记生效日期: for a written agreement signed and sealed after it was recorded. */
export function SetEffectiveForm({
  caseId,
  agreement,
  onClose,
}: {
  caseId: string;
  agreement: AgreementDto;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ effectiveOn?: string }>();
  const [setEffective] = useSetEffectiveMutation();
  const today = useOfficeToday();
  return (
    <StepForm
      title="登记协议生效日期"
      success="生效日期已登记，司法确认申请期限已更新"
      form={form}
      onClose={onClose}
      initialValues={{ effectiveOn: agreement.effectiveOn ?? today }}
      intro={
        <Typography.Paragraph type="secondary">
          书面协议自各方当事人签名、盖章或按指印，人民调解员签名并加盖调委会印章之日起生效；当事人可自生效之日起30日内共同申请司法确认。
        </Typography.Paragraph>
      }
      submit={(v) => send(setEffectiveInput, { caseId, ...v }, setEffective)}
    >
      <StepDateItem
        name="effectiveOn"
        label="生效日期"
        schema={setEffectiveInput.shape.effectiveOn}
        today={today}
        notBefore={agreement.reachedOn}
      />
    </StepForm>
  );
}
