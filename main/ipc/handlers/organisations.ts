import type { organisationChannels } from '../../contract/channels/organisations';
import {
  addTraining,
  listMediators,
  revealMediatorIdNumber,
  saveMediator,
} from '../../core/organisations/mediators';
import { organisationTree, saveOrganisation } from '../../core/organisations/organisations';
import type { HandlerGroup } from './types';

export const organisationHandlers: HandlerGroup<keyof typeof organisationChannels> = {
  'orgs:tree': (_input, ctx) => organisationTree(ctx),
  'orgs:save': (input, ctx) => saveOrganisation(ctx, input),
  'mediators:list': (input, ctx) => listMediators(ctx, input),
  'mediators:save': (input, ctx) => saveMediator(ctx, input),
  'mediators:addTraining': (input, ctx) => addTraining(ctx, input),
  'mediators:revealIdNumber': (input, ctx) => revealMediatorIdNumber(ctx, input),
};
