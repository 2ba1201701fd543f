import { createApi, type BaseQueryFn } from '@reduxjs/toolkit/query/react';
import type { ApiError, ChannelInput, ChannelName } from '../../main/contract';

export interface ChannelCall {
  channel: ChannelName;
  input: unknown;
}

/** RTK Query over window.api: every endpoint is a contract channel. */
const deskBaseQuery: BaseQueryFn<ChannelCall, unknown, ApiError> = async ({ channel, input }) => {
  const result = await window.api.invoke(channel, input as never);
  return result.ok ? { data: result.value } : { error: result.error };
};

export const baseApi = createApi({
  reducerPath: 'api',
  baseQuery: deskBaseQuery,
  tagTypes: [
    'Session',
    'User',
    'Settings',
    'Audit',
    'Case',
    'Catalog',
    'Refusal',
    'Draft',
    'Workflow',
    'Todo',
    // backup (issue 12)
    'Backup',
  ],
  endpoints: () => ({}),
});

/** `query: call('users:list')` — the channel name is checked against the contract. */
export function call<K extends ChannelName>(channel: K) {
  return (input: ChannelInput<K>): ChannelCall => ({ channel, input });
}
