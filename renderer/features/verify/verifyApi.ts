import type { ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

// 核验 is a lookup, not a change: a lazy query the page triggers with what the clerk entered.

export const verifyApi = baseApi.injectEndpoints({
  endpoints: (b) => ({
    verifyCode: b.query<ChannelOutput<'documents:verify'>, string>({
      query: (code) => call('documents:verify')({ code }),
      keepUnusedDataFor: 0,
    }),
  }),
});

export const { useLazyVerifyCodeQuery } = verifyApi;
