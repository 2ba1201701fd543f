import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Skeleton } from 'antd';
import { useState } from 'react';
import {
  findingDispositionLabels,
  findingDispositions,
  findingKindLabels,
  findingKinds,
  screeningMethodLabels,
  screeningMethods,
  type FindingDisposition,
  type RecordRoundInput,
} from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError, isoDateItemProps, placeServerErrors } from '../../components/forms';
import type { ApiError } from '../../../main/contract';
import { useGetCatalogQuery } from '../catalog/catalogApi';
import {
  disputeTypeOptions,
  intakeCommitteeOptions,
  labelContains,
  townshipOptions,
} from '../catalog/catalogOptions';
import { useListCasesQuery } from '../cases/casesApi';
import { useOfficeToday } from '../todo/todoApi';
import { useRecordRoundMutation } from './screeningApi';

// 登记排查: one round with what it found. A found dispute can be registered as a case at once
// (source 主动调解; the essentials of the intake form, the rest is completed on the case page),
// linked to a case already registered, or noted as 已化解 / 持续关注. No findings = 零报告.

interface FindingValues {
  kind: 'dispute' | 'risk';
  summary: string;
  disposition: FindingDisposition;
  caseId?: string;
  note?: string;
  disputeType?: string;
  township?: string;
  applicant?: string;
  respondent?: string;
  requests?: string;
}

interface RoundValues {
  organisationId: string;
  heldOn: string;
  method: RecordRoundInput['method'];
  area: string;
  conductedBy: string;
  findings?: FindingValues[];
}

const search = { filterOption: labelContains };

function CasePicker(props: { value?: string; onChange?: (v: string) => void }) {
  const [query, setQuery] = useState('');
  const { data, isFetching } = useListCasesQuery({ query: query || undefined, page: 1, pageSize: 10 });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQuery }}
      value={props.value}
      onChange={props.onChange}
      loading={isFetching}
      placeholder="输入案号或当事人姓名查找"
      options={(data?.items ?? []).map((c) => ({ value: c.id, label: `${c.caseNumber} ${c.partyNames}` }))}
    />
  );
}

function toInput(v: RoundValues): RecordRoundInput {
  return {
    organisationId: v.organisationId,
    heldOn: v.heldOn,
    method: v.method,
    area: v.area ?? '',
    conductedBy: v.conductedBy ?? '',
    findings: (v.findings ?? []).map((f) => ({
      kind: f.kind,
      summary: f.summary ?? '',
      disposition: f.disposition,
      ...(f.disposition === 'linked' ? { caseId: f.caseId } : {}),
      ...(f.note ? { note: f.note } : {}),
      ...(f.disposition === 'new_case'
        ? {
            newCase: {
              committeeId: v.organisationId,
              disputeType: f.disputeType ?? '',
              township: f.township ?? '',
              receivedOn: v.heldOn,
              summary: f.summary ?? '',
              requests: f.requests ?? '',
              parties: [
                { kind: 'person' as const, role: 'applicant' as const, name: f.applicant ?? '' },
                { kind: 'person' as const, role: 'respondent' as const, name: f.respondent ?? '' },
              ],
            },
          }
        : {}),
    })),
  };
}

/** newCase's fields live flat on the finding's card. */
function mapPath(path: (string | number)[]): (string | number)[] | null {
  const [findings, i, newCase, field, index, sub] = path;
  if (findings !== 'findings' || newCase !== 'newCase') return path;
  if (field === 'parties' && sub === 'name')
    return ['findings', i!, index === 0 ? 'applicant' : 'respondent'];
  if (field === 'summary') return ['findings', i!, 'summary'];
  return ['findings', i!, field!];
}

