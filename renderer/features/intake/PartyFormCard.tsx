import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Radio, Space, Tag, Tooltip, Typography } from 'antd';
import { partyRoleLabels, partyRoles, type PartySuggestion } from '../../../main/contract';
import { AgentFields } from './AgentFields';
import type { CaseFormValues, PartyValues } from './intakeValues';
import { OrganisationFields } from './OrganisationFields';
import { PersonFields } from './PersonFields';

const roleOptions = partyRoles.map((r) => ({ value: r, label: partyRoleLabels[r] }));
const kindOptions = [
  { value: 'person', label: '自然人' },
  { value: 'organisation', label: '单位' },
];

interface Props {
  name: number;
  index: number;
  canRemove: boolean;
  onRemove: () => void;
  onAddNext: () => void;
}

/**
 * One party: 身份 and 类型 (arrow keys switch them), the person or organisation fields, and an
 * optional agent. The remove button is left out of the Tab order so Tab never lands on it mid-entry.
 */
export function PartyFormCard({ name, index, canRemove, onRemove, onAddNext }: Props) {
  const form = Form.useFormInstance();
  const party = (Form.useWatch(['parties', name], { form, preserve: true }) ?? {}) as PartyValues;
  const valueOf = <K extends keyof PartyValues>(key: K) =>
    form.getFieldValue(['parties', name, key]) as PartyValues[K];
  // Which fields exist follows 类型 and 委托代理人 in the same render as the change (not via
  // useWatch, which lags a tick), so a fast Tab never lands on a field that is about to vanish.
  const changed = (key: keyof PartyValues) => (prev: CaseFormValues, next: CaseFormValues) =>
    prev.parties?.[name]?.[key] !== next.parties?.[name]?.[key];

  // Choosing a registered party shows what is on record (the ID number masked, as every screen
  // shows it) for the clerk to confirm or change; what the clerk already typed stays.
  const pick = (s: PartySuggestion) => {
    const current = (form.getFieldValue(['parties', name]) ?? {}) as PartyValues;
    const keep = <T,>(typed: T | undefined, registered: T | null) => typed || registered || undefined;
    const person =
      s.kind === 'person'
        ? {
            idType: current.idNumber ? current.idType : (s.idType ?? current.idType),
            idNumberMasked: current.idNumber ? undefined : s.idNumberMasked,
            sex: keep(current.sex, s.sex),
            birthDate: keep(current.birthDate, s.birthDate),
            ethnicity: keep(current.ethnicity, s.ethnicity),
            occupation: keep(current.occupation, s.occupation),
          }
        : {
            creditCode: keep(current.creditCode, s.creditCode),
            representative: keep(current.representative, s.representative),
            representativeTitle: keep(current.representativeTitle, s.representativeTitle),
          };
    form.setFieldValue(['parties', name], {
      ...current,
      ...person,
      partyId: s.partyId,
      reusedCaseCount: s.caseCount,
      offered: undefined,
      confirmedNew: undefined,
      name: s.name,
      phone: keep(current.phone, s.phone),
      address: keep(current.address, s.address),
    });
    void form.validateFields([['parties', name, 'name']]).catch(() => undefined);
  };
  // No longer the registered party: its number on record no longer applies to this card.
  const unlink = () =>
    form.setFieldValue(['parties', name], {
      ...((form.getFieldValue(['parties', name]) ?? {}) as PartyValues),
      partyId: undefined,
      reusedCaseCount: undefined,
      idNumberMasked: undefined,
    });

  const onLastEnter = () => {
    if (!valueOf('hasAgent')) onAddNext();
  };
  const fieldProps = { name, onPick: pick, onLastEnter };
  return (
    <Card
      size="small"
      type="inner"
      data-party-index={index}
      style={{ marginBottom: 12 }}
      title={
        <Space size={12} wrap>
          <Typography.Text strong>当事人 {index + 1}</Typography.Text>
          <Form.Item name={[name, 'role']} noStyle>
            <Radio.Group
              optionType="button"
              size="small"
              options={roleOptions}
              aria-label={`当事人${index + 1}身份`}
            />
          </Form.Item>
          <Form.Item name={[name, 'kind']} noStyle>
            <Radio.Group
              optionType="button"
              size="small"
              options={kindOptions}
              aria-label={`当事人${index + 1}类型`}
            />
          </Form.Item>
          {party.partyId && (
            <Tag
              color="blue"
              closable
              onClose={unlink}
              closeIcon={<Tooltip title="不再沿用，按新当事人登记">×</Tooltip>}
            >
              沿用已登记当事人{party.reusedCaseCount ? `（已涉及${party.reusedCaseCount}件）` : ''}
            </Tag>
          )}
        </Space>
      }
      extra={
        canRemove && (
          <Button type="text" size="small" danger icon={<DeleteOutlined />} tabIndex={-1} onClick={onRemove}>
            删除
          </Button>
        )
      }
    >
      <Form.Item noStyle shouldUpdate={changed('kind')}>
        {() =>
          valueOf('kind') === 'organisation' ? (
            <OrganisationFields {...fieldProps} />
          ) : (
            <PersonFields {...fieldProps} />
          )
        }
      </Form.Item>
      <Form.Item noStyle shouldUpdate={changed('hasAgent')}>
        {() => (
          <>
            <Form.Item
              name={[name, 'hasAgent']}
              valuePropName="checked"
              style={{ marginBottom: valueOf('hasAgent') ? 12 : 0 }}
            >
              <Checkbox>委托代理人</Checkbox>
            </Form.Item>
            {valueOf('hasAgent') && <AgentFields name={name} onLastEnter={onAddNext} />}
          </>
        )}
      </Form.Item>
    </Card>
  );
}
