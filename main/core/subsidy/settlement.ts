import type { SubsidyLineRow } from '../../../db';
import type { SettlementDto, SubsidyCaseDto } from '../../contract';
import type { ServiceContext } from '../context';
import { addDays, addMonths, officeDate, today } from '../dates';
import { ConflictError } from '../errors';
import { newRecord } from '../newRecord';
import { subsidyCases } from './grade';
import { formatYuanPlain, subsidyGradeLabels, type SubsidyGrade } from './labels';
import { rulesFor } from './rules';

// The settlement of one period (a month): every eligible case not yet paid, its amount split
// among the mediators who mediated it; and, for cases paid before whose due amount has changed
// since (a grade corrected, a dossier re-opened), an adjustment line. A draft is recomputed until
// it is approved; approval locks it for good (the database refuses any change to a locked
// settlement), so corrections always land in a later period.

const NO_MEDIATOR = '（未指派调解员）';

function periodEnd(period: string): string {
  return addDays(addMonths(`${period}-01`, 1), -1);
}

/** What a case is due now, per mediator (lead first; the remainder of an uneven split goes to the lead). */
async function dueOf(ctx: ServiceContext, c: SubsidyCaseDto, committeeKind: string, oral: boolean) {
  if (!c.eligible || !c.grade) return [];
  const rules = await rulesFor(ctx.repos, Number((c.closedOn ?? today(ctx.clock)).slice(0, 4)));
  let amount = rules.rates[c.grade];
  if (oral) amount = Math.round((amount * rules.oralPercent) / 100);
  if (committeeKind === 'sector') amount = Math.round((amount * rules.sectorPercent) / 100);
  const mediators = ctx.repos.subsidy.mediatorsOf(c.caseId);
  if (mediators.length === 0) return [{ mediatorId: null, name: NO_MEDIATOR, amount }];
  const share = Math.floor(amount / mediators.length);
  return mediators.map((m, i) => ({
    mediatorId: m.mediatorId,
    name: m.name,
    amount: share + (i === 0 ? amount - share * mediators.length : 0),
  }));
}

async function computeLines(
  ctx: ServiceContext,
  period: string,
  settlementId: string,
): Promise<SubsidyLineRow[]> {
  const end = periodEnd(period);
  const cases = await subsidyCases(ctx);
  const facts = new Map(ctx.repos.subsidy.candidates(ctx.scope.principals).map((r) => [r.caseId, r]));
  const paidBefore = ctx.repos.subsidy.paidBefore(period);
  const paidCases = new Set([...paidBefore.keys()].map((k) => k.split('|')[0]!));
  const lines: SubsidyLineRow[] = [];
  const line = (
    c: SubsidyCaseDto,
    kind: SubsidyLineRow['kind'],
    m: { mediatorId: string | null; name: string },
    amount: number,
    note: string | null,
  ) => {
    const f = facts.get(c.caseId)!;
    lines.push({
      ...newRecord(ctx),
      settlementId,
      caseId: c.caseId,
      mediatorId: m.mediatorId,
      mediatorName: m.name,
      committeeId: f.committeeId,
      kind,
      grade: c.grade ?? c.proposed,
      amountFen: amount,
      note,
    });
  };
  for (const c of cases) {
    const f = facts.get(c.caseId)!;
    const due = await dueOf(ctx, c, f.committeeKind, f.agreementKind === 'oral');
    if (!paidCases.has(c.caseId)) {
      const archivedOn = f.archivedAt ? officeDate(new Date(f.archivedAt)) : null;
      if (c.eligible && archivedOn && archivedOn <= end)
        for (const m of due) line(c, 'case', { mediatorId: m.mediatorId, name: m.name }, m.amount, null);
      continue;
    }
    // Paid before: anything that changed since is corrected here, never in the locked period.
    const names = new Set([
      ...due.map((m) => m.name),
      ...[...paidBefore.keys()].filter((k) => k.startsWith(`${c.caseId}|`)).map((k) => k.split('|')[1]!),
    ]);
    for (const name of names) {
      const now = due.find((m) => m.name === name);
      const paid = paidBefore.get(`${c.caseId}|${name}`) ?? 0;
      const diff = (now?.amount ?? 0) - paid;
      if (diff === 0) continue;
      const why = c.eligible
        ? `更正：现定${subsidyGradeLabels[c.grade as SubsidyGrade]}，应得${formatYuanPlain(now?.amount ?? 0)}元，已付${formatYuanPlain(paid)}元`
        : `更正：${c.reasons.join('；')}，已付${formatYuanPlain(paid)}元`;
      line(c, 'adjustment', { mediatorId: now?.mediatorId ?? null, name }, diff, why);
    }
  }
  return lines;
}

