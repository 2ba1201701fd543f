import { EyeOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Col, Form, Input, Radio, Row, Select, Switch, Tooltip } from 'antd';
import {
  checkIdNumber,
  employmentKinds,
  employmentLabels,
  mediatorGradeLabels,
  mediatorGrades,
  mediatorKindLabels,
  mediatorKinds,
  sexLabels,
  type DisputeTypeDto,
  type MediatorDto,
} from '../../../main/contract';
import { asApiError, todayIso, zodRule } from '../../components/forms';
import { labelContains } from '../catalog/catalogOptions';
import { disputeTypeGroups } from '../organisations/orgRules';
import { idNumberRule, mediatorShape as shape, type MediatorFormValues } from './mediatorForm';
import { useRevealMediatorIdNumberMutation } from './mediatorsApi';
import { SectionTitle } from './SectionTitle';

// 基本信息: who the mediator is, their standing and what disputes they are good at. The ID number
// arrives masked; revealing it is a separate, audited request.

const ethnicities = ['汉族', '回族', '满族', '蒙古族', '东乡族', '土族', '藏族'].map((value) => ({ value }));

interface Props {
  editing: MediatorDto | undefined;
  disputeTypes: DisputeTypeDto[];
}

export function IdentitySection({ editing, disputeTypes }: Props) {
  const form = Form.useFormInstance<MediatorFormValues>();
  const [reveal, revealState] = useRevealMediatorIdNumberMutation();
  const { message } = App.useApp();
  const chosenSpecialties = Form.useWatch('specialties', form);

  // The number decides sex; fill it in as soon as the number is complete and valid.
  const onIdNumberChange = (value: string) => {
    const check = checkIdNumber(value, todayIso());
    if (check.ok) form.setFieldValue('sex', check.value.sex);
  };

  const onReveal = async () => {
    if (!editing) return;
    const result = await reveal({ id: editing.id });
    if ('error' in result) {
      void message.error(asApiError(result.error).message);
      return;
    }
    form.setFieldValue('idNumber', result.data.idNumber);
    void message.info('已显示完整号码（本次查看已记入审计日志）');
  };

  return (
    <>
      <SectionTitle>基本信息</SectionTitle>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="name" label="姓名" rules={[zodRule(shape.name)]}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="kind" label="人员类别">
            <Select options={mediatorKinds.map((k) => ({ value: k, label: mediatorKindLabels[k] }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="employment" label="专兼职">
            <Radio.Group
              optionType="button"
              options={employmentKinds.map((k) => ({ value: k, label: employmentLabels[k] }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="idNumber"
            label="身份证号码"
            rules={[idNumberRule(editing?.idNumberMasked)]}
            extra={editing?.idNumberMasked ? '号码已隐藏；不修改则保持原号码' : '填写后自动带出性别'}
          >
            <Input
              maxLength={20}
              onChange={(e) => onIdNumberChange(e.target.value)}
              suffix={
                editing?.idNumberMasked ? (
                  <Tooltip title="查看完整号码（记入审计日志）">
                    <Button
                      type="text"
                      size="small"
                      icon={<EyeOutlined />}
                      loading={revealState.isLoading}
                      onClick={() => void onReveal()}
                      aria-label="查看完整号码"
                    />
                  </Tooltip>
                ) : undefined
              }
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="sex" label="性别">
            <Radio.Group
              optionType="button"
              options={(['male', 'female'] as const).map((s) => ({ value: s, label: sexLabels[s] }))}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="ethnicity" label="民族" rules={[zodRule(shape.ethnicity)]}>
            <AutoComplete options={ethnicities} filterOption={labelContainsValue} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="phone" label="联系电话" rules={[zodRule(shape.phone)]}>
            <Input maxLength={20} placeholder="手机或 0952-xxxxxxx" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="grade" label="等级">
            <Select options={mediatorGrades.map((g) => ({ value: g, label: mediatorGradeLabels[g] }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="certificateNumber" label="证书编号" rules={[zodRule(shape.certificateNumber)]}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name="specialties" label="擅长纠纷类型">
            <Select
              mode="multiple"
              allowClear
              showSearch={{ filterOption: labelContains }}
              placeholder="分流时按擅长类型推荐"
              options={disputeTypeGroups(disputeTypes, chosenSpecialties ?? editing?.specialties ?? [])}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="active" label="在册" valuePropName="checked">
            <Switch checkedChildren="在册" unCheckedChildren="离册" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** The ethnicity list has values only (no labels), so match on the value. */
function labelContainsValue(input: string, option?: { value?: unknown }): boolean {
  return typeof option?.value === 'string' && option.value.includes(input.trim());
}
