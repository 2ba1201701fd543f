import { afterAll, beforeAll } from 'vitest';
import { placeOf, startCluster, type PgCluster } from './pgCluster';

/**
 * A file's own throwaway cluster, started before its tests and destroyed after them; while it
 * runs, the file's apps (tests/helpers/app.ts) make their databases on it, whichever store the
 * run uses. Returns the cluster once started.
 */
export function ownCluster(): () => PgCluster {
  let cluster: PgCluster | undefined;
  let before: string | undefined;
  beforeAll(async () => {
    cluster = await startCluster();
    before = process.env.DESK_TEST_PG;
    process.env.DESK_TEST_PG = placeOf(cluster);
  }, 120_000);
  afterAll(() => {
    if (before === undefined) delete process.env.DESK_TEST_PG;
    else process.env.DESK_TEST_PG = before;
    cluster?.destroy();
  });
  return () => cluster!;
}
