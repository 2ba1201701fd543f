import { Form, Input, Radio, type FormInstance } from 'antd';
import {
  assignmentModeLabels,
  assignmentModes,
  dispatchInput,
  type ChannelOutput,
  type CommitteeDto,
} from '../../../main/contract';
import { zodRule } from '../../components/forms';
import { CommitteePicker } from './CommitteePicker';
import { emptyTeam, MediatorPicker, teamInput, teamRule, type Team } from './MediatorPicker';

export interface AssignmentValues {
  committeeId?: string;
  team: Team;
  mode: 'assigned' | 'chosen_by_parties';
  note?: string;
}

export const assignmentDefaults: AssignmentValues = { team: emptyTeam, mode: 'assigned' };

type Suggestion = ChannelOutput<'dispatch:suggest'>;

/** The contract's dispatch fields from the form (transfer adds its reason). */
export function assignmentInput(caseId: string, v: AssignmentValues, suggestion: Suggestion) {
  return {
    caseId,
    committeeId: v.committeeId ?? '',
    ...teamInput(v.team, suggestion.mediators),
    mode: v.mode,
    note: v.note,
  };
}

/** The service names mediatorIds / leadMediatorId / overrides; the form shows them all on the team. */
export function assignmentPath(path: (string | number)[]): (string | number)[] | null {
  const head = path[0];
  if (head === 'mediatorIds' || head === 'leadMediatorId' || head === 'overrides') return ['team'];
  return head === 'committeeId' || head === 'note' || head === 'reason' ? [head] : null;
}

/** 承办调委会, 调解员 and 主持, 指派方式, 分流说明: shared by 分流 and 移交. */
export function AssignmentFields({
  form,
  suggestion,
  committees,
}: {
  form: FormInstance<AssignmentValues>;
  suggestion: Suggestion;
  committees: CommitteeDto[];
}) {
  const committeeId = Form.useWatch('committeeId', form);
  return (
    <>
      <Form.Item
        name="committeeId"
        label="承办调委会"
        required
        rules={[{ required: true, message: '请选择承办调委会' }]}
      >
        <CommitteePicker suggested={suggestion.committees} committees={committees} />
      </Form.Item>
      <Form.Item
        name="team"
        label="调解员（勾选指派，选定一名主持）"
        required
        rules={[teamRule(suggestion.mediators)]}
      >
        <MediatorPicker mediators={suggestion.mediators} committeeId={committeeId} />
      </Form.Item>
      <Form.Item name="mode" label="指派方式" required>
        <Radio.Group
          options={assignmentModes.map((m) => ({ value: m, label: assignmentModeLabels[m] }))}
          optionType="button"
        />
      </Form.Item>
      <Form.Item name="note" label="分流说明" rules={[zodRule(dispatchInput.shape.note)]}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 4 }}
          maxLength={200}
          placeholder="如：涉及医疗过错鉴定，请专业调委会办理"
        />
      </Form.Item>
    </>
  );
}
