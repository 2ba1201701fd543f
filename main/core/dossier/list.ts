import type { z } from 'zod';
import type { Repositories, ScopePrincipals } from '../../../db';
import type { listDossiersInput } from '../../contract';
import { queryToMatch } from '../cases/searchTerms';
import { namesOf } from '../cases/view';

// The archive's own list: dossiers by committee, year, state and review, found by part of a 卷号,
// 案号 or party name; and per committee how many files were filed, archived and reviewed.

export async function listDossiers(
  repos: Repositories,
  scope: ScopePrincipals,
  input: z.output<typeof listDossiersInput>,
) {
  const { rows, total } = repos.dossiers.list({
    scope,
    ...(input.committeeId ? { committeeId: input.committeeId } : {}),
    ...(input.year ? { year: input.year } : {}),
    ...(input.state ? { state: input.state } : {}),
    ...(input.reviewed !== undefined ? { reviewed: input.reviewed } : {}),
    ...(input.query ? { text: dossierText(input.query) } : {}),
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const names = namesOf(repos);
  return {
    items: rows.map((r) => ({
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      partyNames: r.partyNames,
      committeeId: r.committeeId,
      committeeName: names.committees.get(r.committeeId) ?? '',
      volumeNumber: r.volumeNumber,
      title: r.title,
      filedOn: r.filedOn,
      filedByName: r.filedByName,
      retention: r.retention,
      state: r.state as 'open' | 'archived',
      revision: r.revision,
      grade: r.grade,
      total: r.total,
      reviewedOn: r.reviewedOn,
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function reviewSummary(repos: Repositories, scope: ScopePrincipals, year: number | undefined) {
  const names = namesOf(repos);
  return repos.dossiers.reviewSummary(year, scope).map((r) => ({
    committeeId: r.committeeId,
    committeeName: names.committees.get(r.committeeId) ?? '',
    filed: Number(r.filed),
    archived: Number(r.archived),
    reviewed: Number(r.reviewed),
  }));
}

/** What the archive list's search box holds, for the dossiers' query: as typed, and as index words. */
export function dossierText(query: string): { text: string; match: string | null } {
  const text = query.normalize('NFKC').replace(/\(/g, '（').replace(/\)/g, '）');
  return { text, match: queryToMatch(text) };
}
