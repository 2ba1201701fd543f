import type { ChannelInput, ChannelName, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

// Every workflow step changes the case's status, its deadlines, the work queues and the case's
// history, so each step invalidates all of them (the lists are small; correctness beats cleverness).

const changed = ['Workflow', 'Todo', 'Case', 'Audit'] as const;

type Step<K extends ChannelName> = { output: ChannelOutput<K>; input: ChannelInput<K> };

export const workflowApi = baseApi.injectEndpoints({
  endpoints: (b) => {
    const step = <K extends ChannelName>(channel: K) =>
      b.mutation<Step<K>['output'], Step<K>['input']>({
        query: call(channel),
        invalidatesTags: [...changed],
      });
    return {
      getWorkflow: b.query<ChannelOutput<'workflow:get'>, string>({
        query: (caseId) => call('workflow:get')({ caseId }),
        providesTags: (_r, _e, caseId) => [{ type: 'Workflow', id: caseId }],
      }),
      suggest: b.query<ChannelOutput<'dispatch:suggest'>, string>({
        query: (caseId) => call('dispatch:suggest')({ caseId }),
        providesTags: ['Workflow'],
      }),
      dispatchCase: step('workflow:dispatch'),
      respond: step('workflow:respond'),
      transfer: step('workflow:transfer'),
      escalate: step('workflow:escalate'),
      referOut: step('workflow:referOut'),
      addRecord: step('workflow:addRecord'),
      addAttachment: step('workflow:addAttachment'),
      recordAgreement: step('workflow:recordAgreement'),
      setEffective: step('workflow:setEffective'),
      confirmationRuling: step('workflow:confirmationRuling'),
      beginPerformance: step('workflow:beginPerformance'),
      recordVisit: step('workflow:recordVisit'),
      terminate: step('workflow:terminate'),
      informRoutes: step('workflow:informRoutes'),
      closeCase: step('workflow:close'),
      riskReport: step('workflow:riskReport'),
      extendDeadline: step('workflow:extendDeadline'),
    };
  },
});

export const {
  useGetWorkflowQuery,
  useSuggestQuery,
  useDispatchCaseMutation,
  useRespondMutation,
  useTransferMutation,
  useEscalateMutation,
  useReferOutMutation,
  useAddRecordMutation,
  useAddAttachmentMutation,
  useRecordAgreementMutation,
  useSetEffectiveMutation,
  useConfirmationRulingMutation,
  useBeginPerformanceMutation,
  useRecordVisitMutation,
  useTerminateMutation,
  useInformRoutesMutation,
  useCloseCaseMutation,
  useRiskReportMutation,
  useExtendDeadlineMutation,
} = workflowApi;
