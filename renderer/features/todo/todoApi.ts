import dayjs from 'dayjs';
import type { ChannelOutput } from '../../../main/contract';
import { baseApi, call } from '../../api/baseApi';

export const todoApi = baseApi.injectEndpoints({
  endpoints: (b) => ({
    todoMine: b.query<ChannelOutput<'todo:mine'>, void>({
      query: () => call('todo:mine')({}),
      providesTags: ['Todo'],
    }),
    overview: b.query<ChannelOutput<'todo:overview'>, void>({
      query: () => call('todo:overview')({}),
      providesTags: ['Todo'],
    }),
  }),
});

export const { useTodoMineQuery, useOverviewQuery } = todoApi;

/**
 * Today as the office's services see it ('YYYY-MM-DD', Beijing time, from the injectable clock),
 * so date defaults agree with the service's own checks even when this machine's clock differs.
 */
export function useOfficeToday(): string {
  const { data } = useTodoMineQuery(undefined, { refetchOnMountOrArgChange: 60 });
  return data?.today ?? dayjs().format('YYYY-MM-DD');
}
