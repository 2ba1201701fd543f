import { Tag } from 'antd';
import {
  caseStatusLabels,
  formatFen,
  riskFlagLabels,
  riskLevelLabels,
  type CaseStatus,
  type RiskFlag,
  type RiskLevel,
} from '../../../main/contract';

const statusColors: Record<CaseStatus, string> = {
  accepted: 'blue',
  dispatched: 'cyan',
  mediating: 'processing',
  succeeded: 'green',
  performing: 'lime',
  visited: 'green',
  closed: 'default',
  terminated: 'orange',
  informed: 'gold',
  transferred: 'purple',
  voided: 'default',
  archived: 'purple',
};

export function StatusTag({ status }: { status: CaseStatus }) {
  return (
    <Tag
      color={statusColors[status]}
      style={status === 'voided' ? { textDecoration: 'line-through' } : undefined}
    >
      {caseStatusLabels[status]}
    </Tag>
  );
}

const riskColors: Record<RiskLevel, string | undefined> = {
  normal: undefined,
  elevated: 'orange',
  major: 'red',
};

export function RiskTag({ level }: { level: RiskLevel }) {
  if (level === 'normal') return <span>{riskLevelLabels[level]}</span>;
  return <Tag color={riskColors[level]}>{riskLevelLabels[level]}</Tag>;
}

export function RiskFlagTags({ flags }: { flags: RiskFlag[] }) {
  return flags.map((f) => (
    <Tag key={f} color="volcano">
      {riskFlagLabels[f]}
    </Tag>
  ));
}

/** '15,000.00' for the lists; '' when no amount was given. */
export function amountText(fen: number | null): string {
  return fen === null ? '' : formatFen(fen);
}
