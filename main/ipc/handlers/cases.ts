import type { caseChannels } from '../../contract/channels/cases';
import { getCatalog, saveDisputeType, saveVillage } from '../../core/cases/catalog';
import { updateCase, voidCase } from '../../core/cases/edit';
import { exportCaseList } from '../../core/cases/export';
import { createCase } from '../../core/cases/intake';
import { listCases } from '../../core/cases/list';
import { suggestParties } from '../../core/cases/parties';
import {
  clearDraft,
  getDraft,
  listRefusals,
  recordRefusal,
  revealIdNumber,
  saveDraft,
} from '../../core/cases/records';
import { findRepeats } from '../../core/cases/repeats';
import { caseDetail } from '../../core/cases/view';
import { today } from '../../core/dates';
import { refusalNoticeFile } from '../../core/documentStore';
import type { HandlerGroup } from './types';

export const caseHandlers: HandlerGroup<keyof typeof caseChannels> = {
  'catalog:get': (_input, ctx) => getCatalog(ctx),
  'catalog:saveDisputeType': (input, ctx) => saveDisputeType(ctx, input),
  'catalog:saveVillage': (input, ctx) => saveVillage(ctx, input),
  'cases:create': (input, ctx) => createCase(ctx, input),
  'cases:checkRepeats': (input, ctx) => findRepeats(ctx.repos, ctx.scope.principals, today(ctx.clock), input),
  'cases:update': (input, ctx) => updateCase(ctx, input),
  'cases:void': (input, ctx) => voidCase(ctx, input),
  'cases:get': (input, ctx) => caseDetail(ctx, input.id),
  'cases:clerks': async (_input, ctx) =>
    (await ctx.repos.users.list())
      .filter((u) => u.roles.includes('intake'))
      .map((u) => ({ id: u.id, name: u.displayName })),
  'cases:list': (input, ctx) => listCases(ctx.repos, ctx.scope.principals, input, today(ctx.clock)),
  // Through the list handler itself: an export holds exactly what this user's list shows.
  'cases:export': (input, ctx, app) =>
    exportCaseList(ctx, input, (page) => caseHandlers['cases:list'](page, ctx, app), app.platform),
  'cases:revealIdNumber': (input, ctx) => revealIdNumber(ctx, input),
  'parties:search': (input, ctx) =>
    suggestParties(ctx.repos, ctx.scope.principals, input.query, today(ctx.clock), ctx.office.id),
  'intake:refuse': (input, ctx) => recordRefusal(ctx, input),
  'intake:refusalNotice': (input, ctx) => refusalNoticeFile(ctx, input.id),
  'intake:listRefusals': (input, ctx) => listRefusals(ctx, input.page, input.pageSize),
  'drafts:get': (input, ctx) => getDraft(ctx, input.form),
  'drafts:save': (input, ctx) => saveDraft(ctx, input.form, input.data),
  'drafts:clear': (input, ctx) => clearDraft(ctx, input.form),
};
