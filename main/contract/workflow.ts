import type { CaseStatus } from './schemas/catalog';
import type { Permission } from './roles';

// The case workflow as data: which action moves a case from which states to which, and who may
// take it. core/workflow enforces it; the screen reads it to offer only the legal actions.
//
// 已受理 → 已分流 → 调解中 → 调解成功 → 履行中 → 已回访 → 已结案
//                          ↘ 调解终止 → 已告知其他途径 → 已结案
// and from the early states: 已转出 (referred out) or 已作废 (voided).

export const workflowActions = [
  'dispatch',
  'accept',
  'return',
  'transfer',
  'escalate',
  'referOut',
  'recordAgreement',
  'beginPerformance',
  'recordVisit',
  'terminate',
  'informRoutes',
  'close',
  'void',
] as const;
export type WorkflowAction = (typeof workflowActions)[number];

export interface Transition {
  from: readonly CaseStatus[];
  /** null: the status does not change (e.g. a second return visit). */
  to: CaseStatus | null;
  label: string;
  /** Any one of these suffices. */
  permission: readonly Permission[];
}

export const transitions: Record<WorkflowAction, Transition> = {
  dispatch: { from: ['accepted'], to: 'dispatched', label: '分流指派', permission: ['cases:dispatch'] },
  accept: {
    from: ['dispatched'],
    to: 'mediating',
    label: '接收案件',
    permission: ['cases:mediate', 'cases:dispatch'],
  },
  return: {
    from: ['dispatched'],
    to: 'accepted',
    label: '退回',
    permission: ['cases:mediate', 'cases:dispatch'],
  },
  transfer: {
    from: ['dispatched', 'mediating'],
    to: 'dispatched',
    label: '移交其他调委会',
    permission: ['cases:dispatch'],
  },
  escalate: {
    from: ['accepted', 'dispatched', 'mediating'],
    to: 'dispatched',
    label: '上报上级调解组织',
    permission: ['cases:mediate', 'cases:dispatch'],
  },
  referOut: {
    from: ['accepted', 'dispatched', 'mediating'],
    to: 'transferred',
    label: '转出（告知其他途径）',
    permission: ['cases:dispatch', 'cases:mediate'],
  },
  recordAgreement: {
    from: ['mediating'],
    to: 'succeeded',
    label: '登记调解协议',
    permission: ['cases:mediate'],
  },
  beginPerformance: {
    from: ['succeeded'],
    to: 'performing',
    label: '进入履行期',
    permission: ['cases:mediate'],
  },
  recordVisit: {
    from: ['succeeded', 'performing', 'visited'],
    to: 'visited',
    label: '登记回访',
    permission: ['cases:mediate'],
  },
  terminate: { from: ['mediating'], to: 'terminated', label: '终止调解', permission: ['cases:mediate'] },
  informRoutes: {
    from: ['terminated'],
    to: 'informed',
    label: '告知其他途径',
    permission: ['cases:mediate'],
  },
  close: { from: ['visited', 'informed'], to: 'closed', label: '结案', permission: ['cases:mediate'] },
  void: { from: ['accepted', 'dispatched'], to: 'voided', label: '作废', permission: ['cases:void'] },
};

export function canTransition(status: CaseStatus, action: WorkflowAction): boolean {
  return transitions[action].from.includes(status);
}

export function legalActions(status: CaseStatus): WorkflowAction[] {
  return workflowActions.filter((a) => canTransition(status, a));
}
