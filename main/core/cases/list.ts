import type { CaseListQuery, Repositories, ScopePrincipals } from '../../../db';
import { checkCreditCode, checkIdNumber, type CaseStatus, type ListCasesInput } from '../../contract';
import type { z } from 'zod';
import type { listCasesInput } from '../../contract';
import { statisticRowids } from '../statistics/dashboard';
import { foundByOwnText, matchedParty } from './matchedParty';
import { queryToMatch } from './searchTerms';
import { namesOf, toListItem } from './view';

// The one search box: a full ID number or credit code is looked up exactly; digits may be a
// phone, the last characters of an ID number or credit code, or a case sequence; anything else
// goes to the full-text index (names, summary words, numbers).

export function searchParts(query: string, today: string): CaseListQuery['text'] | 'nothing' | undefined {
  const q = query.normalize('NFKC').trim();
  if (!q) return undefined;
  const id = checkIdNumber(q, today);
  if (id.ok) return { idNumber: id.value.normalized };
  // An organisation's credit code works like an ID number: the full code, or its last characters.
  const credit = /[A-Z]/i.test(q) ? checkCreditCode(q) : null;
  if (credit && credit.status !== 'invalid') return { creditCode: credit.normalized };
  // A complete case number names one case: look it up alone. Its words ("2026", "号") are in
  // every case of the year, so the full-text part would add unrelated cases (an ID ending 0001).
  const caseNumber = q.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
  if (/^（\d{4}）[^（）]*第\d+号$/.test(caseNumber)) return { caseNumber };
  const parts: NonNullable<CaseListQuery['text']> = {};
  const match = queryToMatch(q);
  // A number typed in groups ("139 9521 7788", "0952-6012345") is also that number written
  // together, as the index holds it.
  const joined = /^\d+(?:[\s-]+\d+)+$/.test(q) ? queryToMatch(q.replace(/[\s-]+/g, '')) : null;
  if (match) parts.match = joined && joined !== match ? `(${match}) OR (${joined})` : match;
  const compact = q.replace(/\s+/g, '').toUpperCase();
  // The tail of an ID number or credit code: 4+ characters a credit code may hold (no I O Z S V).
  if (/^[0-9A-HJ-NP-RTUWXY]{4,18}$/.test(compact)) parts.idTail = compact;
  if (/调字|第.+号|^[（(]\d{4}[)）]/.test(q)) parts.caseNumber = q.replace(/\(/g, '（').replace(/\)/g, '）');
  return Object.keys(parts).length ? parts : 'nothing';
}

/** The case list and search box, over the cases in `scope` only (main/core/scope). */
export async function listCases(
  repos: Repositories,
  scope: ScopePrincipals,
  input: z.output<typeof listCasesInput>,
  today: string,
) {
  const text = input.query ? searchParts(input.query, today) : undefined;
  const empty = { items: [], total: 0, page: input.page, pageSize: input.pageSize };
  if (text === 'nothing') return empty;
  // A 卷号 names its case too: archived cases are found by the number on their file (issue 13).
  if (text?.caseNumber) {
    const dossier = repos.dossiers.byVolumeNumber(text.caseNumber);
    const filed = dossier ? repos.cases.byId(dossier.caseId) : undefined;
    if (filed) text.caseNumber = filed.caseNumber;
  }
  // ── statistics (issue 15) ──
  // The drill-down: the figure's own cases (its rowid query), within the period's receipt dates so
  // the list walks only that range.
  const statistic = input.statistic ? await statisticRowids(repos, scope, input.statistic, today) : undefined;
  const from = maxOf(input.receivedFrom, input.statistic?.from);
  const to = minOf(input.receivedTo, input.statistic?.to);
  const { rows, total } = repos.caseList.page({
    scope,
    ...(input.statuses?.length ? { statuses: input.statuses } : {}),
    ...(input.disputeType ? { disputeType: input.disputeType } : {}),
    ...(input.township ? { township: input.township } : {}),
    ...(input.village ? { village: input.village } : {}),
    ...(input.committeeId ? { committeeId: input.committeeId } : {}),
    ...(input.receivedBy ? { receivedBy: input.receivedBy } : {}),
    ...(from ? { receivedFrom: from } : {}),
    ...(to ? { receivedTo: to } : {}),
    ...(text ? { text } : {}),
    ...(statistic && input.statistic
      ? { statistic: { ...statistic, from: input.statistic.from, to: input.statistic.to } }
      : {}),
    sort: input.sort,
    order: input.order,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const names = namesOf(repos);
  const items = rows.map((r) => toListItem(r, names));
  const query = input.query;
  const byParty = query ? rows.filter((r) => !foundByOwnText(r, query)) : [];
  if (query && byParty.length) {
    // Which party each case was found by: one read for the page's cases a party may explain.
    const listed = repos.cases.partiesOfCases(byParty.map((r) => r.id));
    for (const item of items) {
      const found = matchedParty(
        listed.filter((p) => p.caseId === item.id),
        query,
      );
      if (found) item.matchedParty = found;
    }
  }
  return { items, total, page: input.page, pageSize: input.pageSize };
}

const maxOf = (a?: string, b?: string) => (a && b ? (a > b ? a : b) : (a ?? b));
const minOf = (a?: string, b?: string) => (a && b ? (a < b ? a : b) : (a ?? b));

export type { CaseStatus, ListCasesInput };
