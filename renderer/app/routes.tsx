import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BranchesOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  ContainerOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  FormOutlined,
  HddOutlined,
  IdcardOutlined,
  RadarChartOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  StopOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Access } from '../../main/contract';

/**
 * Every screen's code loads when the screen is first opened (one chunk each, shared code in
 * chunks of its own): the first screen waits only for the sign-in and the frame, not for the
 * chart library of 统计分析 or the editors of screens this desk never opens.
 */
function screen<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const AccountPage = screen(() => import('../features/account/AccountPage'), 'AccountPage');
const AuditPage = screen(() => import('../features/audit/AuditPage'), 'AuditPage');
const BackupPage = screen(() => import('../features/backup/BackupPage'), 'BackupPage');
const CaseDetailPage = screen(() => import('../features/cases/CaseDetailPage'), 'CaseDetailPage');
const CaseListPage = screen(() => import('../features/cases/CaseListPage'), 'CaseListPage');
const CatalogPage = screen(() => import('../features/catalog/CatalogPage'), 'CatalogPage');
const DispatchPage = screen(() => import('../features/dispatch/DispatchPage'), 'DispatchPage');
const IntakePage = screen(() => import('../features/intake/IntakePage'), 'IntakePage');
const RefusalsPage = screen(() => import('../features/intake/RefusalsPage'), 'RefusalsPage');
const MediatorsPage = screen(() => import('../features/mediators/MediatorsPage'), 'MediatorsPage');
const OrganisationsPage = screen(
  () => import('../features/organisations/OrganisationsPage'),
  'OrganisationsPage',
);
const SettingsPage = screen(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const OverviewPage = screen(() => import('../features/todo/OverviewPage'), 'OverviewPage');
const TodoPage = screen(() => import('../features/todo/TodoPage'), 'TodoPage');
const UsersPage = screen(() => import('../features/users/UsersPage'), 'UsersPage');
const VerifyPage = screen(() => import('../features/verify/VerifyPage'), 'VerifyPage');
const DossiersPage = screen(() => import('../features/dossiers/DossiersPage'), 'DossiersPage');
const ScreeningPage = screen(() => import('../features/screening/ScreeningPage'), 'ScreeningPage');
const SubsidyPage = screen(() => import('../features/subsidy/SubsidyPage'), 'SubsidyPage');
const ProvincePage = screen(() => import('../features/province/ProvincePage'), 'ProvincePage');
const ExchangePage = screen(() => import('../features/exchange/ExchangePage'), 'ExchangePage');
const StatisticsPage = screen(() => import('../features/statistics/StatisticsPage'), 'StatisticsPage');

export interface AppRoute {
  path: string;
  label: string;
  icon: ReactNode;
  access: Access;
  element: ReactNode;
  /** Menu group heading. */
  group: '业务' | '管理' | '个人';
  /** false: reachable by link only (a case page), highlighted under the menu entry it extends. */
  menu?: false;
  /** Only on a desk with its own file (数据备份): a desk of the county centre is backed up on the server. */
  ownFile?: true;
}

/**
 * The one route table: the menu and the router both read it, filtered by access. The first
 * menu entry a user may open is their home, so order matters: a 受理员 lands on 受理登记,
 * a 分流员 or 调解员 (and anyone else who reads cases) on 我的待办, and so does a 管理员
 * (where the backups' health is).
 */
export const appRoutes: AppRoute[] = [
  {
    path: '/intake',
    label: '受理登记',
    icon: <FormOutlined />,
    access: 'cases:create',
    element: <IntakePage />,
    group: '业务',
  },
  {
    path: '/todo',
    label: '我的待办',
    icon: <CarryOutOutlined />,
    // A 管理员's 我的待办 holds the backups' health (issue 12), and is their home.
    access: ['cases:read', 'backup:manage'],
    element: <TodoPage />,
    group: '业务',
  },
  {
    path: '/dispatch',
    label: '分流',
    icon: <BranchesOutlined />,
    access: 'cases:dispatch',
    element: <DispatchPage />,
    group: '业务',
  },
  {
    path: '/cases',
    label: '案件查询',
    icon: <FileSearchOutlined />,
    access: 'cases:read',
    element: <CaseListPage />,
    group: '业务',
  },
  {
    path: '/cases/:id',
    label: '案件详情',
    icon: <FileSearchOutlined />,
    access: 'cases:read',
    element: <CaseDetailPage />,
    group: '业务',
    menu: false,
  },
  {
    path: '/refusals',
    label: '不予受理',
    icon: <StopOutlined />,
    access: 'cases:read',
    element: <RefusalsPage />,
    group: '业务',
  },
  {
    path: '/overview',
    label: '全县概况',
    icon: <DashboardOutlined />,
    access: 'overview:read',
    element: <OverviewPage />,
    group: '业务',
  },
  // ── dossier (issue 13) ──
  {
    path: '/dossiers',
    label: '卷宗管理',
    icon: <ContainerOutlined />,
    access: ['dossiers:file', 'dossiers:archive', 'dossiers:review'],
    element: <DossiersPage />,
    group: '业务',
  },
  // ── statistics (issue 15) ──
  {
    path: '/statistics',
    label: '统计分析',
    icon: <BarChartOutlined />,
    access: 'statistics:read',
    element: <StatisticsPage />,
    group: '业务',
  },
  // ── screening & subsidy (issue 15) ──
  {
    path: '/screening',
    label: '矛盾纠纷排查',
    icon: <RadarChartOutlined />,
    access: 'screening:read',
    element: <ScreeningPage />,
    group: '业务',
  },
  {
    path: '/subsidy',
    label: '以案定补',
    icon: <AccountBookOutlined />,
    access: 'subsidy:read',
    element: <SubsidyPage />,
    group: '业务',
  },
  // ── province (issue 16) ──
  {
    path: '/province',
    label: '省级报送',
    icon: <CloudUploadOutlined />,
    access: 'province:report',
    element: <ProvincePage />,
    group: '业务',
  },
  {
    path: '/verify',
    label: '协议书核验',
    icon: <SafetyCertificateOutlined />,
    access: 'cases:read',
    element: <VerifyPage />,
    group: '业务',
  },
  {
    path: '/users',
    label: '用户管理',
    icon: <TeamOutlined />,
    access: 'users:manage',
    element: <UsersPage />,
    group: '管理',
  },
  {
    path: '/catalog',
    label: '基础目录',
    icon: <DatabaseOutlined />,
    access: 'catalog:manage',
    element: <CatalogPage />,
    group: '管理',
  },
  {
    path: '/organisations',
    label: '调解组织',
    icon: <ApartmentOutlined />,
    access: 'orgs:manage',
    element: <OrganisationsPage />,
    group: '管理',
  },
  {
    path: '/mediators',
    label: '调解员名册',
    icon: <IdcardOutlined />,
    access: 'mediators:manage',
    element: <MediatorsPage />,
    group: '管理',
  },
  {
    path: '/audit',
    label: '审计日志',
    icon: <AuditOutlined />,
    access: 'audit:read',
    element: <AuditPage />,
    group: '管理',
  },
  {
    path: '/settings',
    label: '系统设置',
    icon: <SettingOutlined />,
    access: 'settings:manage',
    element: <SettingsPage />,
    group: '管理',
  },
  // ── exchange (issue 14) ──
  {
    path: '/exchange',
    label: '数据交换',
    icon: <SwapOutlined />,
    access: 'exchange:manage',
    element: <ExchangePage />,
    group: '管理',
  },
  // backup (issue 12)
  {
    path: '/backup',
    label: '数据备份',
    icon: <HddOutlined />,
    access: 'backup:manage',
    element: <BackupPage />,
    group: '管理',
    ownFile: true,
  },
  {
    path: '/account',
    label: '个人账户',
    icon: <UserOutlined />,
    access: 'signedIn',
    element: <AccountPage />,
    group: '个人',
  },
];

/** The menu entry a location belongs to: itself, or the entry whose path it extends (/cases/… → /cases). */
export function menuKeyOf(pathname: string, menuPaths: string[]): string {
  return (
    menuPaths.find((p) => pathname === p) ?? menuPaths.find((p) => pathname.startsWith(`${p}/`)) ?? pathname
  );
}
