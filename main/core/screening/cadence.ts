import type { z } from 'zod';
import type { OrganisationRow } from '../../../db';
import {
  cadenceUnitLabels,
  organisationKindLabels,
  type CadenceDto,
  type CadenceUnit,
  type cadenceDto,
  type ScreeningDueRow,
} from '../../contract';
import type { Repositories } from '../../../db';
import type { ServiceContext } from '../context';
import { addDays, addMonths, daysBetween, officeDate, today } from '../dates';
import { isActiveOn } from '../cases/catalog';

// How often each kind of organisation screens (两排查), and where each stands in its cycle. The
// plan's rhythm is the default: villages every week, township and sector committees every half
// month, the county every month; the 管理员 may change it (系统设置). A period is a calendar
// week (Monday to Sunday), a half month (1st–15th, 16th–end) or a month. An organisation is due
// while the current period has no round yet, and overdue (behind) once a whole period passed
// without one. A 零报告 counts as a round.

export const CADENCE_KEY = 'screening.cadence';

export const DEFAULT_CADENCE: CadenceDto = {
  kinds: {
    county_center: 'month',
    township: 'half_month',
    sector: 'half_month',
    village: 'week',
    unit: 'none',
    room: 'none',
    stationed: 'none',
    other: 'none',
  },
};

export async function getCadence(repos: Repositories): Promise<CadenceDto> {
  const saved = await repos.settings.get<CadenceDto>(CADENCE_KEY);
  return { kinds: { ...DEFAULT_CADENCE.kinds, ...(saved?.kinds ?? {}) } };
}

export async function saveCadence(
  ctx: ServiceContext,
  input: z.output<typeof cadenceDto>,
): Promise<CadenceDto> {
  await ctx.repos.settings.set(CADENCE_KEY, input);
  ctx.audit.detail = Object.entries(input.kinds)
    .filter(([, unit]) => unit !== 'none')
    .map(
      ([kind, unit]) =>
        `${organisationKindLabels[kind as OrganisationRow['kind']]}${cadenceUnitLabels[unit]}`,
    )
    .join('、');
  return input;
}

/** A Monday, to count weekdays from without the machine's calendar. */
const A_MONDAY = '2024-01-01';

/** The period of `unit` that contains `day`: [from, to], both inclusive. */
export function periodOf(unit: Exclude<CadenceUnit, 'none'>, day: string): { from: string; to: string } {
  if (unit === 'week') {
    const weekday = ((daysBetween(A_MONDAY, day) % 7) + 7) % 7;
    const from = addDays(day, -weekday);
    return { from, to: addDays(from, 6) };
  }
  const first = `${day.slice(0, 8)}01`;
  const last = addDays(addMonths(first, 1), -1);
  if (unit === 'month') return { from: first, to: last };
  return Number(day.slice(8, 10)) <= 15
    ? { from: first, to: `${day.slice(0, 8)}15` }
    : { from: `${day.slice(0, 8)}16`, to: last };
}

/** Every organisation in the user's scope whose kind screens on a cadence, with its state today. */
export async function screeningDue(ctx: ServiceContext): Promise<{ today: string; rows: ScreeningDueRow[] }> {
  const day = today(ctx.clock);
  const cadence = await getCadence(ctx.repos);
  const organisations = (await ctx.repos.catalog.organisations()).filter(
    (o) => ctx.scope.organisations.has(o.id) && cadence.kinds[o.kind] !== 'none' && isActiveOn(o, day),
  );
  const ids = organisations.map((o) => o.id);
  const last = ctx.repos.screening.lastHeld(ids);
  const installed = ctx.repos.screening.installedAt();
  const installedOn = installed ? officeDate(new Date(installed)) : day;
  const rows = organisations.map((o): ScreeningDueRow => {
    const unit = cadence.kinds[o.kind] as Exclude<CadenceUnit, 'none'>;
    const current = periodOf(unit, day);
    const previous = periodOf(unit, addDays(current.from, -1));
    const lastHeldOn = last.get(o.id) ?? null;
    const heldNow = lastHeldOn !== null && lastHeldOn >= current.from;
    // Nothing is owed for a period that began before the desk (or the organisation) was set up.
    const since = [installedOn, o.activeFrom ?? '', officeDate(new Date(o.createdAt))].sort().at(-1)!;
    const existedBefore = since <= previous.from;
    const missed =
      !heldNow &&
      existedBefore &&
      !(lastHeldOn !== null && lastHeldOn >= previous.from && lastHeldOn <= previous.to);
    return {
      organisationId: o.id,
      organisationName: o.name,
      cadence: unit,
      periodFrom: current.from,
      periodTo: current.to,
      lastHeldOn,
      state: heldNow ? 'done' : missed ? 'overdue' : 'due',
      missedFrom: missed ? previous.from : null,
      missedTo: missed ? previous.to : null,
    };
  });
  const order = { overdue: 0, due: 1, done: 2 } as const;
  rows.sort(
    (a, b) => order[a.state] - order[b.state] || a.organisationName.localeCompare(b.organisationName, 'zh'),
  );
  return { today: day, rows };
}
