import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

export const settingsApi = baseApi.injectEndpoints({
  endpoints: (b) => ({
    getSettings: b.query<ChannelOutput<'settings:get'>, void>({
      query: () => call('settings:get')({}),
      providesTags: ['Settings'],
    }),
    updateSettings: b.mutation<ChannelOutput<'settings:update'>, ChannelInput<'settings:update'>>({
      query: call('settings:update'),
      invalidatesTags: ['Settings', 'Session', 'Audit'],
    }),
  }),
});

export const { useGetSettingsQuery, useUpdateSettingsMutation } = settingsApi;
