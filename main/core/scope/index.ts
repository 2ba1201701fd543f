// Committee scope: who may see and change which cases (issue 9). See access.ts for the rule,
// ids.ts for how the dispatcher applies it to every channel, and db/repositories/caseScope.ts
// for the index lists and counts are filtered by.
export { actorScope, type ActorScope } from './actorScope';
export {
  CASE_NOT_FOUND,
  READ_ONLY,
  fileKeptElsewhere,
  mayRead,
  mayRespond,
  mayWrite,
  owningOrganisation,
  requireCase,
} from './access';
export { checkIds, valuesAt } from './ids';
