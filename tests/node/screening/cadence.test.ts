import { describe, expect, it } from 'vitest';
import type { ScreeningDueRow } from '../../../main/contract';
import { periodOf } from '../../../main/core/screening';
import { aRound, ORGS, screeningWorld } from './world';

// The screening rhythm (两排查) on the injectable clock: the plan's cadence per organisation kind
// (township half-monthly, county monthly, sector committees half-monthly, villages weekly), due
// while the current period has no round, overdue once a whole period passed without one; a 零报告
// keeps an organisation on time.

const stateOf = (rows: ScreeningDueRow[], id: string) => {
  const row = rows.find((r) => r.organisationId === id);
  return (
    row && {
      state: row.state,
      period: `${row.periodFrom}…${row.periodTo}`,
      missed: row.missedFrom && `${row.missedFrom}…${row.missedTo}`,
    }
  );
};

describe('screening periods', () => {
  it('are calendar weeks (Monday to Sunday), half months and months', () => {
    expect(periodOf('week', '2026-11-30')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(periodOf('week', '2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(periodOf('week', '2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(periodOf('half_month', '2026-11-15')).toEqual({ from: '2026-11-01', to: '2026-11-15' });
    expect(periodOf('half_month', '2026-02-16')).toEqual({ from: '2026-02-16', to: '2026-02-28' });
    expect(periodOf('half_month', '2028-02-29')).toEqual({ from: '2028-02-16', to: '2028-02-29' });
    expect(periodOf('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});

describe('screening cadence reminders', () => {
  it('is due in the current period, done after a 零报告, overdue once a period passes without a round', async () => {
    const w = await screeningWorld();
    await w.as('clerk');
    const cadence = await w.app.ok('screening:cadence', {});
    expect(cadence.kinds).toMatchObject({
      village: 'week',
      township: 'half_month',
      sector: 'half_month',
      county_center: 'month',
    });

    // 2026-11-30: the second half of November; nothing recorded yet: due, not overdue (the
    // organisations were set up today, so no earlier period is owed).
    let due = await w.app.ok('screening:due', {});
    expect(due.today).toBe('2026-11-30');
    expect(stateOf(due.rows, ORGS.yaofu)).toEqual({
      state: 'due',
      period: '2026-11-16…2026-11-30',
      missed: null,
    });
    expect(stateOf(due.rows, ORGS.county)).toEqual({
      state: 'due',
      period: '2026-11-01…2026-11-30',
      missed: null,
    });
    expect(stateOf(due.rows, ORGS.medical)).toMatchObject({ state: 'due', period: '2026-11-16…2026-11-30' });

    // A 零报告 is a round: 姚伏镇 is done for this half month.
    await w.app.ok('screening:record', aRound({ findings: [] }));
    due = await w.app.ok('screening:due', {});
    expect(stateOf(due.rows, ORGS.yaofu)).toMatchObject({ state: 'done' });
    expect(due.rows.find((r) => r.organisationId === ORGS.yaofu)!.lastHeldOn).toBe('2026-11-30');

    // 12-01: a new half month and month begin; November was covered for 姚伏镇 → due again. The
    // county centre and the medical committee had no round in their last period, but were set up
    // during it: due, not behind.
    await w.later(1, 'clerk');
    due = await w.app.ok('screening:due', {});
    expect(stateOf(due.rows, ORGS.yaofu)).toEqual({
      state: 'due',
      period: '2026-12-01…2026-12-15',
      missed: null,
    });
    expect(stateOf(due.rows, ORGS.medical)).toMatchObject({ state: 'due' });

    // 12-16: the first half of December passed without a round: overdue, naming the period missed.
    await w.later(15, 'clerk');
    due = await w.app.ok('screening:due', {});
    expect(stateOf(due.rows, ORGS.yaofu)).toEqual({
      state: 'overdue',
      period: '2026-12-16…2026-12-31',
      missed: '2026-12-01…2026-12-15',
    });
    expect(due.rows[0]!.state).toBe('overdue');

    // Catching up in the current period clears it.
    await w.app.ok('screening:record', aRound({ heldOn: '2026-12-16', findings: [] }));
    due = await w.app.ok('screening:due', {});
    expect(stateOf(due.rows, ORGS.yaofu)).toMatchObject({ state: 'done', missed: null });
  });

  it('follows the cadence the 管理员 sets, and lists for each user only the organisations in their scope', async () => {
    const w = await screeningWorld();
    await w.as('admin');
    // The 管理员 sets the rhythm (系统设置) but keeps no screening log of their own.
    expect(await w.app.call('screening:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const saved = await w.app.call('screening:saveCadence', {
      kinds: {
        county_center: 'month',
        township: 'week',
        sector: 'none',
        village: 'week',
        unit: 'none',
        room: 'none',
        stationed: 'none',
        other: 'none',
      },
    });
    expect(saved.ok).toBe(true);
    await w.as('clerk');
    const due = await w.app.ok('screening:due', {});
    expect(stateOf(due.rows, ORGS.yaofu)).toMatchObject({ period: '2026-11-30…2026-12-06' });
    expect(stateOf(due.rows, ORGS.medical)).toBeUndefined();
    await w.asQukou();
    const qukou = await w.app.ok('screening:due', {});
    expect(qukou.rows.map((r) => r.organisationName)).toEqual(['渠口乡人民调解委员会']);
  });
});
