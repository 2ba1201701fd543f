import { Checkbox } from 'antd';
import { roleLabels, roles, type Role } from '../../../main/contract';

export function RoleSelect(props: { value?: Role[]; onChange?: (value: Role[]) => void }) {
  return (
    <Checkbox.Group
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      options={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
    />
  );
}
