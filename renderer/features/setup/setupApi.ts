import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

export const setupApi = baseApi.injectEndpoints({
  endpoints: (b) => ({
    setupOffices: b.query<ChannelOutput<'setup:offices'>, void>({ query: () => call('setup:offices')({}) }),
    beginSetup: b.mutation<ChannelOutput<'setup:begin'>, void>({ query: () => call('setup:begin')({}) }),
    connectCentre: b.mutation<ChannelOutput<'setup:connectCentre'>, ChannelInput<'setup:connectCentre'>>({
      query: call('setup:connectCentre'),
      invalidatesTags: ['Session'],
    }),
    completeSetup: b.mutation<ChannelOutput<'setup:complete'>, ChannelInput<'setup:complete'>>({
      query: call('setup:complete'),
      invalidatesTags: ['Session'],
    }),
  }),
});

export const {
  useSetupOfficesQuery,
  useBeginSetupMutation,
  useConnectCentreMutation,
  useCompleteSetupMutation,
} = setupApi;
