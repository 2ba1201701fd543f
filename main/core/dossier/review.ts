import type { z } from 'zod';
import type { Repositories } from '../../../db';
import type { DossierDto, ReviewChecklistDto, reviewDossierInput } from '../../contract';
import { recordHistory } from '../cases/history';
import type { ServiceContext } from '../context';
import { today } from '../dates';
import { ConflictError, ValidationError } from '../errors';
import { newRecord } from '../newRecord';

// 案卷评查: the county scores each dossier against a checklist it configures (default: the seven
// dimensions reported by county reviews, shared/reporting.md §4, with points summing to 100), the
// total gives the grade (优秀 / 合格 / 不合格 by default), and reviewer, date and comments are
// kept. The grade is what the subsidy calculation (以案定补) will read.

export const CHECKLIST_KEY = 'dossier.reviewChecklist';

export const DEFAULT_CHECKLIST: ReviewChecklistDto = {
  items: [
    { key: 'intake', label: '受理', max: 15 },
    { key: 'investigation', label: '调查', max: 15 },
    { key: 'process', label: '调解过程', max: 15 },
    { key: 'agreement', label: '协议', max: 20 },
    { key: 'visit', label: '回访', max: 10 },
    { key: 'forms', label: '文书规范', max: 15 },
    { key: 'binding', label: '装订归档', max: 10 },
  ],
  grades: [
    { grade: '优秀', min: 90 },
    { grade: '合格', min: 60 },
    { grade: '不合格', min: 0 },
  ],
};

export async function reviewChecklist(repos: Repositories): Promise<ReviewChecklistDto> {
  return (await repos.settings.get<ReviewChecklistDto>(CHECKLIST_KEY)) ?? DEFAULT_CHECKLIST;
}

export async function saveChecklist(
  ctx: ServiceContext,
  input: ReviewChecklistDto,
): Promise<ReviewChecklistDto> {
  const keys = new Set(input.items.map((i) => i.key));
  if (keys.size !== input.items.length)
    throw ValidationError.field(['items'], '评查项目', '评查项目的代码不能重复');
  const grades = [...input.grades].sort((a, b) => b.min - a.min);
  if (grades.at(-1)!.min !== 0)
    throw ValidationError.field(['grades'], '等次', '最低一档的起点分数须为0，使每个总分都有等次');
  const checklist = { items: input.items, grades };
  await ctx.repos.settings.set(CHECKLIST_KEY, checklist);
  ctx.audit.detail = `评查项目：${input.items.map((i) => `${i.label}${i.max}分`).join('、')}；等次：${grades.map((g) => `${g.grade}≥${g.min}`).join('、')}`;
  return checklist;
}

export function gradeOf(checklist: ReviewChecklistDto, total: number): string {
  const sorted = [...checklist.grades].sort((a, b) => b.min - a.min);
  return (sorted.find((g) => total >= g.min) ?? sorted.at(-1)!).grade;
}

export async function reviewDtos(repos: Repositories, dossierId: string): Promise<DossierDto['reviews']> {
  const checklist = await reviewChecklist(repos);
  const labels = new Map(checklist.items.map((i) => [i.key, i]));
  return repos.dossiers.reviews(dossierId).map((r) => {
    const scores = JSON.parse(r.scores) as Record<string, { points: number; max: number; label: string }>;
    return {
      id: r.id,
      reviewerName: r.reviewerName,
      reviewedOn: r.reviewedOn,
      scores: Object.entries(scores).map(([key, s]) => ({
        key,
        label: s.label ?? labels.get(key)?.label ?? key,
        points: s.points,
        max: s.max,
      })),
      total: r.total,
      grade: r.grade,
      comments: r.comments,
    };
  });
}

/** Records one review; the scores are checked against the checklist in force. */
export async function reviewDossier(
  ctx: ServiceContext,
  input: z.output<typeof reviewDossierInput>,
): Promise<void> {
  ctx.audit.target = input.caseId;
  const row = ctx.repos.dossiers.byCase(input.caseId);
  if (!row) throw new ConflictError('本案尚未立卷，不能评查');
  if (input.reviewedOn > today(ctx.clock))
    throw ValidationError.field(['reviewedOn'], '评查日期', '不能晚于今天');
  const checklist = await reviewChecklist(ctx.repos);
  const scores: Record<string, { points: number; max: number; label: string }> = {};
  let total = 0;
  for (const item of checklist.items) {
    const points = input.scores[item.key];
    if (points === undefined) throw ValidationError.field(['scores', item.key], item.label, '请打分');
    if (points > item.max)
      throw ValidationError.field(['scores', item.key], item.label, `不能超过${item.max}分`);
    scores[item.key] = { points, max: item.max, label: item.label };
    total += points;
  }
  const unknown = Object.keys(input.scores).find((k) => !checklist.items.some((i) => i.key === k));
  if (unknown) throw ValidationError.field(['scores', unknown], '评分', `评查表中没有“${unknown}”这一项`);
  const grade = gradeOf(checklist, total);
  const now = ctx.clock.now().toISOString();
  ctx.repos.dossiers.insertReview({
    ...newRecord(ctx, now),
    dossierId: row.id,
    caseId: input.caseId,
    committeeId: row.committeeId,
    reviewerId: ctx.actor.userId,
    reviewerName: ctx.actor.displayName,
    reviewedOn: input.reviewedOn,
    scores: JSON.stringify(scores),
    total,
    grade,
    comments: input.comments ?? null,
  });
  recordHistory(ctx, input.caseId, '案卷评查', [], `${total}分，${grade}`);
  ctx.audit.detail = `${row.volumeNumber}：评查${total}分，${grade}`;
}
