import { App, Checkbox, Col, DatePicker, Form, Input, Radio, Row, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { addRecordInput, recordKindLabels, recordKinds } from '../../../main/contract';
import { zodRule } from '../../components/forms';
import { evidenceHint, EvidenceUpload, useUploadEvidence } from './EvidenceUpload';
import { errorOf, precheck, StepForm } from './StepForm';
import { useAddRecordMutation } from './workflowApi';

const shape = addRecordInput.shape;

type Kind = (typeof recordKinds)[number];

interface Values {
  kind: Kind;
  heldAt?: Dayjs;
  place?: string;
  participants?: string;
  partiesPresent?: string;
  rightsNotified?: boolean;
  statements?: string;
  result?: string;
  recorder?: string;
  files?: UploadFile[];
}

interface Props {
  caseId: string;
  kind: Kind;
  /** Party names, to start 到场当事人 from. */
  partyNames: string;
  recorder: string;
  existingIds: string[];
  onClose: () => void;
}

const heldAtRule = {
  validator: async (_r: unknown, v?: Dayjs) => {
    if (!v) throw new Error('请填写时间');
    if (v.isAfter(dayjs().add(5, 'minute'))) throw new Error('时间不能晚于现在');
  },
};

/** 调查记录 / 调解记录 (domain.md §3): time, place, who took part, what was said, the result; evidence attached. */
export function RecordForm({ caseId, kind, partyNames, recorder, existingIds, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [addRecord] = useAddRecordMutation();
  const upload = useUploadEvidence();
  const { message } = App.useApp();
  const current = Form.useWatch('kind', form) ?? kind;
  const mediation = current === 'mediation';

  return (
    <StepForm<Values>
      drawer
      title={`登记${recordKindLabels[kind]}`}
      success={`${recordKindLabels[current]}已保存`}
      form={form}
      onClose={onClose}
      initialValues={{
        kind,
        heldAt: dayjs().startOf('minute'),
        partiesPresent: partyNames,
        recorder,
        rightsNotified: false,
      }}
      submit={async (v) => {
        const input = {
          caseId,
          kind: v.kind,
          // UTC, as the service compares instants as text.
          heldAt: v.heldAt ? v.heldAt.toDate().toISOString() : '',
          place: v.place ?? '',
          participants: v.participants,
          partiesPresent: v.partiesPresent ?? '',
          rightsNotified: Boolean(v.rightsNotified),
          statements: v.statements ?? '',
          result: v.result,
          recorder: v.recorder ?? '',
        };
        const invalid = precheck(addRecordInput, input);
        if (invalid) return invalid;
        const result = await addRecord(input);
        const failed = errorOf(result);
        if (failed || !result.data || !v.files?.length) return failed;
        const record = result.data.records.find((r) => !existingIds.includes(r.id));
        const failures = await upload(caseId, v.files, record?.id);
        if (failures.length)
          void message.warning(
            `记录已保存，以下材料未能上传，可在“证据材料”中重新上传：${failures.join('；')}`,
            8,
          );
        return null;
      }}
    >
      <Form.Item name="kind" label="记录类别" required>
        <Radio.Group
          optionType="button"
          options={recordKinds.map((k) => ({ value: k, label: recordKindLabels[k] }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="heldAt" label={mediation ? '调解时间' : '调查时间'} required rules={[heldAtRule]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name="place"
            label={mediation ? '调解地点' : '调查地点'}
            required
            rules={[zodRule(shape.place)]}
          >
            <Input maxLength={100} placeholder="如：平罗县人民调解中心第一调解室" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="partiesPresent" label="到场当事人" required rules={[zodRule(shape.partiesPresent)]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item
        name="participants"
        label="参加人"
        rules={[zodRule(shape.participants)]}
        extra="经当事人同意邀请参加的亲属、邻里、同事、专家或有关单位人员；不含调解员、当事人和记录人"
      >
        <Input maxLength={300} placeholder="如：村党支部书记李某、卫生院医务科科长王某" />
      </Form.Item>
      <Form.Item name="rightsNotified" valuePropName="checked" style={{ marginBottom: 12 }}>
        <Checkbox>已向当事人告知人民调解的性质、原则和当事人的权利义务</Checkbox>
      </Form.Item>
      <Form.Item
        name="statements"
        label={mediation ? '调解情况（各方陈述、争议焦点、调解过程）' : '调查情况'}
        required
        rules={[zodRule(shape.statements)]}
      >
        <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={20000} showCount />
      </Form.Item>
      <Form.Item
        name="result"
        label={mediation ? '调解结果（达成协议或未达成的原因）' : '调查结论'}
        rules={[zodRule(shape.result)]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="recorder" label="记录人" required rules={[zodRule(shape.recorder)]}>
            <Input maxLength={40} placeholder="作记录的人，一般不由本案调解员兼任" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="files" label="证据材料" valuePropName="value" extra={evidenceHint}>
        <EvidenceUpload />
      </Form.Item>
    </StepForm>
  );
}
