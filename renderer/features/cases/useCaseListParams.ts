import { useCallback } from 'react';
import type { ListCasesInput } from '../../../main/contract';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { caseListChanged, type CaseListParams } from './caseListSlice';

// The list's search, filters, sort and page, kept in app state (caseListSlice.ts says why not
// in the address).

export type { CaseListParams } from './caseListSlice';

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
  // ── statistics (issue 15) ──
  statistic: undefined,
};

export function useCaseListParams() {
  const params = useAppSelector((state) => state.caseList);
  const dispatch = useAppDispatch();

  const update = useCallback(
    (change: Partial<CaseListParams>) => dispatch(caseListChanged(change)),
    [dispatch],
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
    // ── statistics (issue 15) ──
    ...(params.statistic ? { statistic: params.statistic.filter } : {}),
  };
  return { params, update, input, pageSizes };
}
