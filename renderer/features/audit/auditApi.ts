import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

export const auditApi = baseApi.injectEndpoints({
  endpoints: (b) => ({
    listAudit: b.query<ChannelOutput<'audit:list'>, ChannelInput<'audit:list'>>({
      query: call('audit:list'),
      providesTags: ['Audit'],
    }),
    verifyAudit: b.mutation<ChannelOutput<'audit:verify'>, void>({ query: () => call('audit:verify')({}) }),
  }),
});

export const { useListAuditQuery, useVerifyAuditMutation } = auditApi;
