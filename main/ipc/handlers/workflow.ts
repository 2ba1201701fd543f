import { mayAccess } from '../../contract';
import type { workflowChannels } from '../../contract/channels/workflow';
import type { ServiceContext } from '../../core/context';
import { today } from '../../core/dates';
import { getSettings } from '../../core/settings/service';
import { beginPerformance, recordAgreement, recordVisit, setEffective } from '../../core/workflow/agreement';
import { recordConfirmationRuling } from '../../core/workflow/confirmationRuling';
import { closeCase, extendDeadline, informRoutes, riskReport, terminate } from '../../core/workflow/closing';
import { mayRead, mayRespond, mayWrite, requireCase } from '../../core/scope';
import { dispatchCase, escalate, referOut, respond, transferCase } from '../../core/workflow/dispatch';
import { addAttachment, addRecord, getAttachment } from '../../core/workflow/mediation';
import { suggest } from '../../core/workflow/suggest';
import { myTodo, overview } from '../../core/workflow/todo';
import { workflowView } from '../../core/workflow/view';
import { exchangeNotice } from '../../core/exchange/notice';
import type { HandlerGroup } from './types';

/** The workflow as this user may work it: no steps at all for a case they may only read. */
async function view(ctx: ServiceContext, caseId: string) {
  const row = requireCase(ctx, caseId, 'read');
  const writable = mayWrite(ctx, row);
  const answers = mayRespond(ctx, row);
  const allow = (action: string) => (action === 'accept' || action === 'return' ? answers : writable);
  const dto = await workflowView(ctx.repos, caseId, await getSettings(ctx.repos), today(ctx.clock), {
    writable,
    allow,
  });
  return { ...dto, exchangeNotice: await exchangeNotice(ctx, caseId) };
}

/** Every workflow step answers with the case's workflow as it now stands. */
async function after(ctx: ServiceContext, caseId: string, step: () => unknown) {
  await step();
  return view(ctx, caseId);
}

export const workflowHandlers: HandlerGroup<keyof typeof workflowChannels> = {
  'workflow:get': (input, ctx) => view(ctx, input.caseId),
  'dispatch:suggest': (input, ctx) => suggest(ctx.repos, input.caseId, today(ctx.clock)),
  'workflow:dispatch': (input, ctx) => after(ctx, input.caseId, () => dispatchCase(ctx, input)),
  'workflow:respond': async (input, ctx) => {
    await respond(ctx, input);
    // A committee that returns a case it was only dispatched no longer sees it (issue 9).
    return mayRead(ctx, input.caseId) ? view(ctx, input.caseId) : null;
  },
  'workflow:transfer': (input, ctx) => after(ctx, input.caseId, () => transferCase(ctx, input)),
  'workflow:escalate': (input, ctx) => after(ctx, input.caseId, () => escalate(ctx, input)),
  'workflow:referOut': (input, ctx) => after(ctx, input.caseId, () => referOut(ctx, input)),
  'workflow:addRecord': (input, ctx) => after(ctx, input.caseId, () => addRecord(ctx, input)),
  'workflow:addAttachment': (input, ctx) => addAttachment(ctx, input),
  'workflow:getAttachment': (input, ctx) => getAttachment(ctx, input.id),
  'workflow:recordAgreement': (input, ctx) => after(ctx, input.caseId, () => recordAgreement(ctx, input)),
  'workflow:setEffective': (input, ctx) => after(ctx, input.caseId, () => setEffective(ctx, input)),
  'workflow:confirmationRuling': (input, ctx) =>
    after(ctx, input.caseId, () => recordConfirmationRuling(ctx, input)),
  'workflow:beginPerformance': (input, ctx) =>
    after(ctx, input.caseId, () => beginPerformance(ctx, input.caseId)),
  'workflow:recordVisit': (input, ctx) => after(ctx, input.caseId, () => recordVisit(ctx, input)),
  'workflow:terminate': (input, ctx) => after(ctx, input.caseId, () => terminate(ctx, input)),
  'workflow:informRoutes': (input, ctx) => after(ctx, input.caseId, () => informRoutes(ctx, input)),
  'workflow:close': (input, ctx) => after(ctx, input.caseId, () => closeCase(ctx, input)),
  'workflow:riskReport': (input, ctx) => after(ctx, input.caseId, () => riskReport(ctx, input)),
  'workflow:extendDeadline': (input, ctx) => after(ctx, input.caseId, () => extendDeadline(ctx, input)),
  'todo:mine': async (_input, ctx, app) => ({
    // A 管理员 without case work has no case sections, only the backups' health (issue 12).
    ...(mayAccess('cases:read', ctx.actor.roles)
      ? await myTodo(ctx)
      : { today: today(ctx.clock), newArrivals: [], returned: [], dueSoon: [], overdue: [] }),
    // (A desk of the county centre has no file of its own to back up: the server's is backed up there.)
    backup: mayAccess('backup:manage', ctx.actor.roles) && !app.session.centre ? app.backup.todo() : null,
  }),
  'todo:overview': (_input, ctx) => overview(ctx),
};
