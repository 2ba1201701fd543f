import type { OpenCaseRow } from '../../../db';
import type { CaseStatus, OverviewDto, SettingsDto, TodoDto, TodoItem } from '../../contract';
import type { ServiceContext } from '../context';
import { today } from '../dates';
import { getSettings } from '../settings/service';
import { deadlinesOf } from './view';

// 我的待办: what each person should do next, among the cases in their committee scope (read in
// SQL). A dispatcher sees the intake queue and every deadline of the cases their organisations
// are answerable for; a mediator the cases assigned to them or arriving at their committees; an
// intake clerk the cases they registered, while their organisations still hold them. The
// overview counts the same per committee, for the committees in the user's scope.

interface Placed {
  row: OpenCaseRow;
  committeeId: string;
  arrivals: string[];
  returned: string | null;
  deadlines: { what: string; dueOn: string | null; state: TodoItem['state']; daysLeft: number | null }[];
}

function place(row: OpenCaseRow, settings: SettingsDto, day: string): Placed {
  const arrivals: string[] = [];
  if (row.status === 'accepted' && !row.lastReturnReason) arrivals.push('待分流');
  if (row.status === 'dispatched' && row.pendingCommitteeId) arrivals.push('待接收');
  const agreement =
    row.agreementKind && row.performanceDeadline
      ? ({
          kind: row.agreementKind,
          effectiveOn: row.effectiveOn,
          performanceDeadline: row.performanceDeadline,
        } as Parameters<typeof deadlinesOf>[1])
      : null;
  const deadlines: Placed['deadlines'] = deadlinesOf(row, agreement, row.visitDue, settings, day).map(
    (d) => ({
      what: d.label,
      dueOn: d.dueOn,
      state: d.state,
      daysLeft: d.daysLeft,
    }),
  );
  if (
    (JSON.parse(row.riskFlags) as string[]).includes('criminal') &&
    row.riskReports === 0 &&
    row.status !== 'informed'
  ) {
    deadlines.push({
      what: '可能民转刑：待登记向公安机关报告情况',
      dueOn: null,
      state: 'overdue',
      daysLeft: null,
    });
  }
  if (row.status === 'terminated')
    deadlines.push({ what: '调解终止：待告知其他途径', dueOn: null, state: 'due3', daysLeft: null });
  return {
    row,
    committeeId: row.pendingCommitteeId ?? row.handlingCommitteeId ?? row.committeeId,
    arrivals,
    returned: row.lastReturnReason,
    deadlines,
  };
}

async function placedCases(ctx: ServiceContext) {
  const settings = await getSettings(ctx.repos);
  const day = today(ctx.clock);
  return {
    day,
    placed: ctx.repos.workflow.openCases(ctx.scope.principals).map((row) => place(row, settings, day)),
  };
}

export async function myTodo(ctx: ServiceContext): Promise<TodoDto> {
  const { day, placed } = await placedCases(ctx);
  const names = new Map((await ctx.repos.catalog.organisations()).map((o) => [o.id, o.name]));
  const roles = ctx.actor.roles;
  const wide = roles.includes('dispatcher') || roles.includes('leader');
  const me = roles.includes('mediator') ? ctx.scope.mediatorId : null;
  const myCommittees = new Set(
    me
      ? ctx.repos.mediators
          .memberships(me)
          .filter((m) => !m.toOn)
          .map((m) => m.organisationId)
      : [],
  );
  const onCase = me ? ctx.repos.workflow.currentMediators() : new Map<string, string[]>();
  // A case sent on to another scope stays readable, but is no longer on the sender's list.
  const answerable = (p: Placed) => ctx.scope.organisations.has(p.committeeId);

  const mine = (p: Placed) =>
    (wide && answerable(p)) ||
    (me !== null &&
      ((onCase.get(p.row.id) ?? []).includes(me) ||
        (p.row.status === 'dispatched' && myCommittees.has(p.committeeId)))) ||
    (roles.includes('intake') && p.row.receivedBy === ctx.actor.userId && answerable(p));

  const item = (
    p: Placed,
    what: string,
    dueOn: string | null,
    state: TodoItem['state'],
    daysLeft: number | null,
  ): TodoItem => ({
    caseId: p.row.id,
    caseNumber: p.row.caseNumber,
    partyNames: p.row.partyNames,
    status: p.row.status as CaseStatus,
    committeeName: names.get(p.committeeId) ?? '',
    what,
    dueOn,
    state,
    daysLeft,
  });

  const out: TodoDto = { today: day, newArrivals: [], returned: [], dueSoon: [], overdue: [] };
  for (const p of placed.filter(mine)) {
    for (const what of p.arrivals) {
      // Dispatchers see the queue to dispatch; mediators what arrives at their committee.
      if (what === '待分流' && !roles.includes('dispatcher')) continue;
      out.newArrivals.push(item(p, what, p.row.receivedOn, 'ok', null));
    }
    if (p.returned && (roles.includes('dispatcher') || roles.includes('intake'))) {
      out.returned.push(item(p, `被退回：${p.returned}`, null, 'due7', null));
    }
    for (const d of p.deadlines) {
      if (d.state === 'overdue') out.overdue.push(item(p, d.what, d.dueOn, d.state, d.daysLeft));
      else if (d.state !== 'ok') out.dueSoon.push(item(p, d.what, d.dueOn, d.state, d.daysLeft));
    }
  }
  const byDue = (a: TodoItem, b: TodoItem) =>
    (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.caseNumber.localeCompare(b.caseNumber);
  out.dueSoon.sort(byDue);
  out.overdue.sort(byDue);
  return out;
}

export async function overview(ctx: ServiceContext): Promise<OverviewDto> {
  const { day, placed } = await placedCases(ctx);
  const orgs = (await ctx.repos.catalog.organisations()).filter((o) => ctx.scope.organisations.has(o.id));
  const rows = new Map(
    orgs.map((o) => [
      o.id,
      {
        committeeId: o.id,
        committeeName: o.name,
        open: 0,
        newArrivals: 0,
        dueSoon: 0,
        overdue: 0,
        returned: 0,
      },
    ]),
  );
  for (const p of placed) {
    const row = rows.get(p.committeeId);
    if (!row) continue;
    row.open += 1;
    row.newArrivals += p.arrivals.length > 0 ? 1 : 0;
    row.returned += p.returned ? 1 : 0;
    row.overdue += p.deadlines.some((d) => d.state === 'overdue') ? 1 : 0;
    row.dueSoon += p.deadlines.some((d) => d.state === 'due3' || d.state === 'due7') ? 1 : 0;
  }
  return {
    today: day,
    rows: [...rows.values()]
      .filter((r) => r.open > 0)
      .sort((a, b) => b.overdue - a.overdue || b.open - a.open),
  };
}