export async function settlementView(ctx: ServiceContext, period: string): Promise<SettlementDto> {
  const s = ctx.repos.subsidy.settlement(period);
  const lines = s ? ctx.repos.subsidy.lines(s.id) : [];
  const cases = new Map((await subsidyCases(ctx)).map((c) => [c.caseId, c]));
  const names = new Map((await ctx.repos.catalog.organisations()).map((o) => [o.id, o.name]));
  const byMediator = new Map<
    string,
    { mediatorName: string; committeeName: string; cases: Set<string>; amountFen: number }
  >();
  const byCommittee = new Map<string, { committeeName: string; cases: Set<string>; amountFen: number }>();
  for (const l of lines) {
    const committeeName = names.get(l.committeeId) ?? '';
    const m = byMediator.get(`${l.mediatorName}|${committeeName}`) ?? {
      mediatorName: l.mediatorName,
      committeeName,
      cases: new Set(),
      amountFen: 0,
    };
    m.cases.add(l.caseId);
    m.amountFen += l.amountFen;
    byMediator.set(`${l.mediatorName}|${committeeName}`, m);
    const k = byCommittee.get(committeeName) ?? { committeeName, cases: new Set(), amountFen: 0 };
    k.cases.add(l.caseId);
    k.amountFen += l.amountFen;
    byCommittee.set(committeeName, k);
  }
  const sorted = <T extends { committeeName: string }>(xs: T[]) =>
    xs.sort((a, b) => a.committeeName.localeCompare(b.committeeName, 'zh'));
  return {
    id: s?.id ?? null,
    period,
    state: s?.state ?? 'none',
    approvedByName: s?.approvedByName ?? null,
    approvedAt: s?.approvedAt ?? null,
    lines: lines.map((l) => ({
      caseId: l.caseId,
      caseNumber: cases.get(l.caseId)?.caseNumber ?? '',
      mediatorName: l.mediatorName,
      committeeName: names.get(l.committeeId) ?? '',
      kind: l.kind,
      grade: l.grade as SubsidyGrade,
      amountFen: l.amountFen,
      note: l.note,
    })),
    byMediator: sorted([...byMediator.values()].map((m) => ({ ...m, cases: m.cases.size }))),
    byCommittee: sorted([...byCommittee.values()].map((k) => ({ ...k, cases: k.cases.size }))),
    totalFen: lines.reduce((s, l) => s + l.amountFen, 0),
  };
}

/** Computes (or recomputes) the period's draft. */
export async function runSettlement(ctx: ServiceContext, period: string): Promise<SettlementDto> {
  if (`${period}-01` > today(ctx.clock)) throw new ConflictError('该期尚未开始，不能结算');
  let s = ctx.repos.subsidy.settlement(period);
  if (s?.state === 'locked')
    throw new ConflictError(`${period}的补贴已审批锁定，不能重新计算；更正将计入下一期`);
  const now = ctx.clock.now().toISOString();
  if (!s) {
    s = {
      ...newRecord(ctx, now),
      period,
      state: 'draft',
      totalFen: 0,
      approvedByName: null,
      approvedAt: null,
    };
    ctx.repos.subsidy.insertSettlement(s);
  }
  const lines = await computeLines(ctx, period, s.id);
  const total = lines.reduce((sum, l) => sum + l.amountFen, 0);
  ctx.repos.subsidy.replaceLines(s.id, lines, total, now);
  ctx.audit.detail = `${period}：${lines.length}条，合计${formatYuanPlain(total)}元`;
  return settlementView(ctx, period);
}

export async function approveSettlement(ctx: ServiceContext, period: string): Promise<SettlementDto> {
  const s = ctx.repos.subsidy.settlement(period);
  if (!s) throw new ConflictError('请先计算该期补贴，再审批');
  if (s.state === 'locked') throw new ConflictError(`${period}的补贴已审批锁定`);
  // Approve exactly what would be computed now: a draft left standing may be stale.
  await runSettlement(ctx, period);
  ctx.repos.subsidy.lock(s.id, ctx.actor.displayName, ctx.clock.now().toISOString());
  const view = await settlementView(ctx, period);
  ctx.audit.detail = `${period}：审批锁定，合计${formatYuanPlain(view.totalFen)}元`;
  return view;
}
