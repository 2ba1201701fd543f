import type { CaseListQuery, Repositories } from '../../../db';
import { checkIdNumber, type CaseStatus, type ListCasesInput } from '../../contract';
import type { z } from 'zod';
import type { listCasesInput } from '../../contract';
import { queryToMatch } from './searchTerms';
import { namesOf, toListItem } from './view';

// The one search box: a full ID number is looked up exactly; digits may be a phone, an ID's
// last digits or a case sequence; anything else goes to the full-text index (names, summary
// words, numbers).

export function searchParts(query: string, today: string): CaseListQuery['text'] | 'nothing' | undefined {
  const q = query.normalize('NFKC').trim();
  if (!q) return undefined;
  const id = checkIdNumber(q, today);
  if (id.ok) return { idNumber: id.value.normalized };
  const parts: NonNullable<CaseListQuery['text']> = {};
  const match = queryToMatch(q);
  if (match) parts.match = match;
  const compact = q.replace(/\s+/g, '').toUpperCase();
  if (/^\d{3,17}[\dX]$/.test(compact) && compact.length >= 4) parts.idTail = compact;
  if (/调字|第.+号|^[（(]\d{4}[)）]/.test(q)) parts.caseNumber = q.replace(/\(/g, '（').replace(/\)/g, '）');
  return Object.keys(parts).length ? parts : 'nothing';
}

export async function listCases(repos: Repositories, input: z.output<typeof listCasesInput>, today: string) {
  const text = input.query ? searchParts(input.query, today) : undefined;
  const empty = { items: [], total: 0, page: input.page, pageSize: input.pageSize };
  if (text === 'nothing') return empty;
  const { rows, total } = repos.caseList.page({
    ...(input.statuses?.length ? { statuses: input.statuses } : {}),
    ...(input.disputeType ? { disputeType: input.disputeType } : {}),
    ...(input.township ? { township: input.township } : {}),
    ...(input.village ? { village: input.village } : {}),
    ...(input.committeeId ? { committeeId: input.committeeId } : {}),
    ...(input.receivedBy ? { receivedBy: input.receivedBy } : {}),
    ...(input.receivedFrom ? { receivedFrom: input.receivedFrom } : {}),
    ...(input.receivedTo ? { receivedTo: input.receivedTo } : {}),
    ...(text ? { text } : {}),
    sort: input.sort,
    order: input.order,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const names = await namesOf(repos);
  return { items: rows.map((r) => toListItem(r, names)), total, page: input.page, pageSize: input.pageSize };
}

export type { CaseStatus, ListCasesInput };
