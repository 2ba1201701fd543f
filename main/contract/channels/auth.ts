import { z } from 'zod';
import { empty } from '../schemas/common';
import {
  authStatus,
  centreConnectionInput,
  changeMark,
  centreConnectionResult,
  changePasswordInput,
  recoverInput,
  sessionUser,
  setupCompleteInput,
  setupOfficeChoice,
  signInInput,
} from '../schemas/auth';
import { defineChannels } from './spec';

export const authChannels = defineChannels({
  'auth:status': { input: empty, output: authStatus, access: 'public', kind: 'query', label: '查询登录状态' },
  'setup:offices': {
    input: empty,
    output: z.array(setupOfficeChoice),
    access: 'public',
    kind: 'query',
    label: '列出可选单位',
  },
  'setup:begin': {
    input: empty,
    output: z.object({ recoveryCode: z.string() }),
    access: 'public',
    kind: 'mutation',
    label: '开始初始化',
  },
  'setup:connectCentre': {
    input: centreConnectionInput,
    output: centreConnectionResult,
    access: 'public',
    kind: 'mutation',
    label: '连接县中心数据库',
  },
  'setup:complete': {
    input: setupCompleteInput,
    output: sessionUser,
    access: 'public',
    kind: 'mutation',
    label: '完成初始化',
    ids: { 'office.id': 'organisation' },
  },
  'auth:signIn': {
    input: signInInput,
    output: sessionUser,
    access: 'public',
    kind: 'mutation',
    label: '登录',
  },
  'auth:recover': {
    input: recoverInput,
    output: sessionUser,
    access: 'public',
    kind: 'mutation',
    label: '用恢复码重设密码',
  },
  'auth:signOut': {
    input: empty,
    output: z.object({}),
    access: 'signedIn',
    kind: 'mutation',
    label: '退出登录',
  },
  'session:touch': {
    input: empty,
    output: z.object({}),
    access: 'signedIn',
    kind: 'query',
    label: '保持会话',
  },
  'desk:changes': {
    input: empty,
    output: changeMark,
    access: 'signedIn',
    kind: 'query',
    label: '查询其他工作台的新变化',
    background: true,
  },
  'account:changePassword': {
    input: changePasswordInput,
    output: z.object({}),
    access: 'signedIn',
    kind: 'mutation',
    label: '修改本人密码',
  },
});
