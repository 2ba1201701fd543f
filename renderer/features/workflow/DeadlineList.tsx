import { Typography } from 'antd';
import type { DeadlineDto } from '../../../main/contract';
import { DueTag } from './DueTag';

const tints: Record<DeadlineDto['state'], { border: string; background: string }> = {
  overdue: { border: '#ff4d4f', background: '#fff1f0' },
  due3: { border: '#fa8c16', background: '#fff7e6' },
  due7: { border: '#faad14', background: '#fffbe6' },
  ok: { border: '#d9d9d9', background: '#fafafa' },
};

/** 调解期限, 司法确认申请期限, 履行期限, 回访: the date, and how close it is, coloured by urgency. */
export function DeadlineList({ deadlines }: { deadlines: DeadlineDto[] }) {
  if (!deadlines.length) return <Typography.Text type="secondary">当前没有进行中的期限</Typography.Text>;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {deadlines.map((d) => (
        <div
          key={d.kind}
          data-testid={`deadline-${d.kind}`}
          data-state={d.state}
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            padding: '6px 12px',
            borderLeft: `3px solid ${tints[d.state].border}`,
            background: tints[d.state].background,
            borderRadius: 4,
          }}
        >
          <Typography.Text style={{ width: 120 }}>{d.label}</Typography.Text>
          <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
            {d.dueOn}
          </Typography.Text>
          <div style={{ flex: 1 }} />
          <DueTag state={d.state} daysLeft={d.daysLeft} />
        </div>
      ))}
    </div>
  );
}
