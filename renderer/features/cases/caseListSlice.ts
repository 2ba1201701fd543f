import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { CaseStatus, caseSortKeys, StatisticFilter } from '../../../main/contract';
import { sessionEnded } from '../../app/sessionActions';

// The case list's search, filters, sort and page. They live in app state, never in the address:
// a URL with `?q=640221…` would put ID numbers, names and phones into the browser's history and
// session files. Going to a case and back keeps them; signing out or the idle lock clears them.

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
  // ── statistics (issue 15) ──
  /** The drill-down from 统计分析: the cases one figure counted, with how to name it. */
  statistic?: { filter: StatisticFilter; label: string };
  sort: (typeof caseSortKeys)[number];
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const initialCaseListParams: CaseListParams = {
  q: '',
  statuses: [],
  sort: 'receivedOn',
  order: 'desc',
  page: 1,
  pageSize: 50,
};

export const caseListSlice = createSlice({
  name: 'caseList',
  initialState: initialCaseListParams,
  reducers: {
    /** Any change but paging goes back to page 1: the old page number means nothing in a new result. */
    caseListChanged: (state, action: PayloadAction<Partial<CaseListParams>>) => ({
      ...state,
      page: 1,
      ...action.payload,
    }),
  },
  extraReducers: (builder) => builder.addCase(sessionEnded, () => initialCaseListParams),
});

export const { caseListChanged } = caseListSlice.actions;
