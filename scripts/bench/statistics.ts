// 统计分析 and 月报 (issue 15) in the bench: the bulk cases carry statuses only, so the settled
// ones get the agreement and return visit the workflow would have written (one INSERT … SELECT
// each); then a county 领导 (every top-level organisation: the whole county) asks for dashboard
// slices, the county's monthly return and drill-down pages, each next to a plain GROUP BY (or a
// plain page) of the same cases in the same run.
import { sqliteOf } from '../../db';
import type { ChannelInput, ChannelName, ChannelOutput, StatisticDimension } from '../../main/contract';
import type { App } from '../../main/ipc';
import { summarise, timed, type Summary } from './stats';

type Ok = <K extends ChannelName>(channel: K, input: ChannelInput<K>) => Promise<ChannelOutput<K>>;

export interface StatisticsBenchResult {
  casesInScope: number;
  slice: Summary;
  sliceGroupBy: Summary;
  monthlyReturn: Summary;
  monthlyGroupBy: Summary;
  /**
   * The first page of a figure's cases clicked on the dashboard just shown: the total is the
   * figure (statisticFigures.ts), the page is walked back from the newest case.
   */
  drillOpen: Summary;
  /** The same first page opened after a change: the figure's set is evaluated (statisticSets.ts). */
  drillCold: Summary;
  /** The next pages of the same figure. */
  drillPage: Summary;
  drillPlain: Summary;
}

const LEADER = { username: 'benchleader', displayName: '刘局长', password: 'Lingdao2026' };

/** Agreements and visits for the bulk cases whose status says they were settled. */
export function addOutcomes(app: App): void {
  const raw = sqliteOf(app.session.requireUnlocked().store).sql.raw;
  raw.exec(`
    INSERT INTO agreements (id, origin_office_id, created_at, updated_at, case_id, kind, number, facts, terms,
        performance_manner, performance_place, performance_deadline, amount_fen, reached_on, effective_on, subject_matter)
      SELECT lower(hex(randomblob(16))), origin_office_id, created_at, created_at, id,
             CASE WHEN rowid % 5 = 0 THEN 'oral' ELSE 'written' END, 'B' || rowid, '事实', '条款', '现金', '调委会',
             date(received_on, '+20 days'), amount_fen, date(received_on, '+10 days'), date(received_on, '+10 days'), 'ordinary'
        FROM cases WHERE deleted_at IS NULL AND status IN ('succeeded', 'performing', 'visited', 'closed', 'archived')
          AND NOT EXISTS (SELECT 1 FROM agreements a WHERE a.case_id = cases.id);
    INSERT INTO return_visits (id, origin_office_id, created_at, updated_at, case_id, agreement_id, due_on, visited_on,
        performance_status)
      SELECT lower(hex(randomblob(16))), a.origin_office_id, a.created_at, a.created_at, a.case_id, a.id,
             date(a.performance_deadline, '+7 days'),
             CASE WHEN c.status IN ('visited', 'closed', 'archived') THEN date(a.performance_deadline, '+7 days') END,
             CASE WHEN c.status IN ('visited', 'closed', 'archived') THEN
               CASE WHEN c.rowid % 19 = 0 THEN 'not_performed' ELSE 'performed' END END
        FROM agreements a JOIN cases c ON c.id = a.case_id
       WHERE NOT EXISTS (SELECT 1 FROM return_visits v WHERE v.agreement_id = a.id);`);
}

