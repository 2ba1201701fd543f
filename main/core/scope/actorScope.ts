import type { Repositories } from '../../../db';
import type { Actor } from '../actor';

/**
 * Where a user's committee scope reaches: the organisations they belong to (set in 用户管理)
 * and everything under them in the organisation tree, plus, for a 调解员 account, the cases
 * its roster entry has been assigned to. Worked out afresh on every call, so a change in
 * 用户管理 or in the tree applies at once.
 */
export interface ActorScope {
  /** The user's organisations, without any that another of them already covers. */
  roots: string[];
  /** Every organisation in scope: the user's own and everything under them. */
  organisations: ReadonlySet<string>;
  /** The roster entry this account acts as (调解员名册), if linked. */
  mediatorId: string | null;
  /** What the case_scope index is looked up by: the roots, and the mediator. */
  principals: string[];
}

export function actorScope(repos: Repositories, actor: Actor): ActorScope {
  const { own, under, mediatorId } = repos.caseScope.reachOf(actor.userId);
  // An organisation reached from another of the user's own is covered by that one already.
  const covered = new Set(under.filter((o) => o.id !== o.root).map((o) => o.id));
  const roots = own.filter((id) => !covered.has(id));
  return {
    roots,
    organisations: new Set(under.map((o) => o.id)),
    mediatorId,
    principals: mediatorId ? [...roots, mediatorId] : roots,
  };
}
