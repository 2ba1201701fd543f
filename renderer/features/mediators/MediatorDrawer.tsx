import { DeleteOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  AutoComplete,
  Button,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Empty,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import {
  checkIdNumber,
  employmentKinds,
  employmentLabels,
  householdMember,
  mediatorGradeLabels,
  mediatorGrades,
  mediatorKindLabels,
  mediatorKinds,
  membershipInput,
  saveMediatorInput,
  sexLabels,
  trainingKindLabels,
  trainingTargets,
  type ApiError,
  type DisputeTypeDto,
  type MediatorDto,
  type OrganisationDto,
  type SaveMediatorInput,
  type Sex,
} from '../../../main/contract';
import { useAccess } from '../../app/access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError, isoDateItemProps, placeServerErrors, todayIso, zodRule } from '../../components/forms';
import { labelContains } from '../catalog/catalogOptions';
import { disputeTypeGroups } from '../organisations/orgRules';
import { useListUsersQuery } from '../users/usersApi';
import { useRevealMediatorIdNumberMutation, useSaveMediatorMutation } from './mediatorsApi';
import { TrainingForm } from './TrainingForm';
import { TrainingProgress } from './TrainingProgress';

interface Values {
  kind: SaveMediatorInput['kind'];
  name: string;
  sex?: Sex;
  ethnicity?: string;
  idNumber?: string;
  phone?: string;
  employment: (typeof employmentKinds)[number];
  certificateNumber?: string;
  grade: (typeof mediatorGrades)[number];
  specialties: string[];
  householdMembers: { name: string; relation: string; idNumber?: string }[];
  villageGroup?: string;
  employer?: string;
  employerCreditCode?: string;
  userId?: string | null;
  memberships: { organisationId: string; position: string; from?: string; to?: string }[];
  active: boolean;
}

const shape = saveMediatorInput.shape;
const ethnicities = ['汉族', '回族', '满族', '蒙古族', '东乡族', '土族', '藏族'].map((value) => ({ value }));
const relations = ['配偶', '父亲', '母亲', '儿子', '女儿', '兄弟', '姐妹', '儿媳', '女婿', '孙子女'].map(
  (value) => ({ value }),
);
const positions = ['主任', '副主任', '委员', '调解员'].map((value) => ({ value }));

/** A resident ID as typed, or the mask the form was given (meaning: unchanged). */
function idNumberRule(masked: string | null | undefined): Rule {
  return {
    validator: async (_r, value?: string) => {
      if (!value || (masked && value === masked)) return;
      const check = checkIdNumber(value, todayIso());
      if (!check.ok) throw new Error(check.message);
    },
  };
}

interface Props {
  editing: MediatorDto | undefined;
  organisations: OrganisationDto[];
  disputeTypes: DisputeTypeDto[];
  /** Every mediator on the roster, for the one-account-one-mediator rule. */
  roster: MediatorDto[];
  onClose: () => void;
}

export function MediatorDrawer({ editing, organisations, disputeTypes, roster, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [save, { isLoading }] = useSaveMediatorMutation();
  const [reveal, revealState] = useRevealMediatorIdNumberMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const { message } = App.useApp();
  const { can } = useAccess();
  const users = useListUsersQuery(undefined, { skip: !can('users:manage') });
  const chosenSpecialties = Form.useWatch('specialties', form);

  const linked = new Map(
    roster.filter((m) => m.userId && m.id !== editing?.id).map((m) => [m.userId!, m.name]),
  );
  const userOptions = (users.data ?? [])
    .filter((u) => !u.disabled || u.id === editing?.userId)
    .map((u) => ({
      value: u.id,
      label: `${u.displayName}（${u.username}）${linked.has(u.id) ? ` — 已关联${linked.get(u.id)!}` : ''}`,
      disabled: linked.has(u.id),
    }));
  const orgOptions = organisations
    .filter((o) => o.activeTo === null || o.activeTo >= todayIso())
    .map((o) => ({ value: o.id, label: o.name }));

  const initialValues: Partial<Values> = editing
    ? {
        kind: editing.kind,
        name: editing.name,
        sex: editing.sex ?? undefined,
        ethnicity: editing.ethnicity ?? undefined,
        idNumber: editing.idNumberMasked ?? undefined,
        phone: editing.phone ?? undefined,
        employment: editing.employment,
        certificateNumber: editing.certificateNumber ?? undefined,
        grade: editing.grade,
        specialties: editing.specialties,
        householdMembers: editing.householdMembers.map((h) => ({
          name: h.name,
          relation: h.relation,
          idNumber: h.idNumberMasked ?? undefined,
        })),
        villageGroup: editing.villageGroup ?? undefined,
        employer: editing.employer ?? undefined,
        employerCreditCode: editing.employerCreditCode ?? undefined,
        userId: editing.userId,
        memberships: editing.memberships.map((m) => ({
          organisationId: m.organisationId,
          position: m.position,
          from: m.from ?? undefined,
          to: m.to ?? undefined,
        })),
        active: editing.active,
      }
    : {
        kind: 'mediator',
        employment: 'part_time',
        grade: 'none',
        specialties: [],
        householdMembers: [],
        memberships: [],
        active: true,
      };

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

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    const input: SaveMediatorInput = {
      ...(editing ? { id: editing.id, version: editing.version } : {}),
      ...v,
      userId: v.userId ?? null,
      householdMembers: v.householdMembers ?? [],
      memberships: v.memberships ?? [],
      specialties: v.specialties ?? [],
    };
    const result = await save(input);
    if ('error' in result) {
      const apiError = asApiError(result.error);
      if (!placeServerErrors(form, apiError).length) setError(apiError);
      return;
    }
    void message.success(`已保存调解员“${result.data.name}”`);
    onClose();
  };

  const section = (title: string) => (
    <Divider titlePlacement="start" plain style={{ marginTop: 8 }}>
      <Typography.Text strong>{title}</Typography.Text>
    </Divider>
  );

  return (
    <Drawer
      open
      size={820}
      title={editing ? `修改调解员：${editing.name}` : '新增调解员'}
      onClose={onClose}
      destroyOnHidden
      footer={
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={isLoading} onClick={() => void submit()}>
            保存
          </Button>
        </div>
      }
    >
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initialValues}
        aria-label="调解员信息"
      >
        {section('基本信息')}
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

        {section('所属调委会')}
        <Form.List name="memberships">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Row gutter={8} key={key} align="top" data-testid="membership-row">
                  <Col span={9}>
                    <Form.Item
                      name={[name, 'organisationId']}
                      rules={[{ required: true, message: '请选择所属组织' }]}
                    >
                      <Select
                        showSearch={{ filterOption: labelContains }}
                        placeholder="所属组织"
                        options={orgOptions}
                        aria-label="所属组织"
                      />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item name={[name, 'position']} rules={[zodRule(membershipInput.shape.position)]}>
                      <AutoComplete options={positions} placeholder="职务" aria-label="职务" />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[name, 'from']} {...isoDateItemProps}>
                      <DatePicker placeholder="任职起" style={{ width: '100%' }} aria-label="任职起" />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[name, 'to']} {...isoDateItemProps}>
                      <DatePicker placeholder="任职止" style={{ width: '100%' }} aria-label="任职止" />
                    </Form.Item>
                  </Col>
                  <Col span={1}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(name)}
                      aria-label="删除任职"
                    />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ position: '委员', from: todayIso() })}
                block
              >
                添加任职
              </Button>
            </>
          )}
        </Form.List>

        {section('回避关系（冲突检查用）')}
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="villageGroup" label="所在村民小组" rules={[zodRule(shape.villageGroup)]}>
              <Input maxLength={40} placeholder="如：新胜村三组" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="employer" label="工作单位" rules={[zodRule(shape.employer)]}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="employerCreditCode"
              label="工作单位统一社会信用代码"
              rules={[zodRule(shape.employerCreditCode)]}
            >
              <Input maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text>家庭成员</Typography.Text>
        <Form.List name="householdMembers">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map(({ key, name }) => {
                const masked = editing?.householdMembers[name]?.idNumberMasked;
                return (
                  <Row gutter={8} key={key} align="top" data-testid="household-row">
                    <Col span={6}>
                      <Form.Item name={[name, 'name']} rules={[zodRule(householdMember.shape.name)]}>
                        <Input placeholder="姓名" aria-label="家庭成员姓名" maxLength={40} />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item name={[name, 'relation']} rules={[zodRule(householdMember.shape.relation)]}>
                        <AutoComplete options={relations} placeholder="关系" aria-label="关系" />
                      </Form.Item>
                    </Col>
                    <Col span={12}>
                      <Form.Item name={[name, 'idNumber']} rules={[idNumberRule(masked)]}>
                        <Input
                          placeholder="身份证号码（可不填）"
                          aria-label="家庭成员身份证号码"
                          maxLength={20}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={1}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(name)}
                        aria-label="删除家庭成员"
                      />
                    </Col>
                  </Row>
                );
              })}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', relation: '' })}
                block
              >
                添加家庭成员
              </Button>
            </div>
          )}
        </Form.List>

        {section('登录账户')}
        <Form.Item
          name="userId"
          label="关联登录账户"
          extra="关联后，该账户登录即以本调解员身份办理案件；一个账户只能关联一名调解员"
        >
          <Select
            allowClear
            showSearch={{ filterOption: labelContains }}
            placeholder={can('users:manage') ? '不关联' : '需要用户管理权限才能选择账户'}
            options={userOptions}
            disabled={!can('users:manage')}
          />
        </Form.Item>
      </Form>

      {editing && (
        <>
          {section('培训记录')}
          <Space align="center" size={24} style={{ marginBottom: 12 }}>
            <TrainingProgress mediator={editing} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              岗前培训累计不少于{trainingTargets.initial}天，年度培训每年不少于{trainingTargets.continuing}
              天。登记培训即时保存，无需再点“保存”。
            </Typography.Text>
          </Space>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={editing.trainings}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无培训记录" /> }}
            columns={[
              { title: '日期', dataIndex: 'date', width: 120 },
              {
                title: '类别',
                dataIndex: 'kind',
                width: 100,
                render: (k: MediatorDto['trainings'][number]['kind']) => trainingKindLabels[k],
              },
              { title: '天数', dataIndex: 'days', width: 80 },
              { title: '培训内容', dataIndex: 'topic' },
            ]}
            style={{ marginBottom: 16 }}
          />
          <TrainingForm mediator={editing} />
        </>
      )}
    </Drawer>
  );
}

function labelContainsValue(input: string, option?: { value?: unknown }): boolean {
  return typeof option?.value === 'string' && option.value.includes(input.trim());
}
