import { Button, Col, DatePicker, Form, Input, Row, Select, Space, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import {
  catalogueOwnerMessages,
  mayHaveParent,
  organisationKindLabels,
  organisationKinds,
  previewCaseNumber,
  rootKinds,
  saveOrganisationInput,
  type ApiError,
  type DisputeTypeDto,
  type Office,
  type OrganisationDto,
  type OrganisationKind,
  type SaveOrganisationInput,
} from '../../../main/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError, isoDateItemProps, placeServerErrors, zodRule } from '../../components/forms';
import { labelContains } from '../catalog/catalogOptions';
import { useSaveOrganisationMutation } from './organisationsApi';
import { disputeTypeGroups, selfAndDescendants } from './orgRules';

interface Values {
  name: string;
  kind: OrganisationKind;
  parentId?: string | null;
  abbreviation: string;
  caseNumberPattern: string;
  township?: string;
  address?: string;
  sealText?: string;
  activeFrom?: string;
  activeTo?: string;
  specialties: string[];
}

const DEFAULT_PATTERN = '（{year}）{abbr}调字第{seq:4}号';
const field = (name: keyof typeof saveOrganisationInput.shape) => zodRule(saveOrganisationInput.shape[name]);

interface Props {
  /** The organisation being edited, or undefined for a new one. */
  editing: OrganisationDto | undefined;
  /** For a new one: where it goes and what it probably is. */
  draft?: { parentId: string | null; kind: OrganisationKind };
  organisations: OrganisationDto[];
  disputeTypes: DisputeTypeDto[];
  /** This installation's office, and what of the tree it keeps (catalogueOwner.ts; null: all). */
  office: Office | null;
  kept: ReadonlySet<string> | null;
  onSaved: (saved: OrganisationDto) => void;
  onCancel: () => void;
}

export function OrganisationForm({
  editing,
  draft,
  organisations,
  disputeTypes,
  office,
  kept,
  onSaved,
  onCancel,
}: Props) {
  const [form] = Form.useForm<Values>();
  const [save, { isLoading }] = useSaveOrganisationMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const kind = Form.useWatch('kind', form) ?? editing?.kind ?? draft?.kind ?? 'village';
  const pattern = Form.useWatch('caseNumberPattern', form);
  const abbreviation = Form.useWatch('abbreviation', form);
  const specialties = Form.useWatch('specialties', form);
  const year = dayjs().year();
  const preview = previewCaseNumber(pattern, abbreviation, year);

  const byId = useMemo(() => new Map(organisations.map((o) => [o.id, o])), [organisations]);
  const excluded = useMemo(
    () => selfAndDescendants(editing?.id, organisations),
    [editing?.id, organisations],
  );
  // A township's own committee stays where the county put it; what is under it stays under it.
  const ownCommittee = kept !== null && editing?.id === office?.id;
  const parentOptions = organisations
    .filter((o) => !excluded.has(o.id) && mayHaveParent(kind, o.kind) && (!kept || kept.has(o.id)))
    .map((o) => ({ value: o.id, label: o.name }));
  const townships = [
    ...new Set(organisations.filter((o) => o.kind === 'township' && o.township).map((o) => o.township!)),
  ];

  const parentRule: Rule = {
    validator: async (_r, value: string | null | undefined) => {
      const parent = value ? byId.get(value) : undefined;
      if (kept && !ownCommittee && !(parent && kept.has(parent.id)))
        throw new Error(catalogueOwnerMessages.parent(office?.name ?? ''));
      if (!parent) {
        if (!rootKinds.includes(kind))
          throw new Error(`请选择上级组织（${organisationKindLabels[kind]}须有上级）`);
        return;
      }
      if (kind === 'county_center') throw new Error('县人民调解中心是最上级组织，不能设置上级');
      if (excluded.has(parent.id)) throw new Error('不能选择本组织或其下级组织作为上级（会形成循环）');
      if (!mayHaveParent(kind, parent.kind)) {
        throw new Error(`${organisationKindLabels[kind]}不能隶属于${organisationKindLabels[parent.kind]}`);
      }
    },
  };
  const activeToRule: Rule = ({ getFieldValue }) => ({
    validator: async (_r, value?: string) => {
      const from = getFieldValue('activeFrom') as string | undefined;
      if (value && from && value < from) throw new Error(`撤销日期不能早于成立日期（${from}）`);
    },
  });

  const initialValues: Partial<Values> = editing
    ? {
        name: editing.name,
        kind: editing.kind,
        parentId: editing.parentId,
        abbreviation: editing.abbreviation,
        caseNumberPattern: editing.caseNumberPattern,
        township: editing.township ?? undefined,
        address: editing.address ?? undefined,
        sealText: editing.sealText ?? undefined,
        activeFrom: editing.activeFrom ?? undefined,
        activeTo: editing.activeTo ?? undefined,
        specialties: editing.specialties,
      }
    : {
        kind: draft?.kind ?? 'village',
        parentId: draft?.parentId ?? null,
        caseNumberPattern: DEFAULT_PATTERN,
        township: (draft?.parentId && byId.get(draft.parentId)?.township) || undefined,
        specialties: [],
      };

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    const input: SaveOrganisationInput = {
      ...(editing ? { id: editing.id, version: editing.version } : {}),
      name: v.name,
      kind: v.kind,
      parentId: v.parentId ?? null,
      abbreviation: v.abbreviation,
      caseNumberPattern: v.caseNumberPattern,
      township: v.township,
      address: v.address,
      sealText: v.sealText,
      activeFrom: v.activeFrom,
      activeTo: v.activeTo,
      specialties: v.specialties ?? [],
    };
    const result = await save(input);
    if ('error' in result) {
      const apiError = asApiError(result.error);
      if (!placeServerErrors(form, apiError).length) setError(apiError);
      return;
    }
    onSaved(result.data);
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={initialValues}
      aria-label="调解组织信息"
    >
      <ErrorAlert error={error} />
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="name" label="组织名称" rules={[field('name')]}>
            <Input maxLength={60} placeholder="如：城关镇新胜村人民调解委员会" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="kind" label="组织类型" rules={[{ required: true, message: '请选择组织类型' }]}>
            <Select
              disabled={editing?.kind === 'county_center'}
              options={organisationKinds
                .filter((k) => k !== 'county_center' || editing?.kind === 'county_center')
                .map((k) => ({ value: k, label: organisationKindLabels[k] }))}
              onChange={() => void form.validateFields(['parentId']).catch(() => undefined)}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="parentId" label="上级组织" rules={[parentRule]} dependencies={['kind']}>
            <Select
              showSearch={{ filterOption: labelContains }}
              allowClear
              placeholder={rootKinds.includes(kind) ? '无（最上级组织）' : '请选择上级组织'}
              disabled={kind === 'county_center' || ownCommittee}
              options={parentOptions}
              onChange={(id?: string) => {
                const township = id ? byId.get(id)?.township : undefined;
                if (township && !form.getFieldValue('township')) form.setFieldValue('township', township);
              }}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="abbreviation"
            label="案号简称"
            rules={[field('abbreviation')]}
            tooltip="案号中的 {abbr}，各组织不能相同"
          >
            <Input maxLength={8} placeholder="如：平城新胜" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="caseNumberPattern"
            label="案号格式"
            rules={[field('caseNumberPattern')]}
            tooltip="占位符：{year} 年份，{abbr} 简称，{seq} 序号，{seq:4} 补零到4位的序号"
            extra={
              <span data-testid="case-number-preview">
                {preview.ok ? (
                  <>
                    预览：<Typography.Text strong>{preview.text}</Typography.Text>
                  </>
                ) : (
                  <Typography.Text type="warning">{preview.message}</Typography.Text>
                )}
              </span>
            }
          >
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="township" label="所在乡镇" rules={[field('township')]}>
            <Select
              allowClear
              placeholder="县直组织可不填"
              options={townships.map((t) => ({ value: t, label: t }))}
            />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="address" label="地址" rules={[field('address')]}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="sealText"
            label="印章文字"
            rules={[field('sealText')]}
            extra="文书落款“（印章）”前的文字，应与公章一致；留空则按组织名称生成"
          >
            <Input maxLength={60} placeholder="如：平罗县医疗纠纷人民调解委员会" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="activeFrom" label="成立日期" {...isoDateItemProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="activeTo"
            label="撤销日期"
            dependencies={['activeFrom']}
            rules={[activeToRule]}
            {...isoDateItemProps}
          >
            <DatePicker style={{ width: '100%' }} placeholder="仍在运行则不填" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="specialties" label="专业领域" extra="分流时按纠纷类型推荐受理组织">
            <Select
              mode="multiple"
              allowClear
              showSearch={{ filterOption: labelContains }}
              placeholder="选择该组织擅长的纠纷类型"
              options={disputeTypeGroups(disputeTypes, specialties ?? editing?.specialties ?? [])}
            />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" loading={isLoading} onClick={() => void submit()}>
          保存
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </Form>
  );
}
