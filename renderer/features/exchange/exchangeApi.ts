import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

// 数据交换: trusted offices, packages, history and conflicts. Everything the screens change
// refreshes the overview (its counters) and the audit log.

const api = baseApi.enhanceEndpoints({ addTagTypes: ['Exchange'] });

export const exchangeApi = api.injectEndpoints({
  endpoints: (b) => ({
    exchangeOverview: b.query<ChannelOutput<'exchange:overview'>, void>({
      query: () => call('exchange:overview')({}),
      providesTags: ['Exchange'],
    }),
    exchangeKeyCard: b.mutation<ChannelOutput<'exchange:keyCard'>, void>({
      query: () => call('exchange:keyCard')({}),
      invalidatesTags: ['Audit'],
    }),
    previewKeyCard: b.mutation<
      ChannelOutput<'exchange:previewKeyCard'>,
      ChannelInput<'exchange:previewKeyCard'>
    >({
      query: call('exchange:previewKeyCard'),
    }),
    trustOffice: b.mutation<ChannelOutput<'exchange:trust'>, ChannelInput<'exchange:trust'>>({
      query: call('exchange:trust'),
      invalidatesTags: ['Exchange', 'Audit'],
    }),
    revokeOffice: b.mutation<ChannelOutput<'exchange:revoke'>, ChannelInput<'exchange:revoke'>>({
      query: call('exchange:revoke'),
      invalidatesTags: ['Exchange', 'Audit'],
    }),
    packagePlan: b.query<ChannelOutput<'exchange:plan'>, ChannelInput<'exchange:plan'>>({
      query: call('exchange:plan'),
      providesTags: ['Exchange'],
    }),
    generatePackage: b.mutation<ChannelOutput<'exchange:generate'>, ChannelInput<'exchange:generate'>>({
      query: call('exchange:generate'),
      invalidatesTags: ['Exchange', 'Audit'],
    }),
    previewPackage: b.mutation<ChannelOutput<'exchange:preview'>, ChannelInput<'exchange:preview'>>({
      query: call('exchange:preview'),
    }),
    importPackage: b.mutation<ChannelOutput<'exchange:import'>, ChannelInput<'exchange:import'>>({
      query: call('exchange:import'),
      invalidatesTags: ['Exchange', 'Audit', 'Catalog'],
    }),
    exchangeHistory: b.query<ChannelOutput<'exchange:history'>, void>({
      query: () => call('exchange:history')({}),
      providesTags: ['Exchange'],
    }),
    exchangeConflicts: b.query<ChannelOutput<'exchange:conflicts'>, void>({
      query: () => call('exchange:conflicts')({}),
      providesTags: ['Exchange'],
    }),
    resolveConflict: b.mutation<
      ChannelOutput<'exchange:resolveConflict'>,
      ChannelInput<'exchange:resolveConflict'>
    >({
      query: call('exchange:resolveConflict'),
      invalidatesTags: ['Exchange', 'Audit', 'Catalog'],
    }),
  }),
});

export const {
  useExchangeOverviewQuery,
  useExchangeKeyCardMutation,
  usePreviewKeyCardMutation,
  useTrustOfficeMutation,
  useRevokeOfficeMutation,
  usePackagePlanQuery,
  useGeneratePackageMutation,
  usePreviewPackageMutation,
  useImportPackageMutation,
  useExchangeHistoryQuery,
  useExchangeConflictsQuery,
  useResolveConflictMutation,
} = exchangeApi;
