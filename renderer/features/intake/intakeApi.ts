import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

const intakeDraft = { form: 'intake' } as const;

export const intakeApi = baseApi.injectEndpoints({
  endpoints: (b) => ({
    getDraft: b.query<ChannelOutput<'drafts:get'>, void>({
      query: () => call('drafts:get')(intakeDraft),
      providesTags: ['Draft'],
    }),
    // Autosave invalidates nothing: the form already holds what was saved.
    saveDraft: b.mutation<ChannelOutput<'drafts:save'>, string>({
      query: (data) => call('drafts:save')({ ...intakeDraft, data }),
    }),
    clearDraft: b.mutation<ChannelOutput<'drafts:clear'>, void>({
      query: () => call('drafts:clear')(intakeDraft),
      invalidatesTags: ['Draft'],
    }),
    recordRefusal: b.mutation<ChannelOutput<'intake:refuse'>, ChannelInput<'intake:refuse'>>({
      query: call('intake:refuse'),
      invalidatesTags: ['Refusal', 'Audit'],
    }),
    // The file itself is never cached: it is shown, printed or downloaded, then dropped.
    refusalNotice: b.mutation<ChannelOutput<'intake:refusalNotice'>, ChannelInput<'intake:refusalNotice'>>({
      query: call('intake:refusalNotice'),
      invalidatesTags: ['Audit'],
    }),
    listRefusals: b.query<ChannelOutput<'intake:listRefusals'>, ChannelInput<'intake:listRefusals'>>({
      query: call('intake:listRefusals'),
      providesTags: ['Refusal'],
    }),
  }),
});

export const {
  useLazyGetDraftQuery,
  useSaveDraftMutation,
  useClearDraftMutation,
  useRecordRefusalMutation,
  useRefusalNoticeMutation,
  useListRefusalsQuery,
} = intakeApi;
