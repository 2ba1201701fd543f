import { App as AntApp, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { HashRouter } from 'react-router';
import { baseApi } from '../api/baseApi';
import { useAuthStatusQuery } from '../api/session';
import { SignInGate } from '../features/auth/SignInGate';
import { SetupWizard } from '../features/setup/SetupWizard';
import { AppLayout } from './AppLayout';
import { useAppDispatch } from './hooks';

/** Which of the three worlds we are in: first-run setup, locked (sign in), or the app itself. */
export function App() {
  const { data, error, isLoading } = useAuthStatusQuery();
  const dispatch = useAppDispatch();
  const { message } = AntApp.useApp();

  useEffect(
    () =>
      window.api.on('session:locked', ({ reason }) => {
        dispatch(baseApi.util.resetApiState());
        if (reason === 'idle') void message.warning('长时间无操作，已自动锁定，请重新登录');
      }),
    [dispatch, message],
  );

  if (isLoading) return <Spin fullscreen />;
  if (error || !data) {
    return (
      <Result status="error" title="无法连接本机服务" subTitle="请确认工作台程序仍在运行，然后刷新页面" />
    );
  }
  if (data.state === 'uninitialized') return <SetupWizard />;
  if (data.state === 'locked') return <SignInGate officeName={data.office?.name ?? ''} />;
  return (
    <HashRouter>
      <AppLayout />
    </HashRouter>
  );
}
