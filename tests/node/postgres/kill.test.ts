import { describe, it } from 'vitest';
import { centreDatabase } from '../../helpers/app';
import { ownCluster } from '../../helpers/ownCluster';
import { crashWorkers, killRepeatedly } from '../cases/crashScenario';

// kill -9 a desk of the county centre mid-write, 20 times (issue 17): the desk's process dies,
// the server rolls back what it had not committed. Afterwards no acknowledged case is lost and
// nothing is half-written (../cases/crashScenario.ts says what is checked).

const RUNS = 20;
ownCluster();
const workers = crashWorkers();

describe('kill -9 a centre desk while it registers cases', () => {
  it(`loses no acknowledged case and leaves nothing half-written, over ${RUNS} kills`, async () => {
    await killRepeatedly(workers, RUNS, centreDatabase());
  }, 240_000);
});
