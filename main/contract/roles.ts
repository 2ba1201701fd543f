// Roles and permissions. A user may hold several roles; their permissions are the union.
// The dispatcher checks these for every channel; the renderer reads the same table only to
// decide what to show.

export const roles = ['admin', 'intake', 'dispatcher', 'mediator', 'archivist', 'leader'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: '管理员',
  intake: '受理员',
  dispatcher: '分流员',
  mediator: '调解员',
  archivist: '档案员',
  leader: '领导（只读）',
};

export const permissions = [
  'users:manage',
  'settings:manage',
  'audit:read',
  'catalog:manage',
  'cases:create',
  'cases:edit',
  'cases:void',
  'cases:read',
] as const;
export type Permission = (typeof permissions)[number];

export const permissionLabels: Record<Permission, string> = {
  'users:manage': '管理用户',
  'settings:manage': '修改系统设置',
  'audit:read': '查看审计日志',
  'catalog:manage': '维护纠纷类型与村（社区）',
  'cases:create': '登记纠纷（受理）',
  'cases:edit': '修改案件登记信息',
  'cases:void': '作废案件编号',
  'cases:read': '查看案件',
};

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: ['users:manage', 'settings:manage', 'audit:read', 'catalog:manage'],
  intake: ['cases:create', 'cases:edit', 'cases:void', 'cases:read'],
  dispatcher: ['cases:edit', 'cases:read'],
  mediator: ['cases:read'],
  archivist: ['cases:read'],
  leader: ['audit:read', 'cases:read'],
};

export function permissionsOf(userRoles: readonly Role[]): Set<Permission> {
  return new Set(userRoles.flatMap((role) => rolePermissions[role]));
}

/** Who may call a channel: anyone (before sign-in), any signed-in user, or holders of a permission. */
export type Access = 'public' | 'signedIn' | Permission;

export function mayAccess(access: Access, userRoles: readonly Role[] | null): boolean {
  if (access === 'public') return true;
  if (userRoles === null) return false;
  if (access === 'signedIn') return true;
  return permissionsOf(userRoles).has(access);
}
