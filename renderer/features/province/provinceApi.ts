import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

// 省级报送: the overview (fingerprint, formats, batches) and the marks that move the watermark.
// Validation runs on demand (a button), and the export is a job followed by its events.

const api = baseApi.enhanceEndpoints({ addTagTypes: ['Province'] });

export const provinceApi = api.injectEndpoints({
  endpoints: (b) => ({
    provinceOverview: b.query<ChannelOutput<'province:overview'>, void>({
      query: () => call('province:overview')({}),
      providesTags: ['Province'],
    }),
    provinceValidate: b.mutation<ChannelOutput<'province:validate'>, void>({
      query: () => call('province:validate')({}),
    }),
    provinceAcknowledge: b.mutation<
      ChannelOutput<'province:acknowledge'>,
      ChannelInput<'province:acknowledge'>
    >({
      query: call('province:acknowledge'),
      invalidatesTags: ['Province', 'Audit'],
    }),
    provinceSaveMapping: b.mutation<
      ChannelOutput<'province:saveMapping'>,
      ChannelInput<'province:saveMapping'>
    >({
      query: call('province:saveMapping'),
      invalidatesTags: ['Province', 'Audit'],
    }),
    provinceReceipt: b.mutation<ChannelOutput<'province:receipt'>, ChannelInput<'province:receipt'>>({
      query: call('province:receipt'),
      invalidatesTags: ['Province', 'Audit'],
    }),
  }),
});

export const {
  useProvinceOverviewQuery,
  useProvinceValidateMutation,
  useProvinceAcknowledgeMutation,
  useProvinceReceiptMutation,
  useProvinceSaveMappingMutation,
} = provinceApi;
