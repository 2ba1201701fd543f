import type { Repositories } from '../../../db';
import { caseSearchText } from './searchIndex';
import { casePartiesOf } from './view';

// A case's row in the full-text index holds its words and a token for each principal whose scope
// holds it (db/repositories/caseSearch.ts). Intake and edits write it from what they have in hand;
// everything else that changes what a case is found by, or by whom, rewrites it from here.

/** What the case is found by now (parties, numbers, words), with its rowid; null for a case that is gone. */
export function searchTextOf(
  repos: Repositories,
  caseId: string,
  disputeTypeNames: ReadonlyMap<string, string>,
): { rowid: number; text: string } | null {
  const row = repos.cases.byId(caseId);
  const rowid = repos.cases.rowidOf(caseId);
  if (!row || rowid === undefined) return null;
  const handlingNumber = repos.workflow.caseWorkflowColumns(caseId)?.handlingNumber;
  return {
    rowid,
    text: caseSearchText(
      row,
      casePartiesOf(repos, caseId),
      disputeTypeNames.get(row.disputeType) ?? row.disputeType,
      handlingNumber ? [handlingNumber] : [],
    ),
  };
}

/** Rewrites the case's search row from what it holds now: parties, numbers, words and scope. */
export function rewriteSearchRow(
  repos: Repositories,
  caseId: string,
  disputeTypeNames: ReadonlyMap<string, string>,
): void {
  const found = searchTextOf(repos, caseId, disputeTypeNames);
  if (found) repos.cases.setSearchTerms(found.rowid, found.text);
}

/**
 * Before a call's transaction commits (session.ts): every case whose scope grew in it (dispatch,
 * transfer, escalation, a mediator assigned, the tree moved, an import) gets its row rewritten, so
 * the committees and mediators who may now see it also find it. One place, whichever service
 * granted the scope.
 */
export function rewriteGrownSearchRows(repos: Repositories): void {
  const grown = repos.cases.takeScopeGrown();
  if (grown.length === 0) return;
  const names = repos.catalog.names().disputeTypes;
  for (const rowid of grown) {
    const caseId = repos.cases.idOfRowid(rowid);
    if (caseId) rewriteSearchRow(repos, caseId, names);
  }
}

/** After a failed call: what it marked was rolled back with it. */
export function forgetGrownSearchRows(repos: Repositories): void {
  repos.cases.takeScopeGrown();
}
