import type { statisticsChannels } from '../../contract/channels/statistics';
import { today } from '../../core/dates';
import {
  dashboard,
  monthlyReturnFile,
  qualityIssues,
  returnStatus,
  saveStatisticsConfig,
  statisticsConfig,
  submitReturn,
} from '../../core/statistics';
import type { HandlerGroup } from './types';

export const statisticsHandlers: HandlerGroup<keyof typeof statisticsChannels> = {
  'statistics:dashboard': (input, ctx) => dashboard(ctx.repos, ctx.scope.principals, input, today(ctx.clock)),
  'statistics:quality': (input, ctx) => qualityIssues(ctx.repos, ctx.scope.principals, input),
  'statistics:config': (_input, ctx) => statisticsConfig(ctx.repos),
  'statistics:saveConfig': (input, ctx) => saveStatisticsConfig(ctx, input),
  'statistics:monthlyReturn': (input, ctx) => monthlyReturnFile(ctx, input),
  'statistics:returnStatus': (input, ctx) => returnStatus(ctx, input),
  'statistics:submitReturn': (input, ctx) => submitReturn(ctx, input),
};
