import { configureStore, isRejectedWithValue, type Middleware } from '@reduxjs/toolkit';
import type { ApiError } from '../../main/contract';
import { baseApi } from '../api/baseApi';
import { caseListSlice } from '../features/cases/caseListSlice';
import { sessionEnded } from './sessionActions';

/**
 * When any call answers UNAUTHENTICATED the session was locked underneath us (idle lock):
 * drop every cached answer and everything typed into searches (they may hold personal data)
 * and ask for the session state again.
 */
const lockOnUnauthenticated: Middleware = (api) => (next) => (action) => {
  if (isRejectedWithValue(action) && (action.payload as ApiError | undefined)?.code === 'UNAUTHENTICATED') {
    api.dispatch(baseApi.util.resetApiState());
    api.dispatch(sessionEnded());
  }
  return next(action);
};

export const store = configureStore({
  reducer: { [baseApi.reducerPath]: baseApi.reducer, [caseListSlice.name]: caseListSlice.reducer },
  middleware: (getDefault) => getDefault().concat(baseApi.middleware, lockOnUnauthenticated),
});

export type RootState = ReturnType<typeof store.getState>;
export type AppDispatch = typeof store.dispatch;
