import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

// Every write to a case changes what lists, repeat checks and party suggestions show, so each
// invalidates the whole 'Case' tag; the case page's own entry refreshes with it.

export const casesApi = baseApi.injectEndpoints({
  endpoints: (b) => ({
    listClerks: b.query<ChannelOutput<'cases:clerks'>, void>({
      query: () => call('cases:clerks')({}),
      providesTags: ['User'],
    }),
    listCases: b.query<ChannelOutput<'cases:list'>, ChannelInput<'cases:list'>>({
      query: call('cases:list'),
      providesTags: ['Case'],
    }),
    getCase: b.query<ChannelOutput<'cases:get'>, string>({
      query: (id) => call('cases:get')({ id }),
      providesTags: (_result, _error, id) => [{ type: 'Case', id }],
    }),
    createCase: b.mutation<ChannelOutput<'cases:create'>, ChannelInput<'cases:create'>>({
      query: call('cases:create'),
      invalidatesTags: ['Case', 'Draft', 'Audit'],
    }),
    updateCase: b.mutation<ChannelOutput<'cases:update'>, ChannelInput<'cases:update'>>({
      query: call('cases:update'),
      invalidatesTags: ['Case', 'Audit'],
    }),
    voidCase: b.mutation<ChannelOutput<'cases:void'>, ChannelInput<'cases:void'>>({
      query: call('cases:void'),
      // Void everywhere at once: the workflow panel, its deadlines, the documents and the to-do lists.
      invalidatesTags: ['Case', 'Audit', 'Workflow', 'Todo'],
    }),
    revealIdNumber: b.mutation<ChannelOutput<'cases:revealIdNumber'>, ChannelInput<'cases:revealIdNumber'>>({
      query: call('cases:revealIdNumber'),
      invalidatesTags: ['Audit'],
    }),
    checkRepeats: b.query<ChannelOutput<'cases:checkRepeats'>, ChannelInput<'cases:checkRepeats'>>({
      query: call('cases:checkRepeats'),
      providesTags: ['Case'],
    }),
    searchParties: b.query<ChannelOutput<'parties:search'>, string>({
      query: (query) => call('parties:search')({ query }),
      providesTags: ['Case'],
      keepUnusedDataFor: 30,
    }),
  }),
});

export const {
  useListCasesQuery,
  useListClerksQuery,
  useGetCaseQuery,
  useCreateCaseMutation,
  useUpdateCaseMutation,
  useVoidCaseMutation,
  useRevealIdNumberMutation,
  useCheckRepeatsQuery,
  useSearchPartiesQuery,
} = casesApi;
