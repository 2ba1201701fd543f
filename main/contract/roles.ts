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
  'orgs:manage',
  'mediators:manage',
  'cases:dispatch',
  'cases:mediate',
  'overview:read',
  // issue 8
  'audit:acknowledge',
  // issue 11: the intake desk
  'cases:export',
  // backup (issue 12)
  'backup:manage',
  'backup:restore',
  // ── dossier (issue 13) ──
  'dossiers:file',
  'dossiers:archive',
  'dossiers:review',
  // ── statistics (issue 15) ──
  'statistics:read',
  'statistics:manage',
  // ── screening & subsidy (issue 15) ──
  'screening:record',
  'screening:read',
  'subsidy:review',
  'subsidy:read',
  // ── province (issue 16) ──
  'province:report',
  'province:exportPlain',
  // ── exchange (issue 14) ──
  'exchange:manage',
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
  'orgs:manage': '维护调解组织',
  'mediators:manage': '维护调解员名册',
  'cases:dispatch': '分流、移交、转出案件',
  'cases:mediate': '调解、记录、协议与回访',
  'overview:read': '查看全县待办概况',
  'audit:acknowledge': '确认审计告警',
  'cases:export': '导出案件列表（Excel）',
  // backup (issue 12)
  'backup:manage': '设置备份位置、立即备份',
  'backup:restore': '从备份恢复数据',
  'dossiers:file': '立卷、补充扫描件、导出卷宗',
  'dossiers:archive': '归档与重新打开卷宗',
  'dossiers:review': '案卷评查',
  // ── statistics (issue 15) ──
  'statistics:read': '查看统计分析与月报',
  'statistics:manage': '设置年度目标、报送月报',
  // ── screening & subsidy (issue 15) ──
  'screening:record': '登记矛盾纠纷排查、撰写月度分析',
  'screening:read': '查看排查记录与月度分析',
  'subsidy:review': '以案定补：审核案件等级、计算、审批和导出结算',
  'subsidy:read': '查看以案定补案件与结算',
  // ── province (issue 16) ──
  'province:report': '省级报送：校验、导出数据包、登记回执',
  'province:exportPlain': '省级报送：导出不加密的数据包',
  // ── exchange (issue 14) ──
  'exchange:manage': '数据交换：信任机构、生成和导入数据包、处理冲突',
};

const baseRolePermissions: Record<Role, readonly Permission[]> = {
  admin: [
    'users:manage',
    'settings:manage',
    'audit:read',
    'catalog:manage',
    'orgs:manage',
    'mediators:manage',
    'audit:acknowledge',
    'backup:manage',
    'backup:restore',
    // ── statistics (issue 15) ──
    'statistics:read',
    'statistics:manage',
  ],
  intake: ['cases:create', 'cases:edit', 'cases:void', 'cases:read', 'cases:export'],
  dispatcher: [
    'cases:edit',
    'cases:read',
    'cases:dispatch',
    'overview:read',
    'cases:export',
    // ── statistics (issue 15) ──
    'statistics:read',
    'statistics:manage',
  ],
  mediator: ['cases:read', 'cases:mediate', 'dossiers:file'],
  archivist: ['cases:read', 'cases:export', 'dossiers:file', 'dossiers:archive', 'dossiers:review'],
  leader: [
    'audit:read',
    'cases:read',
    'overview:read',
    'cases:export',
    // ── statistics (issue 15) ──
    'statistics:read',
  ],
};

// ── screening & subsidy (issue 15) ──
// The committees' own staff record screening rounds and write the monthly analysis; 领导 and
// 档案员 read them. The county reviewer of 以案定补 is the 档案员 (who also does 案卷评查).
const screeningPermissions: Partial<Record<Role, readonly Permission[]>> = {
  intake: ['screening:record', 'screening:read'],
  dispatcher: ['screening:record', 'screening:read'],
  mediator: ['screening:record', 'screening:read'],
  archivist: ['screening:read', 'subsidy:review', 'subsidy:read'],
  leader: ['screening:read', 'subsidy:read'],
};

// ── province (issue 16) ──
// The 档案员 reports to the province for their committees; the 管理员 too, and only the 管理员
// may send a package without encryption.
const provincePermissions: Partial<Record<Role, readonly Permission[]>> = {
  admin: ['province:report', 'province:exportPlain'],
  archivist: ['province:report'],
};

// ── exchange (issue 14) ──
// Township ⇄ county packages are the 管理员's: trusting an office decides whose data this
// installation accepts.
const exchangePermissions: Partial<Record<Role, readonly Permission[]>> = {
  admin: ['exchange:manage'],
};

function withScreening(role: Role): readonly Permission[] {
  return [
    ...baseRolePermissions[role],
    ...(screeningPermissions[role] ?? []),
    ...(provincePermissions[role] ?? []),
    ...(exchangePermissions[role] ?? []),
  ];
}

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: withScreening('admin'),
  intake: withScreening('intake'),
  dispatcher: withScreening('dispatcher'),
  mediator: withScreening('mediator'),
  archivist: withScreening('archivist'),
  leader: withScreening('leader'),
};

export function permissionsOf(userRoles: readonly Role[]): Set<Permission> {
  return new Set(userRoles.flatMap((role) => rolePermissions[role]));
}

/**
 * Who may call a channel: anyone (before sign-in), any signed-in user, holders of a permission,
 * or holders of any one of several (e.g. a case may be accepted by its mediator or a dispatcher).
 */
export type Access = 'public' | 'signedIn' | Permission | readonly Permission[];

export function mayAccess(access: Access, userRoles: readonly Role[] | null): boolean {
  if (access === 'public') return true;
  if (userRoles === null) return false;
  if (access === 'signedIn') return true;
  const held = permissionsOf(userRoles);
  return typeof access === 'string' ? held.has(access) : access.some((p) => held.has(p));
}
