import type { Repositories, ScopePrincipals, StatisticRow } from '../../../db';
import {
  organisationKindLabels,
  organisationKinds,
  type OrganisationKind,
  type ReturnStatusDto,
} from '../../contract';
import { namesOf } from '../cases/view';
import { addDays, addMonths } from '../dates';
import { getSettings } from '../settings/service';
import { statisticParams } from './figures';

// The figures of one monthly return: the MOJ 人民调解工作统计表 columns (domain.md §4; reporting.md
// §1.4, labels to be checked against the region's template), by committee grouped by its kind, and
// by dispute type. Exactly the dashboard's figures for the month (dimension committee / type).

export interface ReturnColumn {
  header: string;
  /** Where the number comes from: a measure's count, the amount in 元, or the persons. */
  value: (r: StatisticRow) => number;
}

export const returnColumns: ReturnColumn[] = [
  { header: '受理纠纷（件）', value: (r) => r.counts.accepted },
  { header: '调解纠纷（件）', value: (r) => r.counts.mediated },
  { header: '调解成功（件）', value: (r) => r.counts.succeeded },
  { header: '其中：书面协议', value: (r) => r.counts.written },
  { header: '其中：口头协议', value: (r) => r.counts.oral },
  { header: '协议履行（件）', value: (r) => r.counts.performed },
  { header: '回访（件）', value: (r) => r.counts.visited },
  { header: '申请司法确认（件）', value: (r) => r.counts.confirmationApplied },
  { header: '协议涉及金额（元）', value: (r) => r.amountFen / 100 },
  { header: '就地化解（件）', value: (r) => r.counts.local },
  { header: '防止民转刑（件）', value: (r) => r.counts.criminalPrevented },
  { header: '防止民转刑（人）', value: (r) => r.persons },
  { header: '超期未结（件）', value: (r) => r.counts.overdue },
  // Added after months were first submitted: a submitted month's figures are stored by column
  // position, so new columns go at the end (an older snapshot simply has no value there).
  { header: '经司法确认有效（件）', value: (r) => r.counts.confirmationConfirmed },
];

export interface ReturnLine {
  key: string;
  label: string;
  values: number[];
}

export interface ReturnFigures {
  month: string;
  committees: { kind: OrganisationKind; label: string; lines: ReturnLine[] }[];
  types: ReturnLine[];
}

export function monthPeriod(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(addMonths(from, 1), -1) };
}

const line = (key: string, label: string, r: StatisticRow): ReturnLine => ({
  key,
  label,
  values: returnColumns.map((c) => c.value(r)),
});

export async function returnFigures(
  repos: Repositories,
  scope: ScopePrincipals,
  month: string,
  committeeId: string | null,
  today: string,
): Promise<ReturnFigures> {
  const params = statisticParams(scope, monthPeriod(month), await getSettings(repos), today);
  const within = committeeId ? { committeeId } : {};
  const orgs = new Map((await repos.catalog.organisations()).map((o) => [o.id, o]));
  const names = namesOf(repos);
  const byKind = new Map<OrganisationKind, ReturnLine[]>();
  for (const r of repos.statistics.slices(params, 'committee', within)) {
    const org = r.key ? orgs.get(r.key) : undefined;
    const kind = org?.kind ?? 'other';
    byKind.set(kind, [
      ...(byKind.get(kind) ?? []),
      line(r.key ?? '', org?.name ?? r.key ?? '（未知调委会）', r),
    ]);
  }
  return {
    month,
    committees: organisationKinds
      .filter((k) => byKind.has(k))
      .map((kind) => ({ kind, label: organisationKindLabels[kind], lines: byKind.get(kind)! })),
    types: repos.statistics
      .slices(params, 'disputeType', within)
      .map((r) => line(r.key ?? '', names.disputeTypes.get(r.key ?? '') ?? r.key ?? '', r)),
  };
}

/** The cells whose number differs between a submitted return and the figures now. */
export function differences(submitted: ReturnFigures, now: ReturnFigures): ReturnStatusDto['differences'] {
  const out: ReturnStatusDto['differences'] = [];
  const compare = (sheet: string, a: ReturnLine[], b: ReturnLine[]) => {
    const keys = new Map<string, { label: string; was?: number[]; is?: number[] }>();
    for (const l of a) keys.set(l.key, { label: l.label, was: l.values });
    for (const l of b) keys.set(l.key, { ...keys.get(l.key), label: l.label, is: l.values });
    for (const { label, was, is } of keys.values()) {
      returnColumns.forEach((c, i) => {
        const before = was?.[i] ?? 0;
        const after = is?.[i] ?? 0;
        if (before !== after)
          out.push({ sheet, row: label, column: c.header, submitted: before, now: after });
      });
    }
  };
  compare(
    '按调委会',
    submitted.committees.flatMap((g) => g.lines),
    now.committees.flatMap((g) => g.lines),
  );
  compare('按纠纷类型', submitted.types, now.types);
  return out;
}
