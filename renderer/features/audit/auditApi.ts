import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

export const auditApi = baseApi.injectEndpoints({
  endpoints: (b) => ({
    listAudit: b.query<ChannelOutput<'audit:list'>, ChannelInput<'audit:list'>>({
      query: call('audit:list'),
      providesTags: ['Audit'],
    }),
    verifyAudit: b.mutation<ChannelOutput<'audit:verify'>, void>({ query: () => call('audit:verify')({}) }),
    auditAlarms: b.query<ChannelOutput<'audit:alarms'>, void>({
      query: () => call('audit:alarms')({}),
      providesTags: ['Audit'],
    }),
    acknowledgeAlarms: b.mutation<ChannelOutput<'audit:acknowledge'>, ChannelInput<'audit:acknowledge'>>({
      query: call('audit:acknowledge'),
      invalidatesTags: ['Audit'],
    }),
  }),
});

export const {
  useListAuditQuery,
  useVerifyAuditMutation,
  useAuditAlarmsQuery,
  useAcknowledgeAlarmsMutation,
} = auditApi;
