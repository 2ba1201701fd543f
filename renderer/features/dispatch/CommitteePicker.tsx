import { Radio, Select, Tag, theme, Typography } from 'antd';
import type { ChannelOutput, CommitteeDto } from '../../../main/contract';

type Suggested = ChannelOutput<'dispatch:suggest'>['committees'][number];

interface Props {
  suggested: Suggested[];
  committees: CommitteeDto[];
  value?: string;
  onChange?: (id: string) => void;
}

/** Suggested committees with why (专业对口, 属地, 重大纠纷), and any other active committee by name. */
export function CommitteePicker({ suggested, committees, value, onChange }: Props) {
  const { token } = theme.useToken();
  const others = committees.filter((c) => c.active && !suggested.some((s) => s.id === c.id));
  const pickedOther = value !== undefined && !suggested.some((s) => s.id === value);
  return (
    <div>
      <Radio.Group
        value={pickedOther ? undefined : value}
        onChange={(e) => onChange?.(e.target.value as string)}
        style={{ display: 'flex', flexDirection: 'column', gap: 6, width: '100%' }}
      >
        {suggested.map((c, i) => (
          <div key={c.id} data-testid={`committee-${c.name}`}>
            <Radio
              value={c.id}
              style={{
                width: '100%',
                padding: '6px 10px',
                border: `1px solid ${value === c.id ? token.colorPrimaryBorder : token.colorBorderSecondary}`,
                background: value === c.id ? token.colorPrimaryBg : undefined,
                borderRadius: 6,
                marginInlineEnd: 0,
              }}
            >
              <Typography.Text strong={i === 0}>{c.name}</Typography.Text>
              {i === 0 && (
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  首选
                </Tag>
              )}
              {c.reasons.map((r) => (
                <Tag key={r} color="blue" variant="filled" style={{ marginInlineStart: 4 }}>
                  {r}
                </Tag>
              ))}
            </Radio>
          </div>
        ))}
      </Radio.Group>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          其他调委会
        </Typography.Text>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          placeholder="不在推荐中时，按名称选择"
          value={pickedOther ? value : undefined}
          onChange={(id?: string) => id && onChange?.(id)}
          options={others.map((c) => ({ value: c.id, label: c.name }))}
          style={{ flex: 1 }}
          aria-label="其他调委会"
        />
      </div>
    </div>
  );
}
