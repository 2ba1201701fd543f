import { Button, Checkbox, Empty, Input, Radio, Tag, theme, Typography } from 'antd';
import { useState } from 'react';
import type { Rule } from 'antd/es/form';
import { conflictOverride, dispatchInput, type ScoredMediator } from '../../../main/contract';

/** The team being picked: who, who presides (主持), and the written 回避 exceptions by mediator id. */
export interface Team {
  mediatorIds: string[];
  leadMediatorId?: string | undefined;
  /** Present (even empty) = the dispatcher ticked 回避例外 for that mediator. */
  overrides: Record<string, string>;
}

export const emptyTeam: Team = { mediatorIds: [], overrides: {} };

const SHORT_LIST = 8;

/** The same rules the service applies, so the dispatcher learns them before sending. */
export function teamRule(mediators: ScoredMediator[]): Rule {
  return {
    validator: async (_rule, team: Team | undefined) => {
      const t = team ?? emptyTeam;
      const count = dispatchInput.shape.mediatorIds.safeParse(t.mediatorIds);
      if (!count.success) throw new Error(count.error.issues[0]?.message);
      if (!t.leadMediatorId || !t.mediatorIds.includes(t.leadMediatorId))
        throw new Error('请选定一名主持调解员');
      for (const id of t.mediatorIds) {
        const m = mediators.find((x) => x.id === id);
        if (!m?.conflicts.length) continue;
        const reason = conflictOverride.shape.reason.safeParse(t.overrides[id] ?? '');
        if (!(id in t.overrides)) throw new Error(`${m.name}须回避：${m.conflicts.join('；')}`);
        if (!reason.success) throw new Error(`${m.name}：${reason.error.issues[0]?.message}`);
      }
    },
  };
}

/** Contract input fields from the picked team. */
export function teamInput(team: Team, mediators: ScoredMediator[]) {
  return {
    mediatorIds: team.mediatorIds,
    leadMediatorId: team.leadMediatorId ?? '',
    overrides: team.mediatorIds
      .filter((id) => id in team.overrides && mediators.find((m) => m.id === id)?.conflicts.length)
      .map((id) => ({ mediatorId: id, reason: team.overrides[id] ?? '' })),
  };
}

interface Props {
  mediators: ScoredMediator[];
  committeeId: string | undefined;
  value?: Team;
  onChange?: (team: Team) => void;
}

/**
 * Ranked mediators (specialty, place, workload), members of the chosen committee first. One who
 * must stand aside (回避) is shown in red with the reason and cannot be picked until the
 * dispatcher ticks 回避例外 and writes why.
 */
export function MediatorPicker({ mediators, committeeId, value = emptyTeam, onChange }: Props) {
  const { token } = theme.useToken();
  const [expanded, setExpanded] = useState(false);
  const member = (m: ScoredMediator) => Boolean(committeeId && m.committeeIds.includes(committeeId));
  const ordered = [...mediators].sort(
    (a, b) =>
      Number(a.conflicts.length > 0) - Number(b.conflicts.length > 0) ||
      Number(member(b)) - Number(member(a)),
  );
  const set = (next: Partial<Team>) => {
    const team = { ...value, ...next };
    if (!team.leadMediatorId || !team.mediatorIds.includes(team.leadMediatorId)) {
      team.leadMediatorId = team.mediatorIds[0];
    }
    onChange?.(team);
  };
  const toggle = (id: string, on: boolean) =>
    set({ mediatorIds: on ? [...value.mediatorIds, id] : value.mediatorIds.filter((x) => x !== id) });
  const toggleOverride = (id: string, on: boolean) => {
    const overrides = { ...value.overrides };
    if (on) overrides[id] = overrides[id] ?? '';
    else delete overrides[id];
    set({ overrides, ...(on ? {} : { mediatorIds: value.mediatorIds.filter((x) => x !== id) }) });
  };

  // A county roster runs to hundreds: show the chosen committee's members, anyone already picked,
  // and the best of the rest; the others on request.
  const inPlay = (m: ScoredMediator) =>
    member(m) || value.mediatorIds.includes(m.id) || m.id in value.overrides;
  const others = ordered.filter((m) => !inPlay(m) && !m.conflicts.length);
  const extra = new Set(
    others.slice(0, Math.max(3, SHORT_LIST - ordered.filter(inPlay).length)).map((m) => m.id),
  );
  const shown = expanded ? ordered : ordered.filter((m) => inPlay(m) || extra.has(m.id));
  const hidden = ordered.length - shown.length;

  if (!mediators.length) return <Empty description="调解员名册为空，请先在“调解员名册”中登记调解员" />;
  return (
    <div
      style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: 6, overflow: 'hidden' }}
      data-testid="mediator-picker"
    >
      {shown.map((m, i) => {
        const blocked = m.conflicts.length > 0;
        const excepted = m.id in value.overrides;
        const picked = value.mediatorIds.includes(m.id);
        return (
          <div
            key={m.id}
            data-testid={`mediator-${m.name}`}
            style={{
              padding: '8px 12px',
              borderTop: i ? `1px solid ${token.colorBorderSecondary}` : undefined,
              borderLeft: `3px solid ${picked ? token.colorPrimary : blocked ? token.colorError : 'transparent'}`,
              background: picked ? token.colorPrimaryBg : blocked ? token.colorFillQuaternary : undefined,
            }}
          >
            <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <Checkbox
                checked={picked}
                disabled={blocked && !excepted}
                onChange={(e) => toggle(m.id, e.target.checked)}
                aria-label={`指派${m.name}`}
              >
                <Typography.Text strong>{m.name}</Typography.Text>
              </Checkbox>
              <Tag>{m.employment}</Tag>
              {member(m) && <Tag color="blue">本调委会</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.reasons.filter((r) => !r.startsWith('在办') && r !== m.employment).join('，')}
              </Typography.Text>
              <div style={{ flex: 1 }} />
              <Typography.Text type={m.openCases > 5 ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
                在办{m.openCases}件
              </Typography.Text>
              <Radio
                checked={picked && value.leadMediatorId === m.id}
                disabled={!picked}
                onChange={() => set({ leadMediatorId: m.id })}
                style={{ marginInlineEnd: 0 }}
              >
                主持
              </Radio>
            </div>
            {blocked && (
              <div style={{ marginTop: 6, paddingLeft: 24 }}>
                <Typography.Text type="danger" data-testid="conflict">
                  须回避：{m.conflicts.join('；')}
                </Typography.Text>
                <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 4 }}>
                  <Checkbox checked={excepted} onChange={(e) => toggleOverride(m.id, e.target.checked)}>
                    回避例外
                  </Checkbox>
                  {excepted && (
                    <Input
                      size="small"
                      aria-label={`${m.name}回避例外理由`}
                      placeholder="写明例外理由，如：双方当事人书面同意由其调解"
                      maxLength={200}
                      value={value.overrides[m.id]}
                      onChange={(e) => set({ overrides: { ...value.overrides, [m.id]: e.target.value } })}
                      style={{ flex: 1 }}
                    />
                  )}
                </div>
              </div>
            )}
          </div>
        );
      })}
      {(hidden > 0 || expanded) && (
        <div style={{ padding: '4px 12px', borderTop: `1px solid ${token.colorBorderSecondary}` }}>
          <Button
            type="link"
            size="small"
            style={{ paddingInline: 0 }}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? '只看推荐的调解员' : `显示其余${hidden}名调解员`}
          </Button>
        </div>
      )}
    </div>
  );
}
