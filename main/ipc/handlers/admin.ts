import type { adminChannels } from '../../contract/channels/admin';
import { acknowledgeAlarms, unacknowledgedAlarms, verifyAudit } from '../../core/audit/integrity';
import { listAudit } from '../../core/audit/log';
import { getSettings, updateSettings } from '../../core/settings/service';
import * as users from '../../core/users/service';
import type { HandlerGroup } from './types';

export const adminHandlers: HandlerGroup<keyof typeof adminChannels> = {
  'users:list': (_input, ctx) => users.listUsers(ctx),
  'users:create': (input, ctx) => users.createUser(ctx, input),
  'users:update': (input, ctx) => users.updateUser(ctx, input),
  'users:disable': (input, ctx) => users.disableUser(ctx, input.id),
  'users:resetPassword': (input, ctx) => users.resetPassword(ctx, input),
  'users:unlock': (input, ctx) => users.unlockAccount(ctx, input.id),
  'settings:get': (_input, ctx) => getSettings(ctx.repos),
  'settings:update': (input, ctx, app) =>
    updateSettings(ctx, input, (minutes) => {
      app.session.idleLockMinutes = minutes;
    }),
  'audit:list': (input, ctx) => listAudit(ctx.repos, input.page, input.pageSize, input.action),
  'audit:verify': (_input, ctx, app) => verifyAudit(ctx.repos, app.session.verifier()),
  'audit:alarms': (_input, ctx) => ({ items: unacknowledgedAlarms(ctx.repos) }),
  'audit:acknowledge': (input, ctx) => acknowledgeAlarms(ctx, input.throughSeq),
};
