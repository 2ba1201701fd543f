import type { screeningChannels } from '../../contract/channels/screening';
import {
  analysis,
  analysisDocx,
  getCadence,
  listRounds,
  recordRound,
  saveAnalysis,
  saveCadence,
  screeningDue,
} from '../../core/screening';
import type { HandlerGroup } from './types';

export const screeningHandlers: HandlerGroup<keyof typeof screeningChannels> = {
  'screening:record': (input, ctx) => recordRound(ctx, input),
  'screening:list': (input, ctx) => listRounds(ctx, input),
  'screening:due': (_input, ctx) => screeningDue(ctx),
  'screening:cadence': (_input, ctx) => getCadence(ctx.repos),
  'screening:saveCadence': (input, ctx) => saveCadence(ctx, input),
  'screening:analysis': (input, ctx) => analysis(ctx, input),
  'screening:saveAnalysis': (input, ctx) => saveAnalysis(ctx, input),
  'screening:analysisDocx': (input, ctx) => analysisDocx(ctx, input),
};
