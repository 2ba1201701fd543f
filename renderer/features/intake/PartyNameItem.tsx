import { Form, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { PartySuggestion } from '../../../main/contract';
import type { PartyValues } from './intakeValues';
import { PartyNameInput } from './PartyNameInput';

interface Props {
  /** The Form.List field name (index) of this party. */
  name: number;
  kind: 'person' | 'organisation';
  label: string;
  rules: Rule[];
  placeholder: string;
  onPick: (suggestion: PartySuggestion) => void;
}

/**
 * 姓名 / 单位名称 with the lookup of registered parties. When the clerk moves on while registered
 * parties were offered and takes none, the card says so and saving waits until the clerk either
 * takes one or confirms that this is a new party: a half-typed name (张志 for 张志军) never
 * becomes a new party record by accident.
 */
export function PartyNameItem({ name, kind, label, rules, placeholder, onPick }: Props) {
  const form = Form.useFormInstance();
  const path = ['parties', name];
  const party = (Form.useWatch(path, { form, preserve: true }) ?? {}) as PartyValues;
  const pending = !party.partyId && !party.confirmedNew && (party.offered?.length ?? 0) > 0;

  const revalidate = () => void form.validateFields([[...path, 'name']]).catch(() => undefined);
  const onLeftOffered = (offered: PartySuggestion[]) => {
    const current = (form.getFieldValue(path) ?? {}) as PartyValues;
    if (current.partyId) return;
    const names = [...new Set(offered.map((s) => s.name))].slice(0, 3);
    // A new name offers nothing: whatever was asked about an earlier spelling no longer applies.
    form.setFieldValue([...path, 'offered'], names.length ? names : undefined);
    if (!names.length || names.join() !== current.offered?.join())
      form.setFieldValue([...path, 'confirmedNew'], undefined);
    if (current.offered?.length || names.length) revalidate();
  };
  const confirmNew = () => {
    form.setFieldValue([...path, 'confirmedNew'], true);
    revalidate();
  };

  const lookupRule: Rule = {
    validator: async () => {
      const p = (form.getFieldValue(path) ?? {}) as PartyValues;
      if (p.partyId || p.confirmedNew || !p.offered?.length) return;
      throw new Error(`已登记有“${p.offered.join('”“')}”，请从列表选择`);
    },
  };

  return (
    <Form.Item
      name={[name, 'name']}
      label={label}
      required
      rules={[...rules, lookupRule]}
      extra={
        pending && (
          <Typography.Link onClick={confirmNew} data-testid="confirm-new-party">
            不是此人，按新当事人登记
          </Typography.Link>
        )
      }
    >
      <PartyNameInput
        kind={kind}
        partyId={party.partyId}
        onPick={onPick}
        onLeftOffered={onLeftOffered}
        placeholder={placeholder}
      />
    </Form.Item>
  );
}
