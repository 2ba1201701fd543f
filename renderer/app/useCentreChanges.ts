import { useEffect, useRef } from 'react';
import { QueryStatus } from '@reduxjs/toolkit/query/react';
import { baseApi, call } from '../api/baseApi';
import { useAppDispatch } from './hooks';
import type { RootState } from './store';

// On the county centre's shared database other desks change what this one shows: a case the
// intake desk registers must appear in the dispatcher's queue without a reload. Every committed
// change appends to the audit chain, so its length is a mark that moves with each; the desk asks
// for it every two seconds (a background call: it does not hold off the idle lock) and, when it
// moved, asks every answer it holds again. A desk on its own file skips all of it.

const POLL_MS = 2000;

/** Answers that are not the data other desks change. */
const NOT_SHARED = new Set(['authStatus', 'deskChanges', 'getDraft']);

const changesApi = baseApi.injectEndpoints({
  endpoints: (b) => ({
    deskChanges: b.query<{ mark: number }, void>({ query: () => call('desk:changes')({}) }),
  }),
});

type Refetchable = Record<string, { initiate(arg: unknown, options: object): unknown }>;

/** Every answer this window holds, asked for again (those on screen update in place). */
const refetchShared =
  () =>
  (dispatch: (action: unknown) => unknown, getState: () => RootState): void => {
    const endpoints = baseApi.endpoints as unknown as Refetchable;
    for (const entry of Object.values(getState().api.queries)) {
      if (!entry || entry.status !== QueryStatus.fulfilled || NOT_SHARED.has(entry.endpointName)) continue;
      const endpoint = endpoints[entry.endpointName];
      if (endpoint) dispatch(endpoint.initiate(entry.originalArgs, { subscribe: false, forceRefetch: true }));
    }
  };

export function useCentreChanges(centre: boolean): void {
  const dispatch = useAppDispatch();
  const { data } = changesApi.useDeskChangesQuery(undefined, {
    skip: !centre,
    pollingInterval: POLL_MS,
    skipPollingIfUnfocused: false,
  });
  const last = useRef<number | null>(null);
  useEffect(() => {
    if (!data) return;
    if (last.current !== null && data.mark !== last.current) dispatch(refetchShared() as never);
    last.current = data.mark;
  }, [data, dispatch]);
}
