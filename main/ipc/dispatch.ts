import {
  channels,
  isChannelName,
  mayAccess,
  onCalendarDay,
  type ChannelName,
  type ChannelSpec,
  type Result,
} from '../contract';
import { today } from '../core/dates';
import type { AuditNote, ServiceContext } from '../core/context';
import { refuseIfArchived } from '../core/dossier/frozen';
import { DomainError, ForbiddenError, UnauthenticatedError } from '../core/errors';
import { actorScope, checkIds, type ActorScope } from '../core/scope';
import type { Repositories } from '../../db';
import type { AppContext } from './context';
import { toApiError, validationError } from './errors';
import type { Handlers, PublicHandler, SessionHandler } from './handlers/types';

export type Dispatch = (channel: unknown, input: unknown) => Promise<Result<unknown>>;

/** What a user whose password an administrator reset may do before choosing a new one. */
const WHILE_PASSWORD_MUST_CHANGE = new Set<ChannelName>([
  'auth:signOut',
  'session:touch',
  'account:changePassword',
]);

/**
 * The one path every call takes, whatever the transport: authenticate, authorise, validate,
 * check every case-scoped id against the user's committee scope (the channel's `ids`), run
 * (mutations in one transaction with their audit entry), validate the output. Calls are
 * serialised by the session's mutex.
 */
export function createDispatcher(app: AppContext, handlers: Handlers): Dispatch {
  const { session } = app;

  async function run(channel: ChannelName, rawInput: unknown): Promise<Result<unknown>> {
    const spec = channels[channel];
    const ids = (spec as ChannelSpec).ids;
    const actor = session.actor;
    const audited =
      spec.kind === 'mutation' && spec.access !== 'public' && !('audit' in spec && spec.audit === false);
    // Who may see what, looked up once per call: the freeze check and the handler's context share it.
    let scope: ActorScope | undefined;
    try {
      if (spec.access !== 'public') {
        if (!actor) throw new UnauthenticatedError();
        if (session.idleExpired()) {
          await session.lock('idle');
          throw new UnauthenticatedError('长时间无操作，已自动锁定，请重新登录');
        }
        if (!(spec as ChannelSpec).background) session.touch();
        if (!mayAccess(spec.access, actor.roles)) throw new ForbiddenError();
        if (actor.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(channel)) {
          throw new ForbiddenError('管理员已重置您的密码，请先设置新密码');
        }
        // An archived case is frozen, whatever else the call carries (issue 13). Only for a case
        // in the user's scope: any other answers as missing, after validation, like every id.
        if (spec.kind === 'mutation') {
          const repos = session.repos();
          scope = actorScope(repos, actor);
          const { principals } = scope;
          refuseIfArchived(channel, rawInput, repos, (caseId) =>
            repos.caseScope.contains(principals, caseId),
          );
        }
      }
      // Dates that cannot lie in the future are measured against the office's day on the app clock.
      const parsed = onCalendarDay(today(session.clock), () => spec.input.safeParse(rawInput));
      if (!parsed.success) {
        const error = validationError(spec.input, parsed.error);
        if (audited) await auditFailure(channel, error.message);
        return { ok: false, error };
      }

      let value: unknown;
      if (spec.access === 'public') {
        value = await (handlers[channel] as PublicHandler<ChannelName>)(parsed.data, app);
      } else {
        const handler = handlers[channel] as SessionHandler<ChannelName>;
        const call = async (repos: Repositories) => {
          const note: AuditNote = {};
          const ctx = contextFor(repos, note, scope);
          checkIds(ctx, ids, parsed.data);
          const result = await handler(parsed.data, ctx, app);
          if (audited) {
            await session.audit(repos, {
              action: channel,
              outcome: 'ok',
              actor,
              target: note.target ?? null,
              detail: note.detail ?? null,
              enrols: note.enrols ?? null,
            });
          }
          return result;
        };
        value = spec.kind === 'mutation' ? await session.transaction(call) : await call(session.repos());
      }
      const output = spec.output.safeParse(value);
      if (!output.success) {
        session.afterCall = null;
        console.error(`[dispatch] ${channel} returned data outside its contract`, output.error.issues);
        return { ok: false, error: toApiError(new Error('output contract violated')) };
      }
      if (session.lockAfterCall) {
        const reason = session.lockAfterCall;
        session.lockAfterCall = null;
        await session.lock(reason);
      }
      if (session.afterCall) {
        const after = session.afterCall;
        session.afterCall = null;
        await after();
      }
      return { ok: true, value: output.data };
    } catch (error) {
      session.afterCall = null;
      const apiError = toApiError(error);
      if (audited && session.state === 'unlocked' && apiError.code !== 'UNAUTHENTICATED') {
        await auditFailure(channel, error instanceof DomainError ? apiError.message : '系统内部错误');
      }
      return { ok: false, error: apiError };
    }
  }

  function contextFor(repos: Repositories, audit: AuditNote, scope?: ActorScope): ServiceContext {
    const unlocked = session.requireUnlocked();
    return {
      actor: unlocked.actor,
      scope: scope ?? actorScope(repos, unlocked.actor),
      clock: session.clock,
      office: unlocked.keyFile.office,
      repos,
      audit,
      vault: {
        dek: unlocked.dek,
        keyFile: unlocked.keyFile,
        kdfCost: session.kdfCost,
        signer: unlocked.signer,
        lockout: session.lockout,
      },
    };
  }

  async function auditFailure(channel: ChannelName, message: string): Promise<void> {
    try {
      await session.transaction((repos) =>
        session.audit(repos, {
          action: channel,
          outcome: 'error',
          actor: session.actor,
          detail: message,
        }),
      );
    } catch (auditError) {
      console.error('[dispatch] could not audit a failed call', auditError);
    }
  }

  return (channel, input) => {
    if (!isChannelName(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: '未知的接口' } });
    }
    return session.mutex.run(() => run(channel, input));
  };
}
