import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

// 卷宗: the dossier of a case, the archive list, reviews and the checklist. PDF bytes never go
// through this cache: they are fetched with invoke() when a preview opens and dropped after.

const api = baseApi.enhanceEndpoints({ addTagTypes: ['Dossier'] });

const changed = (caseId: string) => [
  { type: 'Dossier' as const, id: caseId },
  { type: 'Dossier' as const, id: 'LIST' },
  { type: 'Case' as const, id: caseId },
  'Workflow' as const,
  'Audit' as const,
];

export const dossiersApi = api.injectEndpoints({
  endpoints: (b) => ({
    dossier: b.query<ChannelOutput<'dossiers:get'>, string>({
      query: (caseId) => call('dossiers:get')({ caseId }),
      providesTags: (_r, _e, caseId) => [{ type: 'Dossier', id: caseId }, 'Workflow'],
    }),
    dossierList: b.query<ChannelOutput<'dossiers:list'>, ChannelInput<'dossiers:list'>>({
      query: call('dossiers:list'),
      providesTags: [{ type: 'Dossier', id: 'LIST' }],
    }),
    reviewSummary: b.query<ChannelOutput<'dossiers:reviewSummary'>, ChannelInput<'dossiers:reviewSummary'>>({
      query: call('dossiers:reviewSummary'),
      providesTags: [{ type: 'Dossier', id: 'LIST' }],
    }),
    reviewChecklist: b.query<ChannelOutput<'dossiers:checklist'>, void>({
      query: () => call('dossiers:checklist')({}),
      providesTags: ['Settings'],
    }),
    fileDossier: b.mutation<ChannelOutput<'dossiers:file'>, ChannelInput<'dossiers:file'>>({
      query: call('dossiers:file'),
      invalidatesTags: (_r, _e, input) => changed(input.caseId),
    }),
    updateDossier: b.mutation<ChannelOutput<'dossiers:update'>, ChannelInput<'dossiers:update'>>({
      query: call('dossiers:update'),
      invalidatesTags: (_r, _e, input) => changed(input.caseId),
    }),
    attachPaper: b.mutation<ChannelOutput<'dossiers:attachPaper'>, ChannelInput<'dossiers:attachPaper'>>({
      query: call('dossiers:attachPaper'),
      invalidatesTags: (_r, _e, input) => changed(input.caseId),
    }),
    archiveDossier: b.mutation<ChannelOutput<'dossiers:archive'>, ChannelInput<'dossiers:archive'>>({
      query: call('dossiers:archive'),
      invalidatesTags: (_r, _e, input) => changed(input.caseId),
    }),
    reopenDossier: b.mutation<ChannelOutput<'dossiers:reopen'>, ChannelInput<'dossiers:reopen'>>({
      query: call('dossiers:reopen'),
      invalidatesTags: (_r, _e, input) => changed(input.caseId),
    }),
    reviewDossier: b.mutation<ChannelOutput<'dossiers:review'>, ChannelInput<'dossiers:review'>>({
      query: call('dossiers:review'),
      invalidatesTags: (_r, _e, input) => changed(input.caseId),
    }),
  }),
});

export const {
  useDossierQuery,
  useDossierListQuery,
  useReviewSummaryQuery,
  useReviewChecklistQuery,
  useFileDossierMutation,
  useUpdateDossierMutation,
  useAttachPaperMutation,
  useArchiveDossierMutation,
  useReopenDossierMutation,
  useReviewDossierMutation,
} = dossiersApi;
