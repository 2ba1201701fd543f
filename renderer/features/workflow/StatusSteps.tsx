import { Steps } from 'antd';
import dayjs from 'dayjs';
import { caseStatusLabels, type CaseStatus, type WorkflowDto } from '../../../main/contract';

const success: CaseStatus[] = [
  'accepted',
  'dispatched',
  'mediating',
  'succeeded',
  'performing',
  'visited',
  'closed',
  'archived',
];
const failure: CaseStatus[] = [
  'accepted',
  'dispatched',
  'mediating',
  'terminated',
  'informed',
  'closed',
  'archived',
];

const day = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : undefined);

/** When each step was reached, where the record says so. */
function reachedOn(wf: WorkflowDto, receivedOn: string | undefined): Partial<Record<CaseStatus, string>> {
  const first = wf.assignments[0];
  const accepted = wf.assignments.filter((a) => a.state !== 'returned' && a.respondedAt).at(-1);
  const visited = wf.visits.filter((v) => v.visitedOn).at(-1);
  return {
    accepted: receivedOn,
    dispatched: day(first?.dispatchedAt),
    mediating: day(accepted?.respondedAt),
    succeeded: wf.agreement?.reachedOn,
    visited: visited?.visitedOn ?? undefined,
    terminated: wf.termination?.terminatedOn,
    informed: wf.informed?.toldOn,
    transferred: wf.referral?.referredOn,
  };
}

/**
 * 已受理 → 已分流 → 调解中 → 调解成功 → 履行中 → 已回访 → 已结案, or the failure branch
 * (调解终止 → 已告知其他途径 → 已结案), or the early exits 已转出 / 已作废.
 */
export function StatusSteps({ wf, receivedOn }: { wf: WorkflowDto; receivedOn?: string | undefined }) {
  const status = wf.status;
  const failed = wf.termination !== null || status === 'terminated' || status === 'informed';
  // 已归档 is shown only once the file is archived (issue 13).
  let path = (failed ? failure : success).filter((s) => s !== 'archived' || status === 'archived');
  let current = path.indexOf(status);
  let error = false;
  if (status === 'transferred' || status === 'voided') {
    // Left the path early: show how far it got, then the exit.
    const reached = wf.assignments.some((a) => a.state === 'accepted') ? 3 : wf.assignments.length ? 2 : 1;
    path = [...success.slice(0, reached), status];
    current = path.length - 1;
    error = status === 'voided';
  }
  const dates = reachedOn(wf, receivedOn);
  return (
    <Steps
      size="small"
      current={current}
      status={error ? 'error' : status === 'closed' || status === 'archived' ? 'finish' : 'process'}
      data-testid="status-steps"
      items={path.map((s, i) => ({
        key: s,
        title: caseStatusLabels[s],
        content: i <= current ? dates[s] : undefined,
      }))}
    />
  );
}
