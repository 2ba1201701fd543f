import { Form, Select, TreeSelect, type FormInstance } from 'antd';
import { useMemo } from 'react';
import type { MediatorDto, OrganisationDto } from '../../../main/contract';
import { labelContains } from '../catalog/catalogOptions';
import { useListMediatorsQuery } from '../mediators/mediatorsApi';
import { useGetOrgTreeQuery } from '../organisations/organisationsApi';

// Where an account belongs (committee scope): its organisations, and for a 调解员 the roster
// entry it acts as. The account then sees the cases of these organisations and everything
// under them; the service enforces it, this only chooses.

interface TreeNode {
  value: string;
  title: string;
  children?: TreeNode[];
}

function treeOf(organisations: OrganisationDto[]): TreeNode[] {
  const ids = new Set(organisations.map((o) => o.id));
  const build = (parent: string | null): TreeNode[] =>
    organisations
      .filter((o) => (o.parentId && ids.has(o.parentId) ? o.parentId : null) === parent)
      .map((o) => {
        const children = build(o.id);
        return { value: o.id, title: o.name, ...(children.length ? { children } : {}) };
      });
  return build(null);
}

function rosterLabel(m: MediatorDto): string {
  const committees = m.memberships.filter((x) => !x.to).map((x) => x.organisationName);
  return `${m.name}${committees.length ? `（${committees.join('、')}）` : ''}`;
}

export interface MembershipValues {
  organisationIds: string[];
  mediatorId?: string | null;
}

/** 所属组织 and, for a 调解员 account, 调解员名册. `userId`: the account being edited, if any. */
export function MembershipFields<T extends MembershipValues>(props: {
  form: FormInstance<T>;
  userId: string | null;
  isMediator: boolean;
  officeId: string | null;
}) {
  const tree = useGetOrgTreeQuery();
  const roster = useListMediatorsQuery({ includeInactive: false });
  const treeData = useMemo(() => treeOf(tree.data?.organisations ?? []), [tree.data]);
  const form = props.form as unknown as FormInstance<MembershipValues>;

  const rosterOptions = (roster.data ?? [])
    .filter((m) => m.kind === 'mediator')
    .map((m) => ({
      value: m.id,
      label: `${rosterLabel(m)}${m.userId && m.userId !== props.userId ? ' — 已关联其他账户' : ''}`,
      disabled: Boolean(m.userId && m.userId !== props.userId),
    }));

  // Choosing the roster entry of someone still shown as belonging only to the office: their
  // committees are where they work, so take those as the account's organisations.
  const onRoster = (id?: string) => {
    const entry = roster.data?.find((m) => m.id === id);
    const current = (form.getFieldValue('organisationIds') as string[] | undefined) ?? [];
    const committees = entry?.memberships.filter((x) => !x.to).map((x) => x.organisationId) ?? [];
    if (
      committees.length &&
      (current.length === 0 || (current.length === 1 && current[0] === props.officeId))
    )
      form.setFieldValue('organisationIds', committees);
  };

  return (
    <>
      <Form.Item
        name="organisationIds"
        label="所属组织"
        rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个所属组织' }]}
        extra="可查看所属组织及其下属组织的案件；只能办理本组织承办的案件"
      >
        <TreeSelect
          multiple
          treeData={treeData}
          showSearch
          treeNodeFilterProp="title"
          placeholder="请选择所属组织"
          treeDefaultExpandedKeys={props.officeId ? [props.officeId] : []}
          loading={tree.isLoading}
          style={{ width: '100%' }}
        />
      </Form.Item>
      {props.isMediator && (
        <Form.Item
          name="mediatorId"
          label="调解员名册"
          extra="该账户以所选调解员的身份办理指派给他（她）的案件；一名调解员只能关联一个账户"
        >
          <Select
            allowClear
            showSearch={{ filterOption: labelContains }}
            placeholder="选择名册中的调解员"
            options={rosterOptions}
            loading={roster.isLoading}
            onChange={onRoster}
          />
        </Form.Item>
      )}
    </>
  );
}
