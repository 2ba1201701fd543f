import type { authChannels } from '../../contract/channels/auth';
import * as auth from '../../core/auth/service';
import { installableOffices } from '../../core/offices/seed';
import type { HandlerGroup } from './types';

export const authHandlers: HandlerGroup<keyof typeof authChannels> = {
  'auth:status': (_input, app) => auth.status(app.session),
  'setup:offices': () => installableOffices().map(({ id, name, kind }) => ({ id, name, kind })),
  'setup:begin': (_input, app) => auth.beginSetup(app.session),
  'setup:connectCentre': (input, app) => auth.connectCentre(app.session, input),
  'setup:complete': (input, app) =>
    auth.completeSetup(app.session, {
      office: input.office,
      admin: {
        username: input.admin.username,
        displayName: input.admin.displayName,
        password: input.admin.password,
      },
      recoveryCode: input.recoveryCode,
      centre: input.centre,
    }),
  'auth:signIn': (input, app) => auth.signIn(app.session, input),
  'auth:recover': (input, app) => auth.recover(app.session, input),
  'auth:signOut': async (_input, ctx, app) => {
    ctx.audit.target = ctx.actor.userId;
    // A backup if none was made today (it copies the key now and runs on after the lock).
    app.backup.atSignOut(ctx.actor);
    // The lock happens after this call's transaction commits (see dispatch: afterCommit).
    app.session.lockAfterCall = 'signedOut';
    return {};
  },
  'session:touch': () => ({}),
  'desk:changes': (_input, ctx) => ({ mark: ctx.repos.audit.lastSeq() }),
  'account:changePassword': async (input, ctx, app) => {
    const result = await auth.changePassword(ctx, input);
    app.session.passwordChanged();
    return result;
  },
};
