import { Descriptions, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { assignmentModeLabels, type WorkflowDto } from '../../../main/contract';

type Assignment = NonNullable<WorkflowDto['assignment']>;

export const assignmentKindLabels: Record<Assignment['kind'], string> = {
  dispatch: '分流指派',
  transfer: '移交',
  escalation: '上报',
};
export const assignmentStateLabels: Record<Assignment['state'], string> = {
  pending: '待接收',
  accepted: '已接收',
  returned: '已退回',
  superseded: '已变更',
};

export function MediatorNames({ mediators }: { mediators: Assignment['mediators'] }) {
  if (!mediators.length) return <Typography.Text type="secondary">尚未指派调解员</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {mediators.map((m) => (
        <span key={m.id}>
          {m.name}
          {m.lead && (
            <Tag color="blue" style={{ marginInline: 4 }}>
              主持
            </Tag>
          )}
        </span>
      ))}
    </Space>
  );
}

/** The assignment in force: who handles the case, how they were chosen, and any 回避 exception. */
export function AssignmentView({ assignment }: { assignment: Assignment | null }) {
  if (!assignment) {
    return (
      <Typography.Text type="secondary">
        尚未分流：案件在受理中心等待分流员指派调委会和调解员。
      </Typography.Text>
    );
  }
  const overrides = assignment.mediators.filter((m) => m.overrideReason);
  return (
    <Descriptions size="small" column={1} styles={{ label: { width: 96 } }} data-testid="assignment">
      <Descriptions.Item label="承办调委会">
        <Space size={6}>
          <Typography.Text strong>{assignment.committeeName}</Typography.Text>
          <Tag color={assignment.state === 'pending' ? 'orange' : 'green'}>
            {assignmentStateLabels[assignment.state]}
          </Tag>
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label="调解员">
        <MediatorNames mediators={assignment.mediators} />
      </Descriptions.Item>
      <Descriptions.Item label="指派方式">
        {assignmentKindLabels[assignment.kind]} · {assignmentModeLabels[assignment.mode]}
      </Descriptions.Item>
      <Descriptions.Item label="分流">
        {assignment.dispatchedByName} · {dayjs(assignment.dispatchedAt).format('YYYY-MM-DD HH:mm')}
      </Descriptions.Item>
      {assignment.respondedAt && (
        <Descriptions.Item label="接收">
          {assignment.respondedByName} · {dayjs(assignment.respondedAt).format('YYYY-MM-DD HH:mm')}
        </Descriptions.Item>
      )}
      {assignment.note && <Descriptions.Item label="说明">{assignment.note}</Descriptions.Item>}
      {overrides.map((m) => (
        <Descriptions.Item key={m.id} label="回避例外">
          <Typography.Text type="warning">
            {m.name}：{m.overrideReason}
          </Typography.Text>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
