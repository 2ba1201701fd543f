import type { z } from 'zod';
import type { Repositories } from '../../../db';
import { formatYuanPlain, subsidyGradeLabels, type subsidyRulesDto, type SubsidyRulesDto } from './labels';
import type { ServiceContext } from '../context';

// 以案定补 rules per year (grades' rates, the oral-agreement and sector-committee shares, the
// dispute types that make a case at least 一般). The default follows the figures known from the
// region (domain.md §5: Pengyang pays 简易 100 元 and 一般 150 元 per case; 疑难 and above are
// paid at a higher rate); the county sets its own each year (系统设置 → 以案定补).

export const RULES_KEY = 'subsidy.rules';

export function defaultRules(year: number): SubsidyRulesDto {
  return {
    year,
    rates: { simple: 10_000, general: 15_000, difficult: 30_000, major: 50_000 },
    oralPercent: 50,
    sectorPercent: 100,
    complexTypes: ['medical', 'land_requisition', 'land_forest', 'labour'],
  };
}

export async function rulesFor(repos: Repositories, year: number): Promise<SubsidyRulesDto> {
  const all = (await repos.settings.get<Record<string, SubsidyRulesDto>>(RULES_KEY)) ?? {};
  return all[String(year)] ?? defaultRules(year);
}

export async function saveRules(
  ctx: ServiceContext,
  input: z.output<typeof subsidyRulesDto>,
): Promise<SubsidyRulesDto> {
  const all = (await ctx.repos.settings.get<Record<string, SubsidyRulesDto>>(RULES_KEY)) ?? {};
  all[String(input.year)] = input;
  await ctx.repos.settings.set(RULES_KEY, all);
  ctx.audit.detail = `${input.year}年：${Object.entries(input.rates)
    .map(([g, fen]) => `${subsidyGradeLabels[g as keyof typeof subsidyGradeLabels]}${formatYuanPlain(fen)}元`)
    .join('、')}；口头协议${input.oralPercent}%；行业性专业性调委会${input.sectorPercent}%`;
  return input;
}
