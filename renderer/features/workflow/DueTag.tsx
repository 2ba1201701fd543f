import { Tag } from 'antd';
import type { DueState } from '../../../main/contract';

/** Overdue red, within 3 days orange, within 7 days gold, otherwise calm. */
export const dueColors: Record<DueState, string> = {
  overdue: 'red',
  due3: 'orange',
  due7: 'gold',
  ok: 'green',
};

export function dueText(state: DueState, daysLeft: number | null): string {
  if (daysLeft === null) return state === 'overdue' ? '须立即办理' : state === 'ok' ? '待办理' : '请尽快办理';
  if (daysLeft < 0) return `已超期${-daysLeft}天`;
  if (daysLeft === 0) return '今天到期';
  return `剩${daysLeft}天`;
}

/** "剩5天" / "今天到期" / "已超期3天", coloured by how urgent it is. */
export function DueTag({ state, daysLeft }: { state: DueState; daysLeft: number | null }) {
  return (
    <Tag color={dueColors[state]} data-testid="due-tag" style={{ marginInlineEnd: 0 }}>
      {dueText(state, daysLeft)}
    </Tag>
  );
}