export async function statisticsBench(
  app: App,
  ok: Ok,
  admin: { username: string; password: string },
  options: { samples: number; year: number },
): Promise<StatisticsBenchResult> {
  await ok('auth:signOut', {});
  await ok('auth:signIn', { username: admin.username, password: admin.password });
  addOutcomes(app);
  const catalog = await ok('catalog:get', {});
  const roots = catalog.committees.filter((c) => c.parentId === null).map((c) => c.id);
  await ok('users:create', { ...LEADER, roles: ['leader'], organisationIds: roots });
  await ok('auth:signOut', {});
  await ok('auth:signIn', { username: LEADER.username, password: LEADER.password });
  const sql = sqliteOf(app.session.requireUnlocked().store).sql;
  const year = options.year;
  const periods = [
    { from: `${year}-01-01`, to: `${year}-12-31` },
    { from: `${year}-04-01`, to: `${year}-06-30` },
    { from: `${year}-10-01`, to: `${year}-10-31` },
  ];
  const dimensions: StatisticDimension[] = [
    'committee',
    'township',
    'disputeType',
    'source',
    'mediator',
    'month',
  ];
  const casesInScope = (await ok('statistics:dashboard', { ...periods[0]!, dimension: 'month' })).total.counts
    .accepted;

  const slice: number[] = [];
  const sliceGroupBy: number[] = [];
  for (let i = 0; i < options.samples + 5; i++) {
    const period = periods[i % periods.length]!;
    const dimension = dimensions[i % dimensions.length]!;
    const [, a] = await timed(() => ok('statistics:dashboard', { ...period, dimension }));
    // The same cases counted by a plain GROUP BY (no scope test, no per-figure conditions).
    const [, b] = await timed(() => app.session.repos().statistics.plainCounts(period.from, period.to));
    if (i >= 5) {
      slice.push(a);
      sliceGroupBy.push(b);
    }
  }

  const monthly: number[] = [];
  const monthlyGroupBy: number[] = [];
  const returns = Math.max(3, Math.ceil(options.samples / 10));
  for (let i = 0; i < returns + 1; i++) {
    const month = `${year}-${String((i % 12) + 1).padStart(2, '0')}`;
    const [, a] = await timed(() => ok('statistics:monthlyReturn', { month }));
    const [, b] = await timed(() =>
      sql.all(
        `SELECT COALESCE(handling_committee_id, committee_id), dispute_type, count(*) FROM cases
          WHERE deleted_at IS NULL AND received_on >= ? AND received_on <= ? GROUP BY 1, 2`,
        `${month}-01`,
        `${month}-31`,
      ),
    );
    if (i >= 1) {
      monthly.push(a);
      monthlyGroupBy.push(b);
    }
  }

  const drillOpen: number[] = [];
  const drillCold: number[] = [];
  const drill: number[] = [];
  const drillPlain: number[] = [];
  const measures = ['succeeded', 'overdue', 'performed', 'accepted'] as const;
  const firstCase = sql.get<{ id: string }>('SELECT id FROM cases LIMIT 1')!.id;
  for (let i = 0; i < options.samples + 5; i++) {
    const period = periods[i % periods.length]!;
    const measure = measures[i % measures.length]!;
    const statistic = { measure, ...period };
    // As a user does: the dashboard of the period (not timed), then a click on one of its numbers.
    await ok('statistics:dashboard', { ...period, dimension: dimensions[i % dimensions.length]! });
    const [, open] = await timed(() => ok('cases:list', { statistic, pageSize: 20 }));
    const turns: number[] = [];
    for (const page of [2, 3])
      turns.push((await timed(() => ok('cases:list', { statistic, pageSize: 20, page })))[1]);
    // The same link opened after the data changed (a bookmark, or a case saved meanwhile).
    sql.run('UPDATE cases SET status = status WHERE id = ?', firstCase);
    const [, cold] = await timed(() => ok('cases:list', { statistic, pageSize: 20 }));
    const [, b] = await timed(() =>
      sql.all(
        `SELECT * FROM cases WHERE deleted_at IS NULL AND received_on >= ? AND received_on <= ? ORDER BY received_on DESC LIMIT 20`,
        period.from,
        period.to,
      ),
    );
    if (i >= 5) {
      drillOpen.push(open);
      drillCold.push(cold);
      drill.push(...turns);
      drillPlain.push(b);
    }
  }
  // The leader stays signed in: the caller signs out as before its next section.
  return {
    casesInScope,
    slice: summarise(slice),
    sliceGroupBy: summarise(sliceGroupBy),
    monthlyReturn: summarise(monthly),
    monthlyGroupBy: summarise(monthlyGroupBy),
    drillOpen: summarise(drillOpen),
    drillCold: summarise(drillCold),
    drillPage: summarise(drill),
    drillPlain: summarise(drillPlain),
  };
}
