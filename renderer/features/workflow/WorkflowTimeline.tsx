import { Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import {
  agreementKindLabels,
  assignmentModeLabels,
  performanceStatusLabels,
  recordKindLabels,
  referralRouteLabels,
  satisfactionLabels,
  terminationKindLabels,
  type WorkflowDto,
} from '../../../main/contract';
import { assignmentKindLabels } from './AssignmentView';

interface Event {
  at: string;
  /** Date-only events are shown without a time. */
  dated: boolean;
  color: string;
  title: string;
  body?: ReactNode;
}

const { Text, Paragraph } = Typography;

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ marginTop: 2 }}>
      <Text type="secondary">{label}：</Text>
      {children}
    </div>
  );
}

function eventsOf(wf: WorkflowDto): Event[] {
  const out: Event[] = [];
  for (const a of wf.assignments) {
    const team = a.mediators.map((m) => `${m.name}${m.lead ? '（主持）' : ''}`).join('、');
    out.push({
      at: a.dispatchedAt,
      dated: false,
      color: 'blue',
      title: `${assignmentKindLabels[a.kind]}：${a.committeeName}`,
      body: (
        <>
          <Line label="经办">{a.dispatchedByName}</Line>
          {team && <Line label="调解员">{`${team}（${assignmentModeLabels[a.mode]}）`}</Line>}
          {a.mediators
            .filter((m) => m.overrideReason)
            .map((m) => (
              <Line key={m.id} label="回避例外">
                <Text type="warning">{`${m.name}：${m.overrideReason}`}</Text>
              </Line>
            ))}
          {a.note && <Line label="说明">{a.note}</Line>}
        </>
      ),
    });
    if (a.respondedAt) {
      const back = Boolean(a.returnReason);
      out.push({
        at: a.respondedAt,
        dated: false,
        color: back ? 'orange' : 'green',
        title: `${a.committeeName}${back ? '退回' : '接收'}`,
        body: (
          <>
            <Line label="经办">{a.respondedByName}</Line>
            {back && <Line label="退回理由">{a.returnReason}</Line>}
          </>
        ),
      });
    }
  }
  for (const r of wf.records) {
    out.push({
      at: r.heldAt,
      dated: false,
      color: 'cyan',
      title: `${recordKindLabels[r.kind]}：${r.place}`,
      body: (
        <div data-testid="timeline-record">
          <Line label="到场当事人">{r.partiesPresent}</Line>
          {r.participants && <Line label="参加人">{r.participants}</Line>}
          <Line label="权利义务告知">{r.rightsNotified ? '已告知' : <Text type="warning">未告知</Text>}</Line>
          <Paragraph
            ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (o) => (o ? '收起' : '展开') }}
            style={{ margin: '2px 0 0' }}
          >
            <Text type="secondary">情况：</Text>
            {r.statements}
          </Paragraph>
          {r.result && <Line label="结果">{r.result}</Line>}
          <Line label="记录人">{r.recorder}</Line>
        </div>
      ),
    });
  }
  if (wf.agreement) {
    const a = wf.agreement;
    out.push({
      at: a.reachedOn,
      dated: true,
      color: 'green',
      title: `达成${agreementKindLabels[a.kind]}：${a.number}`,
      body: (
        <Line label="履行">{`${a.performanceManner}，${a.performancePlace}，${a.performanceDeadline}前`}</Line>
      ),
    });
  }
  for (const v of wf.visits.filter((x) => x.visitedOn)) {
    out.push({
      at: v.visitedOn!,
      dated: true,
      color: v.performanceStatus === 'performed' ? 'green' : 'orange',
      title: `回访：${v.performanceStatus ? performanceStatusLabels[v.performanceStatus] : ''}`,
      body: (
        <>
          <Line label="回访人">{v.visitor}</Line>
          {v.satisfaction && <Line label="满意度">{satisfactionLabels[v.satisfaction]}</Line>}
          <Line label="情况">{v.situation}</Line>
          {v.escalationSigns && <Tag color="red">有激化迹象</Tag>}
          {v.courtAction && <Tag color="purple">当事人已起诉</Tag>}
          {v.measures && <Line label="措施">{v.measures}</Line>}
        </>
      ),
    });
  }
  if (wf.termination) {
    out.push({
      at: wf.termination.terminatedOn,
      dated: true,
      color: 'red',
      title: `终止调解：${terminationKindLabels[wf.termination.kind]}`,
      body: <Line label="说明">{wf.termination.reason}</Line>,
    });
  }
  if (wf.informed) {
    out.push({
      at: wf.informed.toldOn,
      dated: true,
      color: 'gold',
      title: '告知其他途径',
      body: (
        <>
          <Line label="途径">{wf.informed.routes.map((r) => referralRouteLabels[r]).join('、')}</Line>
          <Line label="方式">{wf.informed.how}</Line>
          {wf.informed.note && <Line label="说明">{wf.informed.note}</Line>}
        </>
      ),
    });
  }
  if (wf.referral) {
    out.push({
      at: wf.referral.referredOn,
      dated: true,
      color: 'purple',
      title: `转出：${referralRouteLabels[wf.referral.route]}${wf.referral.receivingBody ? `（${wf.referral.receivingBody}）` : ''}`,
      body: <Line label="已告知">{wf.referral.told}</Line>,
    });
  }
  for (const e of wf.extensions) {
    out.push({
      at: e.at,
      dated: false,
      color: 'blue',
      title: `延长调解期限${e.days}天`,
      body: <Line label="当事人同意">{`${e.consent}（${e.byName}）`}</Line>,
    });
  }
  // A date-only step (an agreement reached "today") counts as the end of its day; on a tie the
  // step recorded later in the case's course comes first.
  const when = (e: Event) => (e.dated ? dayjs(e.at).endOf('day') : dayjs(e.at)).valueOf();
  return out
    .map((e, i) => ({ e, i }))
    .sort((a, b) => when(b.e) - when(a.e) || b.i - a.i)
    .map(({ e }) => e);
}

/** Everything done on the case, newest first: assignments, records, agreement, visits, endings. */
export function WorkflowTimeline({ wf }: { wf: WorkflowDto }) {
  const events = eventsOf(wf);
  if (!events.length) return <Text type="secondary">暂无办理记录</Text>;
  return (
    <Timeline
      items={events.map((e, i) => ({
        key: i,
        color: e.color,
        content: (
          <div style={{ fontSize: 13 }}>
            <div>
              <Text strong>{e.title}</Text>
              <Text type="secondary" style={{ marginInlineStart: 12, fontSize: 12 }}>
                {e.dated ? e.at : dayjs(e.at).format('YYYY-MM-DD HH:mm')}
              </Text>
            </div>
            {e.body}
          </div>
        ),
      }))}
    />
  );
}
