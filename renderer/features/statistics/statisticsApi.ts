import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

// 统计分析 (issue 15): the figures are always fetched fresh (they follow every case change).

export const statisticsApi = baseApi.injectEndpoints({
  endpoints: (b) => ({
    dashboard: b.query<ChannelOutput<'statistics:dashboard'>, ChannelInput<'statistics:dashboard'>>({
      query: call('statistics:dashboard'),
      providesTags: ['Workflow', 'Case', 'Settings'],
    }),
    quality: b.query<ChannelOutput<'statistics:quality'>, ChannelInput<'statistics:quality'>>({
      query: call('statistics:quality'),
      providesTags: ['Workflow', 'Case'],
    }),
    returnStatus: b.query<ChannelOutput<'statistics:returnStatus'>, ChannelInput<'statistics:returnStatus'>>({
      query: call('statistics:returnStatus'),
      providesTags: ['Workflow', 'Case', 'Settings'],
    }),
    statisticsConfig: b.query<ChannelOutput<'statistics:config'>, void>({
      query: () => call('statistics:config')({}),
      providesTags: ['Settings'],
    }),
    saveStatisticsConfig: b.mutation<
      ChannelOutput<'statistics:saveConfig'>,
      ChannelInput<'statistics:saveConfig'>
    >({
      query: call('statistics:saveConfig'),
      invalidatesTags: ['Settings', 'Audit'],
    }),
    submitReturn: b.mutation<
      ChannelOutput<'statistics:submitReturn'>,
      ChannelInput<'statistics:submitReturn'>
    >({
      query: call('statistics:submitReturn'),
      invalidatesTags: ['Settings', 'Audit'],
    }),
  }),
});

export const {
  useDashboardQuery,
  useQualityQuery,
  useReturnStatusQuery,
  useSubmitReturnMutation,
  useStatisticsConfigQuery,
  useSaveStatisticsConfigMutation,
} = statisticsApi;
