import type { subsidyChannels } from '../../contract/channels/subsidy';
import {
  approveSettlement,
  exportSettlement,
  rulesFor,
  runSettlement,
  saveRules,
  setGrade,
  settlementView,
  subsidyCases,
} from '../../core/subsidy';
import type { HandlerGroup } from './types';

export const subsidyHandlers: HandlerGroup<keyof typeof subsidyChannels> = {
  'subsidy:rules': (input, ctx) => rulesFor(ctx.repos, input.year),
  'subsidy:saveRules': (input, ctx) => saveRules(ctx, input),
  'subsidy:cases': (_input, ctx) => subsidyCases(ctx),
  'subsidy:setGrade': (input, ctx) => setGrade(ctx, input),
  'subsidy:settlement': (input, ctx) => settlementView(ctx, input.period),
  'subsidy:run': (input, ctx) => runSettlement(ctx, input.period),
  'subsidy:approve': (input, ctx) => approveSettlement(ctx, input.period),
  'subsidy:export': (input, ctx) => exportSettlement(ctx, input.period),
};
