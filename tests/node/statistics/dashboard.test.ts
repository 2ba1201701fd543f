import { beforeEach, describe, expect, it } from 'vitest';
import {
  statisticDimensions,
  statisticMeasures,
  type DashboardDto,
  type StatisticFilter,
  type StatisticMeasure,
} from '../../../main/contract';
import { listStrategyLimits } from '../../../db';
import { addUser, switchUser } from '../../helpers/app';
import { ORGS } from '../../helpers/workflow';
import {
  expectedMeasures,
  statisticsWorld,
  type PlannedCase,
  type StatisticsWorld,
} from '../../fixtures/statisticsWorld';

// Issue 15: the dashboard against a generated dataset with known answers, and every number of it
// against the case list its drill-down opens.

const PERIOD = { from: '2026-09-01', to: '2026-11-30' };
let world: StatisticsWorld;

beforeEach(async () => {
  world = await statisticsWorld(40);
  await world.as('admin');
  await addUser(world.app, 'lingdao', ['leader'], 'Leader2026ok', {
    organisationIds: [ORGS.county, ORGS.yaofu],
  });
  await addUser(world.app, 'yaofu', ['leader'], 'Leader2026ok', { organisationIds: [ORGS.yaofu] });
}, 120_000);

const asLeader = (who = 'lingdao') => switchUser(world.app, who, 'Leader2026ok');

function count(cases: PlannedCase[], m: StatisticMeasure): number {
  return cases.filter((c) => expectedMeasures(c).has(m)).length;
}

/** A change that leaves the figures as they are: kept sets and figures are no longer reused. */
function touch(caseId: string): void {
  world.app.session.requireUnlocked().store.sql.run(`UPDATE cases SET status = status WHERE id = ?`, caseId);
}

async function listed(filter: StatisticFilter): Promise<number> {
  const page = await world.app.ok('cases:list', { statistic: filter, pageSize: 200 });
  expect(page.items).toHaveLength(page.total);
  return page.total;
}

