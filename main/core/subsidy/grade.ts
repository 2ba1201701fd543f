import type { z } from 'zod';
import type { SubsidyCandidateRow } from '../../../db';
import type { setGradeInput, SubsidyCaseDto } from '../../contract';
import type { ServiceContext } from '../context';
import { today } from '../dates';
import { reviewChecklist } from '../dossier/review';
import { ConflictError, ValidationError } from '../errors';
import { newRecord } from '../newRecord';
import { formatYuanPlain, subsidyGradeLabels, type SubsidyGrade, type SubsidyRulesDto } from './labels';
import { rulesFor } from './rules';

// The grade a case is proposed (from its parties, amount, type, escalation and sessions) and the
// grade the county reviewer sets; whether it may be paid, and if not, why.

const YUAN = 100;

/** The proposed grade and the facts it was read from. */
export function proposeGrade(
  c: SubsidyCandidateRow,
  rules: SubsidyRulesDto,
): { grade: SubsidyGrade; basis: string } {
  const amount = c.amountFen ?? 0;
  const flags = JSON.parse(c.riskFlags) as string[];
  const facts = [
    `当事人${c.parties}人`,
    ...(amount > 0 ? [`涉及金额${formatYuanPlain(amount)}元`] : []),
    `调解${c.sessions}次`,
    ...(c.escalations > 0 ? ['经逐级上报'] : []),
    ...(flags.includes('mass') ? ['群体性'] : []),
    ...(flags.includes('criminal') ? ['可能民转刑'] : []),
    ...(rules.complexTypes.includes(c.disputeType) ? ['纠纷类型较复杂'] : []),
  ];
  const grade: SubsidyGrade =
    amount >= 500_000 * YUAN || c.parties >= 10 || flags.includes('mass') || flags.includes('criminal')
      ? 'major'
      : amount >= 100_000 * YUAN || c.parties >= 5 || c.escalations > 0 || c.sessions >= 3
        ? 'difficult'
        : amount >= 10_000 * YUAN ||
            c.parties >= 3 ||
            c.sessions >= 2 ||
            rules.complexTypes.includes(c.disputeType)
          ? 'general'
          : 'simple';
  return { grade, basis: facts.join('、') };
}

/** Why a case may not be paid ([] = eligible): its dossier must be archived and pass review. */
export function ineligibility(
  c: SubsidyCandidateRow,
  failingGrades: ReadonlySet<string>,
  graded: boolean,
): string[] {
  const reasons: string[] = [];
  if (!c.dossierState) reasons.push('尚未立卷');
  else if (c.dossierState !== 'archived') reasons.push('卷宗尚未归档');
  if (c.dossierState && c.reviewGrade === null) reasons.push('卷宗尚未评查');
  else if (c.reviewGrade !== null && failingGrades.has(c.reviewGrade))
    reasons.push(`案卷评查${c.reviewGrade}（${c.reviewTotal ?? 0}分）`);
  if (!graded) reasons.push('案件等级待县级审核确认');
  return reasons;
}

export async function failingGrades(ctx: ServiceContext): Promise<Set<string>> {
  const checklist = await reviewChecklist(ctx.repos);
  const lowest = [...checklist.grades].sort((a, b) => a.min - b.min)[0];
  return new Set(lowest ? [lowest.grade] : []);
}

export async function subsidyCases(
  ctx: ServiceContext,
  caseIds?: readonly string[],
): Promise<SubsidyCaseDto[]> {
  const rows = ctx.repos.subsidy.candidates(ctx.scope.principals, caseIds);
  const grades = ctx.repos.subsidy.grades();
  const failing = await failingGrades(ctx);
  const paid = ctx.repos.subsidy.paidCases();
  const names = new Map((await ctx.repos.catalog.organisations()).map((o) => [o.id, o.name]));
  const rulesByYear = new Map<number, SubsidyRulesDto>();
  const out: SubsidyCaseDto[] = [];
  for (const c of rows) {
    const year = Number((c.closedOn ?? today(ctx.clock)).slice(0, 4));
    if (!rulesByYear.has(year)) rulesByYear.set(year, await rulesFor(ctx.repos, year));
    const proposal = proposeGrade(c, rulesByYear.get(year)!);
    const set = grades.get(c.caseId);
    const reasons = ineligibility(c, failing, set !== undefined);
    out.push({
      caseId: c.caseId,
      caseNumber: c.caseNumber,
      partyNames: c.partyNames,
      committeeName: names.get(c.committeeId) ?? '',
      closedOn: c.closedOn,
      proposed: proposal.grade,
      basis: proposal.basis,
      grade: (set?.grade as SubsidyGrade | undefined) ?? null,
      gradeReason: set?.reason ?? null,
      gradeSetBy: set?.setByName ?? null,
      eligible: reasons.length === 0,
      reasons,
      paid: paid.has(c.caseId),
    });
  }
  return out;
}

/** The county reviewer sets or confirms a case's grade; a grade other than the proposal needs a reason. */
export async function setGrade(
  ctx: ServiceContext,
  input: z.output<typeof setGradeInput>,
): Promise<SubsidyCaseDto> {
  const [c] = await subsidyCases(ctx, [input.caseId]);
  if (!c) throw new ConflictError('该案件尚未结案，不能定级');
  if (input.grade !== c.proposed && !input.reason)
    throw ValidationError.field(
      ['reason'],
      '调整理由',
      `系统建议定为${subsidyGradeLabels[c.proposed]}（${c.basis}），改为${subsidyGradeLabels[input.grade]}请写明理由`,
    );
  ctx.repos.subsidy.saveGrade({
    ...newRecord(ctx),
    caseId: c.caseId,
    proposed: c.proposed,
    grade: input.grade,
    reason: input.reason ?? null,
    setByName: ctx.actor.displayName,
    setOn: today(ctx.clock),
  });
  ctx.audit.target = c.caseId;
  ctx.audit.detail = `${c.caseNumber}：${input.grade === c.proposed ? '确认' : '调整为'}${subsidyGradeLabels[input.grade]}${
    input.reason ? `（${input.reason}）` : ''
  }`;
  return (await subsidyCases(ctx, [input.caseId]))[0]!;
}
