import type { Repositories } from '../../../db';
import { rewriteSearchRow } from '../cases/searchRow';

// After an import: each case whose records changed gets its scope rows and search row derived
// again, as intake and the workflow do for a case made here, so the committees whose scope it
// is in (and no one else) find it, by its parties, numbers and words.

export async function reindexCases(repos: Repositories, caseIds: Iterable<string>): Promise<void> {
  const types = new Map((await repos.catalog.disputeTypes()).map((t) => [t.code, t.name]));
  for (const caseId of caseIds) {
    repos.exchangeRows.rescope(caseId);
    rewriteSearchRow(repos, caseId, types);
  }
}
