import type { Repositories } from '../../../db';
import { rewriteSearchRow } from '../cases/searchRow';

// After an import: each case whose records changed gets its scope rows and search row derived
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
    rewriteSearchRow(repos, caseId, types);
  }
  onProgress?.(done);
}
