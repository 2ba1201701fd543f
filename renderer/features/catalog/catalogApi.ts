import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

export const catalogApi = baseApi.injectEndpoints({
  endpoints: (b) => ({
    getCatalog: b.query<ChannelOutput<'catalog:get'>, void>({
      query: () => call('catalog:get')({}),
      providesTags: ['Catalog'],
    }),
    saveDisputeType: b.mutation<
      ChannelOutput<'catalog:saveDisputeType'>,
      ChannelInput<'catalog:saveDisputeType'>
    >({
      query: call('catalog:saveDisputeType'),
      invalidatesTags: ['Catalog', 'Audit'],
    }),
    saveVillage: b.mutation<ChannelOutput<'catalog:saveVillage'>, ChannelInput<'catalog:saveVillage'>>({
      query: call('catalog:saveVillage'),
      invalidatesTags: ['Catalog', 'Audit'],
    }),
  }),
});

export const { useGetCatalogQuery, useSaveDisputeTypeMutation, useSaveVillageMutation } = catalogApi;
