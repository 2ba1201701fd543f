import { placeOf, startCluster, type PgCluster } from '../helpers/pgCluster';

// `DESK_TEST_STORE=postgres npx vitest run …` runs the service tests on the county centre's
// store (issue 17): one throwaway PostgreSQL for the whole run, started here before the test
// processes, which inherit where it is (DESK_TEST_PG) and make a database of their own for each
// app (tests/helpers/app.ts). Without the variable nothing happens: the desk's own SQLite file.

let cluster: PgCluster | null = null;

export async function setup(): Promise<void> {
  if (process.env.DESK_TEST_STORE !== 'postgres') return;
  cluster = await startCluster();
  process.env.DESK_TEST_PG = placeOf(cluster);
}

export function teardown(): void {
  cluster?.destroy();
  cluster = null;
}
