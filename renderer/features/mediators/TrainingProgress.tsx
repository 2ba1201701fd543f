import { Progress, Space, Tooltip, Typography } from 'antd';
import { trainingTargets, type MediatorDto } from '../../../main/contract';

// Training days against the targets (岗前 ≥ 5 days, once, counted over all years; 年度 ≥ 10 days
// in the current year). Information officers and volunteers have no target: days only.

export function initialDaysTotal(m: MediatorDto): number {
  return m.trainings.filter((t) => t.kind === 'initial').reduce((sum, t) => sum + t.days, 0);
}

function TargetLine(props: { label: string; hint: string; days: number; target: number; testId: string }) {
  const { days, target } = props;
  const met = days >= target;
  return (
    <Tooltip
      title={`${props.hint}：${days}天，要求不少于${target}天${met ? '，已达标' : `，还差${target - days}天`}`}
    >
      <div
        style={{ display: 'flex', alignItems: 'center', gap: 6, width: 156 }}
        data-testid={props.testId}
        data-met={met}
      >
        <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
          {props.label}
        </Typography.Text>
        <Progress
          percent={Math.min(100, (days / target) * 100)}
          size="small"
          status={met ? 'success' : 'normal'}
          strokeColor={met ? undefined : days > 0 ? '#faad14' : '#ff4d4f'}
          format={() => `${days}/${target}天`}
          style={{ margin: 0, flex: 1 }}
        />
      </div>
    </Tooltip>
  );
}

export function TrainingProgress({ mediator }: { mediator: MediatorDto }) {
  const continuing = mediator.trainingDaysThisYear.continuing;
  if (mediator.kind !== 'mediator') {
    const total = mediator.trainingDaysThisYear.initial + continuing;
    return <Typography.Text type="secondary">本年 {total} 天</Typography.Text>;
  }
  return (
    <Space orientation="vertical" size={0}>
      <TargetLine
        label="岗前"
        hint="岗前培训（累计）"
        days={initialDaysTotal(mediator)}
        target={trainingTargets.initial}
        testId="training-initial"
      />
      <TargetLine
        label="年度"
        hint="本年度培训"
        days={continuing}
        target={trainingTargets.continuing}
        testId="training-continuing"
      />
    </Space>
  );
}
