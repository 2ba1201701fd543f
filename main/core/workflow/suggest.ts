import type { CaseRow, MediatorRow, OrganisationRow, Repositories } from '../../../db';
import { employmentLabels } from '../../contract';
import { isActiveOn } from '../cases/catalog';
import { casePartiesOf } from '../cases/view';
import { conflictsOf } from './conflicts';

// Dispatch suggestions: committees ranked by specialty (the sector committee for the dispute
// type), place (the township or village where it arose) and weight (major-risk cases to the
// county center); mediators by specialty, place and current workload. Mediators who must stand
// aside (回避) are shown last, with the reason.

export interface Scored<T> {
  item: T;
  score: number;
  reasons: string[];
}

export function rankCommittees(
  c: CaseRow,
  officialType: string | null,
  orgs: OrganisationRow[],
  typeName: string,
  today: string,
): Scored<OrganisationRow>[] {
  const types = new Set([c.disputeType, ...(officialType ? [officialType] : [])]);
  return orgs
    .filter((o) => isActiveOn(o, today) && o.kind !== 'other')
    .map((o) => {
      const reasons: string[] = [];
      let score = 0;
      const specialties = JSON.parse(o.specialties) as string[];
      if (specialties.some((s) => types.has(s))) {
        score += 50;
        reasons.push(`专业对口：${typeName}`);
      }
      if (o.kind === 'township' && o.township === c.township) {
        score += 30;
        reasons.push(`属地：${c.township}`);
      }
      if (o.kind === 'village' && c.village && o.name.includes(c.village)) {
        score += 40;
        reasons.push(`属地：${c.village}`);
      }
      if (o.kind === 'county_center') {
        score += c.riskLevel === 'major' ? 35 : 5;
        reasons.push(c.riskLevel === 'major' ? '重大纠纷，宜由县调解中心办理' : '县级调解中心');
      }
      return { item: o, score, reasons };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.item.sort - b.item.sort);
}

export function rankMediators(
  repos: Repositories,
  c: CaseRow,
  officialType: string | null,
  orgs: Map<string, OrganisationRow>,
  typeName: string,
): (Scored<MediatorRow> & { conflicts: string[]; openCases: number; committeeIds: string[] })[] {
  const parties = casePartiesOf(repos, c.id);
  const workload = repos.mediators.openCaseCounts();
  const memberships = repos.mediators.memberships();
  const types = new Set([c.disputeType, ...(officialType ? [officialType] : [])]);
  return repos.mediators
    .list(false)
    .filter((m) => m.kind === 'mediator')
    .map((m) => {
      const reasons: string[] = [];
      let score = 0;
      const committeeIds = memberships
        .filter((x) => x.mediatorId === m.id && !x.toOn)
        .map((x) => x.organisationId);
      if ((JSON.parse(m.specialties) as string[]).some((s) => types.has(s))) {
        score += 40;
        reasons.push(`擅长${typeName}纠纷`);
      }
      if (committeeIds.some((id) => orgs.get(id)?.township === c.township)) {
        score += 20;
        reasons.push(`熟悉${c.township}`);
      }
      const openCases = workload.get(m.id) ?? 0;
      score -= openCases * 5;
      reasons.push(`在办${openCases}件`);
      if (m.employment === 'full_time') {
        score += 5;
        reasons.push(employmentLabels.full_time);
      }
      const conflicts = conflictsOf(m, parties);
      return { item: m, score, reasons, conflicts, openCases, committeeIds };
    })
    .sort(
      (a, b) =>
        Number(a.conflicts.length > 0) - Number(b.conflicts.length > 0) ||
        b.score - a.score ||
        a.item.name.localeCompare(b.item.name, 'zh'),
    );
}

export async function suggest(repos: Repositories, caseId: string, today: string) {
  const c = repos.cases.byId(caseId);
  if (!c) return { committees: [], mediators: [] };
  const orgs = await repos.catalog.organisations();
  const type = await repos.catalog.disputeType(c.disputeType);
  const typeName = type?.name ?? c.disputeType;
  const committees = rankCommittees(c, type?.officialCode ?? null, orgs, typeName, today).slice(0, 8);
  const mediators = rankMediators(
    repos,
    c,
    type?.officialCode ?? null,
    new Map(orgs.map((o) => [o.id, o])),
    typeName,
  );
  return {
    committees: committees.map((s) => ({
      id: s.item.id,
      name: s.item.name,
      score: s.score,
      reasons: s.reasons,
    })),
    mediators: mediators.map((s) => ({
      id: s.item.id,
      name: s.item.name,
      employment: employmentLabels[s.item.employment as 'full_time' | 'part_time'],
      score: s.score,
      reasons: s.reasons,
      openCases: s.openCases,
      conflicts: s.conflicts,
      committeeIds: s.committeeIds,
    })),
  };
}
