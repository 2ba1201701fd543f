import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

// The 文书 panel's data. File bytes never go through this cache (they are fetched with
// invoke() when a preview opens or a copy is exported, and dropped when done); only lists are
// cached here. Workflow steps invalidate 'Workflow', which also refreshes what is available.

const api = baseApi.enhanceEndpoints({ addTagTypes: ['Document'] });

export const documentsApi = api.injectEndpoints({
  endpoints: (b) => ({
    documentPlatform: b.query<ChannelOutput<'documents:platform'>, void>({
      query: () => call('documents:platform')({}),
    }),
    caseDocuments: b.query<ChannelOutput<'documents:list'>, string>({
      query: (caseId) => call('documents:list')({ caseId }),
      providesTags: (_r, _e, caseId) => [
        { type: 'Document', id: caseId },
        'Workflow',
        { type: 'Case', id: caseId },
      ],
    }),
    documentVersions: b.query<ChannelOutput<'documents:versions'>, ChannelInput<'documents:versions'>>({
      query: call('documents:versions'),
      providesTags: (_r, _e, input) => [{ type: 'Document', id: input.caseId }],
    }),
    generateDocument: b.mutation<ChannelOutput<'documents:generate'>, ChannelInput<'documents:generate'>>({
      query: call('documents:generate'),
      invalidatesTags: (_r, _e, input) => [
        { type: 'Document', id: input.caseId },
        { type: 'Case', id: input.caseId },
        'Audit',
      ],
    }),
    attachScan: b.mutation<
      ChannelOutput<'documents:attachScan'>,
      ChannelInput<'documents:attachScan'> & { caseId: string }
    >({
      query: ({ caseId: _caseId, ...input }) => call('documents:attachScan')(input),
      invalidatesTags: (_r, _e, input) => [
        { type: 'Document', id: input.caseId },
        { type: 'Case', id: input.caseId },
        'Audit',
      ],
    }),
  }),
});

export const {
  useDocumentPlatformQuery,
  useCaseDocumentsQuery,
  useDocumentVersionsQuery,
  useGenerateDocumentMutation,
  useAttachScanMutation,
} = documentsApi;
