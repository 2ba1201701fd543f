import type { ChannelInput, ChannelOutput } from '../../main/contract';
import { baseApi, call } from './baseApi';

type Out<K extends Parameters<typeof call>[0]> = ChannelOutput<K>;
type In<K extends Parameters<typeof call>[0]> = ChannelInput<K>;

export const sessionApi = baseApi.injectEndpoints({
  endpoints: (b) => ({
    authStatus: b.query<Out<'auth:status'>, void>({
      query: () => call('auth:status')({}),
      providesTags: ['Session'],
    }),
    signIn: b.mutation<Out<'auth:signIn'>, In<'auth:signIn'>>({
      query: call('auth:signIn'),
      invalidatesTags: ['Session'],
    }),
    recover: b.mutation<Out<'auth:recover'>, In<'auth:recover'>>({
      query: call('auth:recover'),
      invalidatesTags: ['Session'],
    }),
    signOut: b.mutation<Out<'auth:signOut'>, void>({
      query: () => call('auth:signOut')({}),
    }),
    changePassword: b.mutation<Out<'account:changePassword'>, In<'account:changePassword'>>({
      query: call('account:changePassword'),
    }),
  }),
});

export const {
  useAuthStatusQuery,
  useSignInMutation,
  useRecoverMutation,
  useSignOutMutation,
  useChangePasswordMutation,
} = sessionApi;
