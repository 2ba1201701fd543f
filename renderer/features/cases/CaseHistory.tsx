import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CaseDetail } from '../../../main/contract';

const colors: Record<string, string> = { 受理登记: 'green', 作废: 'red', 修改登记信息: 'blue' };

/** Every change to the registration: who, when, what, each field before → after, and why. */
export function CaseHistory({ history }: { history: CaseDetail['history'] }) {
  if (!history.length) return <Typography.Text type="secondary">暂无记录</Typography.Text>;
  return (
    <Timeline
      items={[...history].reverse().map((h, i) => ({
        key: i,
        color: colors[h.action] ?? 'gray',
        content: (
          <div data-testid="history-entry">
            <Typography.Text strong>{h.action}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {h.actorName} · {dayjs(h.at).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
            {h.changes.map((c) => (
              <div key={c.field} style={{ marginTop: 4 }}>
                <Typography.Text type="secondary">{c.field}：</Typography.Text>
                <Typography.Text delete type="secondary">
                  {c.before}
                </Typography.Text>
                <span style={{ margin: '0 6px' }}>→</span>
                <Typography.Text>{c.after}</Typography.Text>
              </div>
            ))}
            {h.note && (
              <div style={{ marginTop: 4 }}>
                <Typography.Text type="secondary">说明：{h.note}</Typography.Text>
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
