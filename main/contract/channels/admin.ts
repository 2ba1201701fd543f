import { z } from 'zod';
import { empty } from '../schemas/common';
import { createUserInput, resetPasswordInput, updateUserInput, userDto, userIdInput } from '../schemas/users';
import { settingsDto, updateSettingsInput } from '../schemas/settings';
import {
  acknowledgeAlarmsInput,
  auditAlarms,
  auditPage,
  auditVerifyResult,
  listAuditInput,
} from '../schemas/audit';
import { defineChannels } from './spec';

export const adminChannels = defineChannels({
  'users:list': {
    input: empty,
    output: z.array(userDto),
    access: 'users:manage',
    kind: 'query',
    label: '查看用户',
  },
  'users:create': {
    input: createUserInput,
    output: userDto,
    access: 'users:manage',
    kind: 'mutation',
    label: '新建用户',
    ids: { 'organisationIds[]': 'organisation', mediatorId: 'mediator' },
  },
  'users:update': {
    input: updateUserInput,
    output: userDto,
    access: 'users:manage',
    kind: 'mutation',
    label: '修改用户',
    ids: { id: 'user', 'organisationIds[]': 'organisation', mediatorId: 'mediator' },
  },
  'users:disable': {
    input: userIdInput,
    output: userDto,
    access: 'users:manage',
    kind: 'mutation',
    label: '停用用户',
    ids: { id: 'user' },
  },
  'users:resetPassword': {
    input: resetPasswordInput,
    output: userDto,
    access: 'users:manage',
    kind: 'mutation',
    label: '重置密码',
    ids: { id: 'user' },
  },
  'settings:get': { input: empty, output: settingsDto, access: 'signedIn', kind: 'query', label: '查看设置' },
  'settings:update': {
    input: updateSettingsInput,
    output: settingsDto,
    access: 'settings:manage',
    kind: 'mutation',
    label: '修改设置',
  },
  'audit:list': {
    input: listAuditInput,
    output: auditPage,
    access: 'audit:read',
    kind: 'query',
    label: '查看审计日志',
  },
  'audit:verify': {
    input: empty,
    output: auditVerifyResult,
    access: 'audit:read',
    kind: 'query',
    label: '校验审计日志',
  },
  // ---- Audit alarms (issue 8) ----
  'audit:alarms': {
    input: empty,
    output: auditAlarms,
    access: 'audit:acknowledge',
    kind: 'query',
    label: '查看审计告警',
  },
  'audit:acknowledge': {
    input: acknowledgeAlarmsInput,
    output: z.object({}),
    access: 'audit:acknowledge',
    kind: 'mutation',
    label: '确认审计告警',
  },
  'users:unlock': {
    input: userIdInput,
    output: userDto,
    access: 'users:manage',
    kind: 'mutation',
    label: '解除锁定',
    ids: { id: 'user' },
  },
});
