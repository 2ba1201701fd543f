import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

/** The shared API with this domain's cache tags added (the roster below uses them too). */
export const orgBaseApi = baseApi.enhanceEndpoints({ addTagTypes: ['Organisation', 'Mediator'] });

export const organisationsApi = orgBaseApi.injectEndpoints({
  endpoints: (b) => ({
    getOrgTree: b.query<ChannelOutput<'orgs:tree'>, void>({
      query: () => call('orgs:tree')({}),
      // The tree carries the committees' composition warnings, which follow the roster.
      providesTags: ['Organisation', 'Mediator'],
    }),
    saveOrganisation: b.mutation<ChannelOutput<'orgs:save'>, ChannelInput<'orgs:save'>>({
      query: call('orgs:save'),
      // The intake catalog lists committees, and the roster shows their names.
      invalidatesTags: ['Organisation', 'Catalog', 'Mediator', 'Audit'],
    }),
  }),
});

export const { useGetOrgTreeQuery, useSaveOrganisationMutation } = organisationsApi;
