import { describe, it } from 'vitest';
import { crashWorkers, killRepeatedly } from './crashScenario';

// kill -9 while intakes are being saved, 52 times, on a desk's own encrypted file
// (./crashScenario.ts says what is checked afterwards).

const RUNS = 52;
const workers = crashWorkers();

describe('kill -9 while intakes are being saved', () => {
  it(`loses no acknowledged intake and leaves nothing half-written, over ${RUNS} kills`, async () => {
    await killRepeatedly(workers, RUNS, null);
  }, 240_000);
});
