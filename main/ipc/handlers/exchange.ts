import type { exchangeChannels, exchangePackageChannels } from '../../contract/channels/exchange';
import { ALARM_ACTION } from '../../core/audit/integrity';
import { exchangeHistory, listConflicts, resolveConflict } from '../../core/exchange/conflicts';
import { generatePackage, packagePlan } from '../../core/exchange/packages';
import { importProgress } from '../../core/exchange/progress';
import { importPackage, previewPackage } from '../../core/exchange/receive';
import {
  exchangeOverview,
  ownKeyCard,
  previewKeyCard,
  revokeOffice,
  trustOffice,
} from '../../core/exchange/trust';
import type { HandlerGroup } from './types';
import type { AppContext } from '../context';

/** The import's progress bar, when the screen gave its call an id. */
const progressOf = (app: AppContext, jobId: string | undefined, label: string) =>
  jobId ? importProgress((p) => app.session.emit('job:progress', p), jobId, label) : undefined;

type Channel = keyof typeof exchangeChannels | keyof typeof exchangePackageChannels;

export const exchangeHandlers: HandlerGroup<Channel> = {
  'exchange:overview': (_input, ctx, app) => exchangeOverview(ctx, app.session.installationKeys()),
  'exchange:keyCard': (_input, ctx, app) => {
    const card = ownKeyCard(ctx, app.session.installationKeys());
    ctx.audit.detail = `指纹 ${card.fingerprint}`;
    return card;
  },
  'exchange:previewKeyCard': (input, ctx, app) =>
    previewKeyCard(ctx, app.session.installationKeys(), input.card),
  'exchange:trust': (input, ctx, app) =>
    trustOffice(ctx, app.session.installationKeys(), input.card, input.fingerprint),
  'exchange:revoke': (input, ctx) => revokeOffice(ctx, input.officeId, input.reason),
  'exchange:plan': (input, ctx, app) => packagePlan(ctx, input.officeId, app.session.paths.dataDir),
  'exchange:generate': (input, ctx, app) =>
    generatePackage(ctx, app.session.installationKeys(), input, app.session.paths.dataDir),
  'exchange:preview': (input, ctx, app) =>
    previewPackage(
      ctx,
      app.session.installationKeys(),
      input.path,
      progressOf(app, input.jobId, '校验数据包'),
    ),
  'exchange:import': async (input, ctx, app) => {
    const result = await importPackage(
      ctx,
      app.session.installationKeys(),
      input.path,
      progressOf(app, input.jobId, '导入数据包'),
    );
    // A township's audit log rewritten after it was reported: the 管理员's 审计告警 banner.
    for (const finding of result.auditFindings)
      await app.session.audit(ctx.repos, {
        action: ALARM_ACTION,
        outcome: 'ok',
        actor: ctx.actor,
        detail: finding,
      });
    return result;
  },
  'exchange:history': (_input, ctx) => exchangeHistory(ctx),
  'exchange:conflicts': (_input, ctx) => listConflicts(ctx),
  'exchange:resolveConflict': (input, ctx) => resolveConflict(ctx, input.conflictId, input),
};
