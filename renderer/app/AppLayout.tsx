import { LockOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { roleLabels } from '../../main/contract';
import { useSignOutMutation } from '../api/session';
import { AuditAlarmBanner } from '../features/audit/AuditAlarmBanner';
import { useAccess } from './access';
import { appRoutes, menuKeyOf } from './routes';
import { useFreshArrival } from './useFreshArrival';
import { useCentreChanges } from './useCentreChanges';
import { useIdleTouch } from './useIdleTouch';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { can, user, office, centre } = useAccess();
  const navigate = useNavigate();
  const location = useLocation();
  const [signOut, { isLoading }] = useSignOutMutation();
  useIdleTouch();
  useCentreChanges(centre);
  const routes = appRoutes.filter((r) => can(r.access) && !(r.ownFile && centre));
  const menuRoutes = routes.filter((r) => r.menu !== false);
  const groups = [...new Set(menuRoutes.map((r) => r.group))];
  const home = menuRoutes[0]?.path ?? '/account';
  const arriving = useFreshArrival(user?.id, home);
  const selectedKey = menuKeyOf(
    location.pathname,
    menuRoutes.map((r) => r.path),
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '18px 20px 12px' }}>
          <Typography.Title level={5} style={{ margin: 0, color: '#a8071a' }}>
            人民调解工作台
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {office?.name}
          </Typography.Text>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[selectedKey]}
          onClick={(e) => navigate(e.key)}
          items={groups.map((group) => ({
            type: 'group' as const,
            key: group,
            label: group,
            children: menuRoutes
              .filter((r) => r.group === group)
              .map((r) => ({ key: r.path, icon: r.icon, label: r.label })),
          }))}
        />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', padding: '0 24px' }}>
          <Space style={{ float: 'right' }}>
            <span data-testid="current-user">{user?.displayName}</span>
            {user?.roles.map((r) => (
              <Tag key={r}>{roleLabels[r]}</Tag>
            ))}
            <Button icon={<LockOutlined />} loading={isLoading} onClick={() => void signOut()}>
              退出登录
            </Button>
          </Space>
        </Header>
        <Content style={{ padding: 24 }}>
          {can('audit:acknowledge') && <AuditAlarmBanner />}
          {arriving ? (
            <Navigate to={home} replace />
          ) : (
            <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: 48 }} />}>
              <Routes>
                {routes.map((r) => (
                  <Route key={r.path} path={r.path} element={r.element} />
                ))}
                <Route path="*" element={<Navigate to={home} replace />} />
              </Routes>
            </Suspense>
          )}
        </Content>
      </Layout>
    </Layout>
  );
}
