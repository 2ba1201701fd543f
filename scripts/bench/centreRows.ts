import type { CentreBenchResult, Measured } from './centre';
import { cpus } from 'node:os';
import { round, type Row, type Summary } from './stats';

export type { CentreBenchResult };

// The centre's figures (issue 17) as rows of the bench's table, each beside the SQLite figure of
// the same run: single-desk p95 within 2× of SQLite; eight desks ≥ 4× one desk's creates.

interface SqliteFigures {
  search: Record<'name2' | 'caseNumber' | 'idSuffix' | 'summaryWord', Summary>;
  listPage: Summary;
  listUnfiltered: Summary;
}

export function centreRows(c: CentreBenchResult, sqliteCreate: Summary, sqlite: SqliteFigures): Row[] {
  const beside = (metric: string, pg: Measured, lite: Summary): Row => ({
    metric,
    p50: pg.p50,
    p95: pg.p95,
    target: `p95 ≤ 2× SQLite (${round(lite.p95 * 2, 2)} ms)`,
    pass: pg.p95 <= lite.p95 * 2,
    note: `SQLite p50 ${lite.p50} / p95 ${lite.p95} ms; ${pg.roundTrips} round trips; n=${pg.n}`,
  });
  return [
    {
      metric: `县中心 PostgreSQL ${c.cases.toLocaleString('en')} cases, one desk (county clerk)`,
      note: `moved there from a desk's file in ${c.migrateSeconds} s (copied, re-indexed, checked), then VACUUM ANALYZE ${c.vacuumSeconds} s`,
    },
    beside('  受理登记 create', c.create, sqliteCreate),
    beside('  搜索 2字姓名', c.search.name2, sqlite.search.name2),
    beside('  搜索 案号', c.search.caseNumber, sqlite.search.caseNumber),
    beside('  搜索 身份证后4位', c.search.idSuffix, sqlite.search.idSuffix),
    beside('  搜索 案情关键词', c.search.summaryWord, sqlite.search.summaryWord),
    beside('  列表首页 status+township', c.listPage, sqlite.listPage),
    beside('  列表首页 no filter', c.listUnfiltered, sqlite.listUnfiltered),
    {
      metric: `  8 desks at once, ${c.desks.eight.cases} creates`,
      value: `${c.desks.eight.casesPerSecond}/s`,
      target: '≥ 4× one desk',
      pass: c.desks.ratio >= 4,
      note: `${c.desks.ratio}× one desk alone (${c.desks.one.casesPerSecond}/s); all into the county centre's committee; each desk a process, server on the same machine; the machine's ${cpus().length} cores ${Math.round(c.desks.eight.cpuBusy * 100)} % busy (one desk: ${Math.round(c.desks.one.cpuBusy * 100)} %)`,
    },
    {
      metric: `  8 desks at once, each into a committee of its own`,
      value: `${c.desks.ownCommittees.casesPerSecond}/s`,
      target: '≥ 4× one desk',
      pass: c.desks.ownRatio >= 4,
      note: `${c.desks.ownRatio}× one desk alone; cores ${Math.round(c.desks.ownCommittees.cpuBusy * 100)} % busy`,
    },
  ];
}
