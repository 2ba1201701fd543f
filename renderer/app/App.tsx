import { Result, Spin } from 'antd';
import { useEffect } from 'react';
import { HashRouter } from 'react-router';
import { baseApi } from '../api/baseApi';
import { useAuthStatusQuery } from '../api/session';
import { ForcedPasswordChange } from '../features/account/ForcedPasswordChange';
import { SignInGate } from '../features/auth/SignInGate';
import { asApiError } from '../components/forms';
import { SetupWizard } from '../features/setup/SetupWizard';
import { AppLayout } from './AppLayout';
import { useAppDispatch } from './hooks';
import { sessionEnded } from './sessionActions';

/** Which of the three worlds we are in: first-run setup, locked (sign in), or the app itself. */
export function App() {
  const { data, error, isLoading } = useAuthStatusQuery();
  const dispatch = useAppDispatch();

  // Locked underneath us (sign-out elsewhere, idle lock): drop every cached answer. The sign-in
  // screen then says why (auth:status carries the reason).
  useEffect(
    () =>
      window.api.on('session:locked', () => {
        dispatch(baseApi.util.resetApiState());
        dispatch(sessionEnded());
      }),
    [dispatch],
  );

  if (isLoading) return <Spin fullscreen />;
  if (error || !data) {
    return (
      <Result
        status="error"
        title="无法连接本机服务"
        subTitle={
          (error && asApiError(error).code === 'UNAUTHENTICATED' && asApiError(error).message) ||
          '请确认工作台程序仍在运行，然后刷新页面'
        }
      />
    );
  }
  if (data.state === 'uninitialized') return <SetupWizard />;
  if (data.state === 'locked') {
    return <SignInGate officeName={data.office?.name ?? ''} lockReason={data.lockReason} />;
  }
  if (data.user?.mustChangePassword) return <ForcedPasswordChange user={data.user} />;
  return (
    <HashRouter>
      <AppLayout />
    </HashRouter>
  );
}
