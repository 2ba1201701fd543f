import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

export const usersApi = baseApi.injectEndpoints({
  endpoints: (b) => ({
    listUsers: b.query<ChannelOutput<'users:list'>, void>({
      query: () => call('users:list')({}),
      providesTags: ['User'],
    }),
    createUser: b.mutation<ChannelOutput<'users:create'>, ChannelInput<'users:create'>>({
      query: call('users:create'),
      invalidatesTags: ['User', 'Audit'],
    }),
    updateUser: b.mutation<ChannelOutput<'users:update'>, ChannelInput<'users:update'>>({
      query: call('users:update'),
      invalidatesTags: ['User', 'Audit'],
    }),
    disableUser: b.mutation<ChannelOutput<'users:disable'>, ChannelInput<'users:disable'>>({
      query: call('users:disable'),
      invalidatesTags: ['User', 'Audit'],
    }),
    resetPassword: b.mutation<ChannelOutput<'users:resetPassword'>, ChannelInput<'users:resetPassword'>>({
      query: call('users:resetPassword'),
      invalidatesTags: ['User', 'Audit'],
    }),
    unlockUser: b.mutation<ChannelOutput<'users:unlock'>, ChannelInput<'users:unlock'>>({
      query: call('users:unlock'),
      invalidatesTags: ['User', 'Audit'],
    }),
  }),
});

export const {
  useListUsersQuery,
  useCreateUserMutation,
  useUpdateUserMutation,
  useDisableUserMutation,
  useResetPasswordMutation,
  useUnlockUserMutation,
} = usersApi;
