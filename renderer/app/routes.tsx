import { AuditOutlined, SettingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Access } from '../../main/contract';
import { AccountPage } from '../features/account/AccountPage';
import { AuditPage } from '../features/audit/AuditPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { UsersPage } from '../features/users/UsersPage';

export interface AppRoute {
  path: string;
  label: string;
  icon: ReactNode;
  access: Access;
  element: ReactNode;
  /** Menu group heading. */
  group: '业务' | '管理' | '个人';
}

/** The one route table: the menu and the router both read it, filtered by access. */
export const appRoutes: AppRoute[] = [
  { path: '/users', label: '用户管理', icon: <TeamOutlined />, access: 'users:manage', element: <UsersPage />, group: '管理' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, access: 'audit:read', element: <AuditPage />, group: '管理' },
  {
    path: '/settings',
    label: '系统设置',
    icon: <SettingOutlined />,
    access: 'settings:manage',
    element: <SettingsPage />,
    group: '管理',
  },
  { path: '/account', label: '个人账户', icon: <UserOutlined />, access: 'signedIn', element: <AccountPage />, group: '个人' },
];
