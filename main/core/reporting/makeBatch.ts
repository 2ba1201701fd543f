import { infoSetNames, type InfoSetName } from '../../contract/province/infoSets';
import { today } from '../dates';
import { CASE_PAGE, examine, scopeKeyOf, smallSets } from './batches';
import { PackageCancelled } from './cancelled';
import { progress, rawStep, step, yieldTurn, type Run } from './jobSteps';
import type { BatchForPackage, StoredRecord } from './packageWriter';
import { casePage } from './records';

// Making a new batch: the changed, valid records are frozen page by page into a 'preparing'
// batch, which becomes 'pending' only when whole and written (a cancel, a lock or a failure drops
// it). The cases are walked in id order, the order the package lists them in, so the package can
// be written from the pages as they are frozen: the writing (compression on the thread pool)
// goes on while the next page is built.

/** Records read from a frozen batch at a time (about 1.3 MB of JSON for cases). */
const RECORD_PAGE = 1000;

export interface NewBatch extends BatchForPackage {
  /** Records that changed but failed validation, so wait. */
  held: number;
}

/** Starts the batch: its row, and the small info-sets (organisations, mediators, rounds) whole. */
export async function startBatch(run: Run, made: { id: string; salt: string }): Promise<NewBatch> {
  const { session, job, scope } = run;
  const day = today(session.clock);
  const counts = Object.fromEntries(infoSetNames.map((s) => [s, 0])) as Record<InfoSetName, number>;
  const small = await step(run, () => {
    const repos = session.repos();
    job.dto.total = repos.caseScope.count(scope.principals);
    return smallSets(repos, scope);
  });
  job.dto.total += small.reduce((n, [, r]) => n + r.length, 0);
  const createdAt = session.clock.now().toISOString();
  let held = 0;
  const batchNo = await rawStep(run, (repos) => {
    // Whatever a stopped job left half-made goes first; only one session exists at a time.
    repos.provinceBatches.dropPreparing();
    const batchNo = repos.provinceBatches.nextNumber();
    repos.provinceBatches.insert({
      id: made.id,
      batchNo,
      scopeKey: scopeKeyOf(scope),
      state: 'preparing',
      createdAt,
      createdBy: run.actor.userId,
      createdByName: run.actor.displayName,
      salt: made.salt,
      counts: '{}',
      heldBack: 0,
    });
    for (const [set, records] of small) {
      const examined = examine(repos, set, records, day);
      repos.provinceBatches.addRecords(made.id, set, examined.ready);
      counts[set] += examined.ready.length;
      held += examined.held.length;
      job.dto.done += records.length;
    }
    return batchNo;
  });
  return { id: made.id, batchNo, createdAt, salt: made.salt, counts, held };
}

/** Freezes the batch's cases a page at a time, yielding each page's frozen records. */
export async function* freezeCases(run: Run, batch: NewBatch): AsyncGenerator<StoredRecord[]> {
  const { session, job, scope } = run;
  const day = today(session.clock);
  for (let after = ''; ;) {
    if (job.cancelled) throw new PackageCancelled();
    progress(run, `案件 ${job.dto.done}/${job.dto.total}`);
    const page = await rawStep(run, (repos) => {
      const built = casePage(repos, scope.principals, after, CASE_PAGE);
      if (built.last === null) return null;
      const examined = examine(repos, 'cases', built.records, day);
      repos.provinceBatches.addRecords(batch.id, 'cases', examined.ready);
      batch.counts.cases += examined.ready.length;
      batch.held += examined.held.length;
      job.dto.done += built.records.length;
      return { last: built.last, ready: examined.ready };
    });
    if (!page) return;
    if (page.ready.length) yield page.ready;
    after = page.last;
    await yieldTurn();
  }
}

/** The frozen records of one info-set of a batch, a page at a time, in record-id order. */
export async function* frozenPages(
  run: Run,
  batchId: string,
  set: InfoSetName,
): AsyncGenerator<StoredRecord[]> {
  for (let after = ''; ;) {
    const page = await step(run, () =>
      run.session.repos().provinceBatches.recordPage(batchId, set, after, RECORD_PAGE),
    );
    if (!page.length) return;
    yield page;
    after = page.at(-1)!.recordId;
  }
}
