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
  /**
   * Which committee the cases go to: null, the county centre's (every desk the same: the
   * committee's number row is taken by one intake at a time); a number, the n-th of the centre
   * and the committees under it (each desk its own).
   */
  committee: number | null;
}

async function desk(job: DeskJob): Promise<void> {
  const app = createApp({ dataDir: job.dataDir, kdfCost: job.kdfCost, centre: job.centre });
  const ok = client(app);
  await ok('auth:signIn', { username: job.username, password: job.password });
  const catalog = await ok('catalog:get', {});
  const countyId = catalog.committees.find((c) => c.kind === 'county_center')!.id;
  const committees = [
    countyId,
    ...catalog.committees.filter((c) => c.parentId === countyId).map((c) => c.id),
  ];
  const committeeId = job.committee === null ? countyId : committees[job.committee % committees.length]!;
  const today = officeDate(new Date());
  const dataset = new Dataset({
    seed: job.seed,
    committees: catalog.committees.map((c) => ({ id: c.id, township: c.township, kind: c.kind })),
    from: today,
    to: today,
  });
  const inputs = Array.from({ length: job.count }, () => ({
    ...toInput(dataset.newCase(today)),
    committeeId,
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
