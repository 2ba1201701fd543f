import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { call } from '../../api/baseApi';
import { orgBaseApi } from '../organisations/organisationsApi';

// On orgBaseApi: linking an account to a roster entry changes the roster too ('Mediator').
export const usersApi = orgBaseApi.injectEndpoints({
  endpoints: (b) => ({
    listUsers: b.query<ChannelOutput<'users:list'>, void>({
      query: () => call('users:list')({}),
      providesTags: ['User'],
    }),
    createUser: b.mutation<ChannelOutput<'users:create'>, ChannelInput<'users:create'>>({
      query: call('users:create'),
      invalidatesTags: ['User', 'Audit', 'Mediator'],
    }),
    updateUser: b.mutation<ChannelOutput<'users:update'>, ChannelInput<'users:update'>>({
      query: call('users:update'),
      // Organisations decide which cases the account sees.
      invalidatesTags: ['User', 'Audit', 'Mediator', 'Case', 'Workflow', 'Todo'],
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
