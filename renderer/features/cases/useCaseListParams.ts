import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { caseSortKeys, caseStatuses, type CaseStatus, type ListCasesInput } from '../../../main/contract';

// The list's search, filters, sort and page live in the address (#/cases?q=…), so going to a case
// and back — or reloading — shows the same list.

export interface CaseListParams {
  q: string;
  statuses: CaseStatus[];
  disputeType?: string;
  township?: string;
  village?: string;
  committeeId?: string;
  from?: string;
  to?: string;
  /** 登记人: a clerk's user id. */
  clerk?: string;
  sort: (typeof caseSortKeys)[number];
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const pageSizes = [20, 50, 100, 200];

export const noFilters: Partial<CaseListParams> = {
  q: '',
  statuses: [],
  disputeType: undefined,
  township: undefined,
  village: undefined,
  committeeId: undefined,
  from: undefined,
  to: undefined,
  clerk: undefined,
};

function read(sp: URLSearchParams): CaseListParams {
  const get = (k: string) => sp.get(k) || undefined;
  const sort = sp.get('sort');
  const size = Number(sp.get('size'));
  return {
    q: sp.get('q') ?? '',
    statuses: (sp.get('status') ?? '')
      .split(',')
      .filter((s): s is CaseStatus => caseStatuses.includes(s as CaseStatus)),
    disputeType: get('type'),
    township: get('township'),
    village: get('village'),
    committeeId: get('committee'),
    from: get('from'),
    to: get('to'),
    clerk: get('clerk'),
    sort: caseSortKeys.includes(sort as CaseListParams['sort'])
      ? (sort as CaseListParams['sort'])
      : 'receivedOn',
    order: sp.get('order') === 'asc' ? 'asc' : 'desc',
    page: Math.max(1, Number(sp.get('page')) || 1),
    pageSize: pageSizes.includes(size) ? size : 50,
  };
}

function write(p: CaseListParams): URLSearchParams {
  const entries: [string, string | undefined][] = [
    ['q', p.q.trim() || undefined],
    ['status', p.statuses.join(',') || undefined],
    ['type', p.disputeType],
    ['township', p.township],
    ['village', p.village],
    ['committee', p.committeeId],
    ['from', p.from],
    ['to', p.to],
    ['clerk', p.clerk],
    ['sort', p.sort === 'receivedOn' ? undefined : p.sort],
    ['order', p.order === 'desc' ? undefined : p.order],
    ['page', p.page > 1 ? String(p.page) : undefined],
    ['size', p.pageSize === 50 ? undefined : String(p.pageSize)],
  ];
  return new URLSearchParams(entries.filter((e): e is [string, string] => Boolean(e[1])));
}

export function useCaseListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => read(searchParams), [searchParams]);

  /** Any change but paging goes back to page 1: the old page number means nothing in a new result. */
  const update = useCallback(
    (change: Partial<CaseListParams>) =>
      setSearchParams((current) => write({ ...read(current), page: 1, ...change }), { replace: true }),
    [setSearchParams],
  );

  const input: ListCasesInput = {
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    order: params.order,
    ...(params.q.trim() ? { query: params.q.trim() } : {}),
    ...(params.statuses.length ? { statuses: params.statuses } : {}),
    ...(params.disputeType ? { disputeType: params.disputeType } : {}),
    ...(params.township ? { township: params.township } : {}),
    ...(params.village ? { village: params.village } : {}),
    ...(params.committeeId ? { committeeId: params.committeeId } : {}),
    ...(params.from ? { receivedFrom: params.from } : {}),
    ...(params.to ? { receivedTo: params.to } : {}),
    ...(params.clerk ? { receivedBy: params.clerk } : {}),
  };
  return { params, update, input, pageSizes };
}
