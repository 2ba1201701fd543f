import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

// 以案定补: the cases with their grades and eligibility, and the settlement of each period.

const api = baseApi.enhanceEndpoints({ addTagTypes: ['Subsidy'] });

export const subsidyApi = api.injectEndpoints({
  endpoints: (b) => ({
    subsidyCases: b.query<ChannelOutput<'subsidy:cases'>, void>({
      query: () => call('subsidy:cases')({}),
      providesTags: ['Subsidy'],
    }),
    setGrade: b.mutation<ChannelOutput<'subsidy:setGrade'>, ChannelInput<'subsidy:setGrade'>>({
      query: call('subsidy:setGrade'),
      invalidatesTags: ['Subsidy', 'Audit'],
    }),
    settlement: b.query<ChannelOutput<'subsidy:settlement'>, ChannelInput<'subsidy:settlement'>>({
      query: call('subsidy:settlement'),
      providesTags: ['Subsidy'],
    }),
    runSettlement: b.mutation<ChannelOutput<'subsidy:run'>, ChannelInput<'subsidy:run'>>({
      query: call('subsidy:run'),
      invalidatesTags: ['Subsidy', 'Audit'],
    }),
    approveSettlement: b.mutation<ChannelOutput<'subsidy:approve'>, ChannelInput<'subsidy:approve'>>({
      query: call('subsidy:approve'),
      invalidatesTags: ['Subsidy', 'Audit'],
    }),
  }),
});

export const {
  useSubsidyCasesQuery,
  useSetGradeMutation,
  useSettlementQuery,
  useRunSettlementMutation,
  useApproveSettlementMutation,
} = subsidyApi;
