import type { TestProject } from 'vitest/node';
import { placeOf, startCluster, type PgCluster } from '../helpers/pgCluster';

// `DESK_TEST_STORE=postgres npx vitest run …` runs the service tests on the county centre's
// store (issue 17): one throwaway PostgreSQL for the whole run, started here before the test
// processes, which inherit where it is (DESK_TEST_PG) and make a database of their own for each
// app (tests/helpers/app.ts). Without the variable nothing happens: the desk's own SQLite file.
// Vitest calls this once per project, even under --project core: only the core project, whose
// service suites run on the centre, gets a cluster; the Electron glue's keep their own files.

let cluster: PgCluster | null = null;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.DESK_TEST_STORE !== 'postgres' || project.name !== 'core') return;
  cluster = await startCluster();
  process.env.DESK_TEST_PG = placeOf(cluster);
}

export function teardown(): void {
  cluster?.destroy();
  cluster = null;
}
