import type { Repositories } from '../../../db';
import { caseSearchText } from '../cases/searchIndex';
import { casePartiesOf } from '../cases/view';

// After an import: each case whose records changed gets its scope rows and search terms derived
// again, as intake and the workflow do for a case made here, so the committees whose scope it
// is in (and no one else) find it, by its parties, numbers and words.

export async function reindexCases(
  repos: Repositories,
  caseIds: Iterable<string>,
  /** Every 100 cases and at the end (the import's progress bar). */
  onProgress?: (done: number) => void,
): Promise<void> {
  const types = new Map((await repos.catalog.disputeTypes()).map((t) => [t.code, t.name]));
  let done = 0;
  for (const caseId of caseIds) {
    if (done && done % 100 === 0) {
      onProgress?.(done);
      // A turn of the event loop, so the progress event reaches the screen now.
      await new Promise((resolve) => setImmediate(resolve));
    }
    done += 1;
    repos.exchangeRows.rescope(caseId);
    const row = repos.cases.byId(caseId);
    const rowid = repos.cases.rowidOf(caseId);
    if (!row || rowid === undefined) continue;
    const handlingNumber = repos.workflow.caseWorkflowColumns(caseId)?.handlingNumber;
    repos.cases.setSearchTerms(
      rowid,
      caseSearchText(
        row,
        casePartiesOf(repos, caseId),
        types.get(row.disputeType) ?? row.disputeType,
        handlingNumber ? [handlingNumber] : [],
      ),
    );
  }
  onProgress?.(done);
}
