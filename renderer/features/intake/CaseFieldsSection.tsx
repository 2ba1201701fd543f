import { AutoComplete, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import {
  caseSourceLabels,
  caseSources,
  courtProcedureLabels,
  courtProcedures,
  riskFlagLabels,
  riskFlags,
  riskLevelLabels,
  riskLevels,
  type CaseSource,
  type CatalogDto,
} from '../../../main/contract';
import { isoDateItemProps } from '../../components/forms';
import {
  committeeOptions,
  intakeCommitteeOptions,
  disputeTypeOptions,
  labelContains,
  townshipOptions,
  villageOptions,
} from '../catalog/catalogOptions';
import { AmountHint } from './AmountHint';
import { caseRules } from './intakeRules';
import { isCourtReferred } from './intakeValues';

const search = { filterOption: labelContains };

/** The county's basic court and the other courts of 石嘴山 (domain.md §6); any other may be typed. */
const courts = [
  '平罗县人民法院',
  '石嘴山市大武口区人民法院',
  '石嘴山市惠农区人民法院',
  '石嘴山市中级人民法院',
];

/**
 * 纠纷类型 … 申请事项: the case half of the intake form, shared by intake and edit. No allowClear
 * on these inputs: antd renders the clear icon as a button, an extra Tab stop in every field.
 */
export function CaseFieldsSection(props: { catalog: CatalogDto | undefined; editing?: boolean }) {
  const form = Form.useFormInstance();
  const township = Form.useWatch<string | undefined>('township', form);
  const amount = Form.useWatch<string | undefined>('amount', form);
  const source = Form.useWatch<string | undefined>('source', form);
  const villages = villageOptions(props.catalog, township);

  return (
    <>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item name="disputeType" label="纠纷类型" required rules={caseRules.disputeType}>
            <Select
              autoFocus={!props.editing}
              placeholder="输入文字筛选"
              showSearch={search}
              options={disputeTypeOptions(props.catalog)}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="source" label="案件来源" required rules={caseRules.source}>
            <Select
              showSearch={search}
              options={caseSources.map((s) => ({ value: s, label: caseSourceLabels[s] }))}
            />
          </Form.Item>
          {isCourtReferred(source as CaseSource | undefined) && (
            <Form.Item
              name="referringCourt"
              label="委派（委托）法院"
              initialValue="平罗县人民法院"
              rules={caseRules.referringCourt}
              extra="司法确认申请书将送往该法院"
            >
              <AutoComplete options={courts.map((c) => ({ value: c }))} />
            </Form.Item>
          )}
          {source === 'court_entrusted' && !props.editing && (
            <Form.Item
              name="courtProcedure"
              label="法院审理程序"
              initialValue="ordinary"
              extra="决定调解期限：普通程序15日，简易程序7日"
            >
              <Radio.Group
                options={courtProcedures.map((p) => ({ value: p, label: courtProcedureLabels[p] }))}
              />
            </Form.Item>
          )}
        </Col>
        <Col span={6}>
          <Form.Item name="committeeId" label="受理调委会" required rules={caseRules.committeeId}>
            <Select
              disabled={props.editing}
              showSearch={search}
              options={
                props.editing ? committeeOptions(props.catalog) : intakeCommitteeOptions(props.catalog)
              }
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="receivedOn"
            label="受理日期"
            required
            rules={caseRules.receivedOn}
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
      <Row gutter={16}>
        <Col span={5}>
          <Form.Item name="township" label="纠纷发生地（乡镇）" required rules={caseRules.township}>
            <Select
              placeholder="输入文字筛选"
              showSearch={search}
              options={townshipOptions(props.catalog)}
              onChange={() => form.setFieldValue('village', undefined)}
            />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="village" label="村（社区）" rules={caseRules.village}>
            <AutoComplete
              options={villages}
              defaultActiveFirstOption
              showSearch={search}
              placeholder={township ? '可选择或直接填写' : '请先选择乡镇'}
            />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item
            name="amount"
            label="涉及金额（元）"
            rules={caseRules.amount}
            extra={<AmountHint raw={amount} />}
          >
            <Input placeholder="无则不填" maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="riskLevel" label="风险等级">
            <Select options={riskLevels.map((r) => ({ value: r, label: riskLevelLabels[r] }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="riskFlags" label="风险标记">
            <Select
              mode="multiple"
              placeholder="无"
              showSearch={search}
              maxTagCount="responsive"
              options={riskFlags.map((f) => ({ value: f, label: riskFlagLabels[f] }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="summary" label="纠纷简要情况" required rules={caseRules.summary}>
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={4000}
              placeholder="纠纷发生的经过、争议焦点"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="requests" label="申请事项" required rules={caseRules.requests}>
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={2000}
              placeholder="当事人请求调解解决的事项"
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
