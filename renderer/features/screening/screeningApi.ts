import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

// 两排查一分析: rounds, the cadence reminders and the monthly analysis note. A round that
// registers a case changes the case lists and 我的待办 too.

const api = baseApi.enhanceEndpoints({ addTagTypes: ['Screening'] });

export const screeningApi = api.injectEndpoints({
  endpoints: (b) => ({
    rounds: b.query<ChannelOutput<'screening:list'>, ChannelInput<'screening:list'>>({
      query: call('screening:list'),
      providesTags: ['Screening'],
    }),
    screeningDue: b.query<ChannelOutput<'screening:due'>, void>({
      query: () => call('screening:due')({}),
      providesTags: ['Screening'],
    }),
    cadence: b.query<ChannelOutput<'screening:cadence'>, void>({
      query: () => call('screening:cadence')({}),
      providesTags: ['Settings'],
    }),
    saveCadence: b.mutation<ChannelOutput<'screening:saveCadence'>, ChannelInput<'screening:saveCadence'>>({
      query: call('screening:saveCadence'),
      invalidatesTags: ['Settings', 'Screening', 'Audit'],
    }),
    recordRound: b.mutation<ChannelOutput<'screening:record'>, ChannelInput<'screening:record'>>({
      query: call('screening:record'),
      invalidatesTags: ['Screening', 'Case', 'Todo', 'Audit'],
    }),
    analysis: b.query<ChannelOutput<'screening:analysis'>, ChannelInput<'screening:analysis'>>({
      query: call('screening:analysis'),
      providesTags: ['Screening'],
    }),
    saveAnalysis: b.mutation<ChannelOutput<'screening:saveAnalysis'>, ChannelInput<'screening:saveAnalysis'>>(
      {
        query: call('screening:saveAnalysis'),
        invalidatesTags: ['Screening', 'Audit'],
      },
    ),
  }),
});

export const {
  useRoundsQuery,
  useScreeningDueQuery,
  useCadenceQuery,
  useSaveCadenceMutation,
  useRecordRoundMutation,
  useAnalysisQuery,
  useSaveAnalysisMutation,
} = screeningApi;
