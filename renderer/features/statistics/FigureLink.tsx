import { Typography } from 'antd';
import type { StatisticFilter } from '../../../main/contract';
import { useDrill } from './useDrill';

/** A number that opens the case list on the cases it counts. */
export function FigureLink({
  value,
  filter,
  label,
  strong,
}: {
  value: number;
  filter: StatisticFilter;
  label: string;
  strong?: boolean;
}) {
  const drill = useDrill();
  const text = (
    <span style={{ fontVariantNumeric: 'tabular-nums', fontWeight: strong ? 600 : undefined }}>{value}</span>
  );
  if (!drill || value === 0)
    return <Typography.Text type={value === 0 ? 'secondary' : undefined}>{text}</Typography.Text>;
  return (
    <Typography.Link
      title={`查看这${value}件案件`}
      aria-label={`${label}：${value}件，查看案件`}
      onClick={() => drill(filter, label)}
    >
      {text}
    </Typography.Link>
  );
}
