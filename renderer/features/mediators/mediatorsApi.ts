import type { ChannelInput, ChannelOutput } from '../../../main/contract';
import { call } from '../../api/baseApi';
import { orgBaseApi } from '../organisations/organisationsApi';

export const mediatorsApi = orgBaseApi.injectEndpoints({
  endpoints: (b) => ({
    listMediators: b.query<ChannelOutput<'mediators:list'>, ChannelInput<'mediators:list'>>({
      query: call('mediators:list'),
      providesTags: ['Mediator'],
    }),
    saveMediator: b.mutation<ChannelOutput<'mediators:save'>, ChannelInput<'mediators:save'>>({
      query: call('mediators:save'),
      invalidatesTags: ['Mediator', 'Audit'],
    }),
    addTraining: b.mutation<ChannelOutput<'mediators:addTraining'>, ChannelInput<'mediators:addTraining'>>({
      query: call('mediators:addTraining'),
      invalidatesTags: ['Mediator', 'Audit'],
    }),
    revealMediatorIdNumber: b.mutation<
      ChannelOutput<'mediators:revealIdNumber'>,
      ChannelInput<'mediators:revealIdNumber'>
    >({
      query: call('mediators:revealIdNumber'),
      invalidatesTags: ['Audit'],
    }),
  }),
});

export const {
  useListMediatorsQuery,
  useSaveMediatorMutation,
  useAddTrainingMutation,
  useRevealMediatorIdNumberMutation,
} = mediatorsApi;
