import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Popconfirm, Space } from 'antd';
import { useNavigate } from 'react-router';
import {
  transitions,
  type Access,
  type CaseStatus,
  type WorkflowAction,
  type WorkflowDto,
} from '../../../main/contract';

/** The forms a button opens. */
export type StepKey =
  | 'return'
  | 'escalate'
  | 'transfer'
  | 'referOut'
  | 'investigation'
  | 'mediation'
  | 'agreement'
  | 'effective'
  | 'confirmation'
  | 'visit'
  | 'terminate'
  | 'inform'
  | 'close'
  | 'risk'
  | 'extend';

const recordable: CaseStatus[] = ['mediating', 'succeeded', 'performing', 'terminated'];
const mediationOpen: CaseStatus[] = ['accepted', 'dispatched', 'mediating'];
const ended: CaseStatus[] = ['closed', 'voided', 'transferred', 'archived'];

interface Props {
  wf: WorkflowDto;
  can: (access: Access) => boolean;
  onOpen: (step: StepKey) => void;
  onAccept: () => Promise<void>;
  onBeginPerformance: () => Promise<void>;
  busy: boolean;
}

/**
 * Exactly the steps the case's status allows (the contract's state machine, as the service
 * reports it for this user's committee scope) that this user's roles permit; the rarer ones sit
 * under 更多. A case the user may only read (wf.writable false) offers none of the other steps.
 */
export function WorkflowActions({ wf, can, onOpen, onAccept, onBeginPerformance, busy }: Props) {
  const navigate = useNavigate();
  const legal = (a: WorkflowAction) => wf.actions.includes(a) && can(transitions[a].permission);
  const mediator = wf.writable && can('cases:mediate');
  const status = wf.status;
  const riskDue = wf.riskReport.required && wf.riskReport.reported === null && !ended.includes(status);
  const mayReportRisk = wf.writable && can(['cases:mediate', 'cases:dispatch']) && !ended.includes(status);
  const pendingVisit = wf.deadlines.find((d) => d.kind === 'visit');

  const buttons = [
    legal('dispatch') && (
      <Button key="dispatch" type="primary" onClick={() => void navigate(`/dispatch?case=${wf.caseId}`)}>
        分流指派
      </Button>
    ),
    riskDue && mayReportRisk && (
      <Button key="risk" type="primary" danger onClick={() => onOpen('risk')}>
        民转刑风险报告
      </Button>
    ),
    legal('accept') && (
      <Popconfirm
        key="accept"
        title="接收案件"
        description="确认由本调委会接收该案件并开始调解？"
        okText="接收"
        cancelText="取消"
        onConfirm={onAccept}
      >
        <Button type="primary" loading={busy}>
          接收案件
        </Button>
      </Popconfirm>
    ),
    legal('return') && (
      <Button key="return" onClick={() => onOpen('return')}>
        退回
      </Button>
    ),
    legal('recordAgreement') && (
      <Button key="agreement" type="primary" onClick={() => onOpen('agreement')}>
        登记调解协议
      </Button>
    ),
    mediator && recordable.includes(status) && (
      <Button key="mediation" onClick={() => onOpen('mediation')}>
        登记调解记录
      </Button>
    ),
    mediator && recordable.includes(status) && (
      <Button key="investigation" onClick={() => onOpen('investigation')}>
        登记调查记录
      </Button>
    ),
    mediator && wf.agreement?.kind === 'written' && !wf.agreement.effectiveOn && !ended.includes(status) && (
      <Button key="effective" type="primary" ghost onClick={() => onOpen('effective')}>
        登记生效日期
      </Button>
    ),
    legal('beginPerformance') && (
      <Popconfirm
        key="perform"
        title="进入履行期"
        description="协议已生效，开始跟踪当事人履行情况？"
        okText="确定"
        cancelText="取消"
        onConfirm={onBeginPerformance}
      >
        <Button loading={busy}>进入履行期</Button>
      </Popconfirm>
    ),
    legal('recordVisit') && (
      <Button
        key="visit"
        type={pendingVisit && pendingVisit.state !== 'ok' ? 'primary' : 'default'}
        onClick={() => onOpen('visit')}
      >
        登记回访
      </Button>
    ),
    legal('informRoutes') && (
      <Button key="inform" type="primary" onClick={() => onOpen('inform')}>
        告知其他途径
      </Button>
    ),
    legal('close') && (
      <Button key="close" type="primary" onClick={() => onOpen('close')}>
        结案
      </Button>
    ),
    legal('terminate') && (
      <Button key="terminate" danger onClick={() => onOpen('terminate')}>
        终止调解
      </Button>
    ),
  ].filter(Boolean);

  const more = [
    legal('escalate') && { key: 'escalate', label: '上报上级调解组织' },
    legal('transfer') && { key: 'transfer', label: '移交其他调委会' },
    legal('referOut') && { key: 'referOut', label: '转出（告知其他途径）' },
    mediationOpen.includes(status) &&
      wf.writable &&
      can(['cases:mediate', 'cases:dispatch']) && { key: 'extend', label: '延长调解期限' },
    !riskDue && mayReportRisk && { key: 'risk', label: '民转刑风险报告' },
    // 司法确认结果: a written agreement in effect that a court may confirm (the service checks the rest).
    mediator &&
      wf.agreement?.kind === 'written' &&
      wf.agreement.effectiveOn &&
      wf.agreement.subjectMatter === 'ordinary' &&
      !ended.includes(status) && { key: 'confirmation', label: '登记司法确认结果' },
  ].filter((x): x is { key: StepKey; label: string } => Boolean(x));

  if (!buttons.length && !more.length) return null;
  return (
    <Space wrap data-testid="workflow-actions">
      {buttons}
      {more.length > 0 && (
        <Dropdown trigger={['click']} menu={{ items: more, onClick: ({ key }) => onOpen(key as StepKey) }}>
          <Button>
            更多 <DownOutlined />
          </Button>
        </Dropdown>
      )}
    </Space>
  );
}
