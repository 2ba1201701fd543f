// One desk of the county centre for the bench's concurrency run (centre.ts): signs in, says
// "ready", waits for "go" on stdin, registers `count` cases through the real dispatch as fast as
// it can, and exits. Started once alone and eight times at once; the parent times them.
import type { PgConfig } from '../../db';
import type { KdfCost } from '../../main/core/auth/kdf';
import { officeDate } from '../../main/core/dates';
import { createApp } from '../../main/ipc';
import { client } from './build';
import { Dataset, toInput } from './dataset';
import { startedAs } from './sections';

export interface DeskJob {
  centre: PgConfig;
  dataDir: string;
  username: string;
  password: string;
  kdfCost: KdfCost;
  count: number;
  seed: string;
}

async function desk(job: DeskJob): Promise<void> {
  const app = createApp({ dataDir: job.dataDir, kdfCost: job.kdfCost, centre: job.centre });
  const ok = client(app);
  await ok('auth:signIn', { username: job.username, password: job.password });
  const catalog = await ok('catalog:get', {});
  const countyId = catalog.committees.find((c) => c.kind === 'county_center')!.id;
  const today = officeDate(new Date());
  const dataset = new Dataset({
    seed: job.seed,
    committees: catalog.committees.map((c) => ({ id: c.id, township: c.township, kind: c.kind })),
    from: today,
    to: today,
  });
  const inputs = Array.from({ length: job.count }, () => ({
    ...toInput(dataset.newCase(today)),
    committeeId: countyId,
  }));
  process.stdout.write('ready\n');
  await new Promise<void>((go) => process.stdin.once('data', () => go()));
  for (const input of inputs) await ok('cases:create', input);
  await app.close();
}

if (startedAs('centreDesk')) {
  desk(JSON.parse(process.env.CENTRE_DESK_JOB ?? '') as DeskJob).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
