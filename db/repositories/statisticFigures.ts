import type { StatisticDimension, StatisticMeasure, StatisticSlice } from '../../main/contract';
import type { Statements } from '../sql';
import { perConnection } from './perConnection';
import { statisticSets } from './statisticSets';

// The dashboard's figures, kept for the drill-down (issue 15). A number on the dashboard is a link
// to its cases; the list's first page needs their total, which is that number. Counting it again
// means evaluating the figure over every case of the period (15–25 ms for a year of the county at
// 100,000 cases), while the page itself is the first twenty found walking back from the newest.
// So the counts the dashboard just computed are kept, and a drill-down takes its total from them
// while the data stays the same (the same test as the kept case sets: statisticSets.ts).

/** How many computations are kept: the periods a user moves between on one dashboard. */
const KEPT = 8;

type Counts = Record<StatisticMeasure, number>;

interface Entry {
  key: string;
  changes: number;
  total?: Counts;
  slices: Map<StatisticDimension, Map<string | null, Counts>>;
}

/** The one field of a slice, as the dimension whose row it selects and that row's key. */
function sliceKey(
  slice: StatisticSlice,
): { dimension: StatisticDimension; key: string | null } | 'total' | null {
  const fields = Object.entries(slice).filter(([, v]) => v !== undefined);
  if (fields.length === 0) return 'total';
  if (fields.length > 1) return null;
  const [field, value] = fields[0]!;
  const dimension = (
    {
      committeeId: 'committee',
      township: 'township',
      disputeType: 'disputeType',
      source: 'source',
      month: 'month',
      mediatorId: 'mediator',
    } as const
  )[field as keyof StatisticSlice];
  // An empty value stands for a row without a key ('（未填）'): not the same test, count it.
  if (value === '') return null;
  return { dimension, key: value };
}

class FigureCache {
  private entries: Entry[] = [];

  constructor(private readonly sql: Statements) {}

  private entry(key: string, create: boolean): Entry | undefined {
    const changes = statisticSets(this.sql).dataChanges();
    let found = this.entries.find((e) => e.key === key);
    if (found && found.changes !== changes) {
      this.entries = this.entries.filter((e) => e !== found);
      found = undefined;
    }
    if (!found && create) {
      found = { key, changes, slices: new Map() };
      this.entries = [found, ...this.entries].slice(0, KEPT);
    }
    return found;
  }

  /** The figures of a computation (`dimension` null: the period's total). */
  remember(
    key: string,
    dimension: StatisticDimension | null,
    rows: { key: string | null; counts: Counts }[],
  ): void {
    const entry = this.entry(key, true)!;
    if (dimension === null) entry.total = rows[0]?.counts;
    else entry.slices.set(dimension, new Map(rows.map((r) => [r.key, r.counts])));
  }

  /** The number behind one figure, when the dashboard computed it on the data as it is. */
  count(key: string, measure: StatisticMeasure, slice: StatisticSlice): number | undefined {
    const entry = this.entry(key, false);
    const at = sliceKey(slice);
    if (!entry || at === null) return undefined;
    if (at === 'total') return entry.total?.[measure];
    const rows = entry.slices.get(at.dimension);
    // A computed dimension without the row: the slice has no cases.
    return rows ? (rows.get(at.key)?.[measure] ?? 0) : undefined;
  }
}

/** The figure cache of one open database. */
export const statisticFigures = perConnection((sql) => new FigureCache(sql));
