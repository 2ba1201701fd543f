import type { Repositories, ScopePrincipals } from '../../../db';
import type { QualityDto } from '../../contract';
import type { Period } from './dashboard';

/** How many problems 数据质量 lists at once: enough to work through, not a dump. */
export const QUALITY_LIMIT = 200;

/** 数据质量: cases of the period whose records contradict each other (the screen links each to its page). */
export function qualityIssues(repos: Repositories, scope: ScopePrincipals, period: Period): QualityDto {
  const items = repos.statistics.qualityIssues({ scope, ...period }, QUALITY_LIMIT + 1);
  return { items: items.slice(0, QUALITY_LIMIT), truncated: items.length > QUALITY_LIMIT };
}