describe('统计分析 with known answers', () => {
  it('counts every figure as the plans say, with the rates and amount', async () => {
    await asLeader();
    const d = await world.app.ok('statistics:dashboard', { ...PERIOD, dimension: 'month' });
    for (const m of statisticMeasures) {
      expect(d.total.counts[m], m).toBe(count(world.cases, m));
      // The dataset exercises every figure: none is trivially zero.
      expect(d.total.counts[m], m).toBeGreaterThan(0);
    }
    const c = d.total.counts;
    expect(c.accepted).toBe(40);
    expect(d.total.rates.successRate).toBe(Math.round((c.succeeded / c.mediated) * 1000) / 10);
    expect(d.total.rates.performanceRate).toBe(Math.round((c.performed / c.succeeded) * 1000) / 10);
    expect(d.total.rates.visitRate).toBe(Math.round((c.visited / c.visitDue) * 1000) / 10);
    expect(d.total.amountFen).toBe(world.cases.reduce((s, x) => s + x.amountFen, 0));
    const prevented = world.cases.filter((x) => expectedMeasures(x).has('criminalPrevented'));
    expect(d.total.criminalPreventedPersons).toBe(prevented.reduce((s, x) => s + x.parties, 0));
    expect(d.rows.map((r) => r.label)).toEqual(['2026年9月', '2026年10月', '2026年11月']);
    // The plan's targets for a year after the plan: the last year's (98 / 95 / 100).
    expect(d.targets).toMatchObject({ year: 2026, successRate: 98, performanceRate: 95, visitRate: 100 });
  });

  it('slices by committee, township, type, source and mediator as the plans say', async () => {
    await asLeader();
    const keyOf: Record<string, (c: PlannedCase) => string | null> = {
      committee: (c) => c.handlingId,
      disputeType: (c) => c.disputeType,
      source: (c) => c.source,
      mediator: (c) => c.mediatorId,
      month: (c) => c.receivedOn.slice(0, 7),
      township: () => '姚伏镇',
    };
    for (const dimension of statisticDimensions) {
      const d = await world.app.ok('statistics:dashboard', { ...PERIOD, dimension });
      const keys = new Set(world.cases.map(keyOf[dimension]!));
      expect(d.rows.map((r) => r.key).sort(), dimension).toEqual([...keys].sort());
      for (const row of d.rows) {
        const mine = world.cases.filter((c) => keyOf[dimension]!(c) === row.key);
        for (const m of statisticMeasures)
          expect(row.counts[m], `${dimension} ${row.label} ${m}`).toBe(count(mine, m));
      }
    }
  });

  it('every number of the dashboard opens a case list of exactly that many cases', async () => {
    await asLeader();
    let cells = 0;
    for (const dimension of statisticDimensions) {
      const d: DashboardDto = await world.app.ok('statistics:dashboard', { ...PERIOD, dimension });
      for (const row of [...d.rows, { ...d.total, slice: undefined, label: '合计' }]) {
        for (const measure of statisticMeasures) {
          const n = await listed({ measure, ...PERIOD, ...(row.slice ? { slice: row.slice } : {}) });
          expect(n, `${dimension} ${row.label} ${measure}`).toBe(row.counts[measure]);
          cells += 1;
        }
      }
    }
    expect(cells).toBeGreaterThan(200);
  });

  it('a drill-down lists the right cases, not only the right number', async () => {
    await asLeader();
    const page = await world.app.ok('cases:list', {
      statistic: { measure: 'overdue', ...PERIOD, slice: { month: '2026-09' } },
      pageSize: 200,
    });
    const want = world.cases
      .filter((c) => c.receivedOn.startsWith('2026-09') && expectedMeasures(c).has('overdue'))
      .map((c) => c.id)
      .sort();
    expect(page.items.map((i) => i.id).sort()).toEqual(want);
    expect(want.length).toBeGreaterThan(0);
  });

  it('a drill-down pages through exactly its cases, whichever way the page is found', async () => {
    await asLeader();
    const statistic: StatisticFilter = { measure: 'accepted', ...PERIOD };
    const whole = await world.app.ok('cases:list', { statistic, pageSize: 200 });
    expect(whole.total).toBe(40);
    // From the set's rows (a small set) and by walking the receipt index (a large one).
    for (const limit of [1000, 0]) {
      listStrategyLimits.scope = limit;
      const ids: string[] = [];
      for (let page = 1; page <= 6; page++) {
        const p = await world.app.ok('cases:list', { statistic, pageSize: 7, page });
        expect(p.total, `limit ${limit} page ${page}`).toBe(40);
        ids.push(...p.items.map((i) => i.id));
      }
      expect(ids, `limit ${limit}`).toEqual(whole.items.map((i) => i.id));
    }
    listStrategyLimits.scope = 400;
    // Right after the dashboard, its figure is the total and each page comes straight from the
    // figure's statement (statisticFigures.ts); after a change, from the evaluated set. The same
    // cases either way, each once, a day's cases in the index's order rather than entry order.
    const pagesOf = async () => {
      const ids: string[] = [];
      for (let page = 1; page <= 6; page++) {
        const p = await world.app.ok('cases:list', { statistic, pageSize: 7, page });
        expect(p.total).toBe(40);
        ids.push(...p.items.map((i) => i.id));
      }
      return ids;
    };
    await world.app.ok('statistics:dashboard', { ...PERIOD, dimension: 'month' });
    const direct = await pagesOf();
    touch(whole.items[0]!.id);
    const evaluated = await pagesOf();
    expect(new Set(direct).size).toBe(40);
    expect([...direct].sort()).toEqual([...evaluated].sort());
    expect([...direct].sort()).toEqual(whole.items.map((i) => i.id).sort());
    // Another filter narrows the figure's cases: the total is counted, not the set's size.
    const narrowed = await world.app.ok('cases:list', {
      statistic,
      receivedFrom: '2026-10-01',
      pageSize: 200,
    });
    expect(narrowed.total).toBe(world.cases.filter((c) => c.receivedOn >= '2026-10-01').length);
    expect(narrowed.items).toHaveLength(narrowed.total);
  });

  it('a drill-down opened again after a change shows the change (the kept set is not stale)', async () => {
    await asLeader();
    const statistic: StatisticFilter = { measure: 'accepted', ...PERIOD };
    // Opened from the dashboard: its total is the dashboard's figure, until the data changes.
    await world.app.ok('statistics:dashboard', { ...PERIOD, dimension: 'month' });
    const before = await world.app.ok('cases:list', { statistic, pageSize: 200 });
    expect(before.items).toHaveLength(before.total);
    // A change made in the same signed-in session (the kept sets live as long as the connection).
    const voided = before.items[0]!.id;
    world.app.session
      .requireUnlocked()
      .store.sql.run(`UPDATE cases SET status = 'voided' WHERE id = ?`, voided);
    const after = await world.app.ok('cases:list', { statistic, pageSize: 200 });
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((i) => i.id)).not.toContain(voided);
    const d = await world.app.ok('statistics:dashboard', { ...PERIOD, dimension: 'month' });
    expect(d.total.counts.accepted).toBe(after.total);
  });

  it('a township leader counts only the cases of their committee', async () => {
    await asLeader('yaofu');
    const d = await world.app.ok('statistics:dashboard', { ...PERIOD, dimension: 'committee' });
    const theirs = world.cases.filter((c) => c.committeeId === ORGS.yaofu || c.handlingId === ORGS.yaofu);
    expect(d.total.counts.accepted).toBe(theirs.length);
    expect(d.total.counts.succeeded).toBe(count(theirs, 'succeeded'));
    expect(theirs.length).toBeLessThan(world.cases.length);
    // The county's rows are not theirs to see, even by asking the list for them.
    expect(await listed({ measure: 'accepted', ...PERIOD, slice: { committeeId: ORGS.medical } })).toBe(0);
  });

  it('a period outside the data counts nothing; rates without a denominator are empty', async () => {
    await asLeader();
    const d = await world.app.ok('statistics:dashboard', {
      from: '2025-01-01',
      to: '2025-12-31',
      dimension: 'month',
    });
    expect(d.total.counts.accepted).toBe(0);
    expect(d.total.rates.successRate).toBeNull();
    expect(d.targets.year).toBe(2025);
  });

  it('the 就地化解率 formula and the targets are settings (管理员)', async () => {
    await world.as('admin');
    await world.app.ok('statistics:saveConfig', {
      localRateBase: 'accepted',
      targets: [{ year: 2026, successRate: 99, performanceRate: 96, visitRate: 100, localRate: 90 }],
    });
    const d = await world.app.ok('statistics:dashboard', { ...PERIOD, dimension: 'month' });
    const c = d.total.counts;
    expect(d.total.rates.localRate).toBe(Math.round((c.local / c.accepted) * 1000) / 10);
    expect(d.targets).toMatchObject({ successRate: 99, localRate: 90 });
    await asLeader();
    expect(
      (await world.app.call('statistics:saveConfig', { localRateBase: 'succeeded', targets: [] })).ok,
    ).toBe(false);
    await world.as('admin');
    const bad = await world.app.call('statistics:saveConfig', {
      localRateBase: 'accepted',
      targets: [{ year: 2026, successRate: 120, performanceRate: 96, visitRate: 100, localRate: null }],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('调解成功率目标不能大于100');
  });
});