function FindingCard(props: { name: number; remove: () => void }) {
  const { data: catalog } = useGetCatalogQuery();
  const form = Form.useFormInstance<RoundValues>();
  const disposition = Form.useWatch(['findings', props.name, 'disposition'], form) as
    FindingDisposition | undefined;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={`排查发现 第${props.name + 1}条`}
      extra={
        <Button type="text" icon={<MinusCircleOutlined />} onClick={props.remove} aria-label="删除此条" />
      }
      data-testid={`finding-${props.name}`}
    >
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name={[props.name, 'kind']} label="类别" initialValue="dispute">
            <Select options={findingKinds.map((k) => ({ value: k, label: findingKindLabels[k] }))} />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name={[props.name, 'disposition']} label="处理方式" initialValue="resolved">
            <Radio.Group
              options={findingDispositions.map((d) => ({ value: d, label: findingDispositionLabels[d] }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={[props.name, 'summary']} label="排查情况（纠纷简要情况）">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      {disposition === 'linked' && (
        <Form.Item name={[props.name, 'caseId']} label="关联案件">
          <CasePicker />
        </Form.Item>
      )}
      {disposition === 'new_case' && (
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name={[props.name, 'disputeType']} label="纠纷类型">
              <Select showSearch={search} options={disputeTypeOptions(catalog)} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={[props.name, 'township']} label="纠纷发生地（乡镇）">
              <Select showSearch={search} options={townshipOptions(catalog)} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={[props.name, 'applicant']} label="申请人">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={[props.name, 'respondent']} label="被申请人">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name={[props.name, 'requests']} label="当事人申请事项">
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      )}
      {(disposition === 'resolved' || disposition === 'watch') && (
        <Form.Item name={[props.name, 'note']} label={disposition === 'resolved' ? '如何化解' : '关注措施'}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
    </Card>
  );
}

export function RoundForm(props: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<RoundValues>();
  const { data: catalog } = useGetCatalogQuery();
  const today = useOfficeToday();
  const [record, { isLoading }] = useRecordRoundMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const { message } = App.useApp();
  const organisations = intakeCommitteeOptions(catalog);

  const submit = async () => {
    const values = form.getFieldsValue(true) as RoundValues;
    setError(null);
    const result = await record(toInput(values));
    if ('error' in result) {
      const e = asApiError(result.error);
      // Field errors show beside their fields; the message on top names the finding too.
      placeServerErrors(form, e, mapPath);
      setError(e);
      return;
    }
    const made = result.data.findings.filter((f) => f.disposition === 'new_case');
    void message.success(
      result.data.zeroReport
        ? '已登记零报告'
        : `已登记排查，发现${result.data.findings.length}条${made.length ? `，登记案件 ${made.map((f) => f.caseNumber).join('、')}` : ''}`,
    );
    form.resetFields();
    props.onClose();
  };

  return (
    <Modal
      open={props.open}
      title="登记矛盾纠纷排查"
      width={980}
      onCancel={props.onClose}
      okText="保存排查记录"
      cancelText="取消"
      confirmLoading={isLoading}
      okButtonProps={{ disabled: !catalog }}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      {/* The form mounts with the catalogue at hand: its first committee is the default 排查组织,
          and initial values are read once, at mount. */}
      {!catalog ? (
        <Skeleton active />
      ) : (
        <Form<RoundValues>
          form={form}
          layout="vertical"
          initialValues={{ method: 'general', heldOn: today, organisationId: organisations[0]?.value }}
        >
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="organisationId" label="排查组织" required>
                <Select showSearch={search} options={organisations} popupMatchSelectWidth={false} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name="heldOn" label="排查日期" required {...isoDateItemProps}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={11}>
              <Form.Item name="method" label="排查方式" required>
                <Radio.Group
                  options={screeningMethods.map((m) => ({ value: m, label: screeningMethodLabels[m] }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="area" label="排查范围" required>
                <Input maxLength={200} placeholder="如：全镇12个行政村" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="conductedBy" label="排查人员" required>
                <Input maxLength={100} placeholder="如：张宏、李青" />
              </Form.Item>
            </Col>
          </Row>
          <Form.List name="findings">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <FindingCard key={f.key} name={f.name} remove={() => remove(f.name)} />
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add()}>
                  添加排查发现（不添加即为零报告）
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      )}
    </Modal>
  );
}
