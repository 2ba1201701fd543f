// Child process for concurrency.test.ts: one desk of the county centre, in a process of its own
// as at a PC of its own, working on the centre's PostgreSQL through the real dispatch. It
// signs in, then per round registers a case, edits one of the cases every desk edits (from the
// version it just read), tries the same edit again from that now stale version, and dispatches
// its own case. A line goes to stdout only once the call answered:
//
//   node deskWorker.js '<job JSON>'
//
//   case <id> <number>        registered (committed)
//   edit <caseId> <version>   an edit from <version> saved
//   conflict <caseId>         an edit from a version another desk had moved on: CONFLICT
//   stale <caseId> ok|conflict  the same edit again from the version this desk itself replaced
//   dispatch <id>             dispatched
//   done
import type { PgConfig } from '../../../db';
import type { KdfCost } from '../../../main/core/auth/kdf';
import { systemClock } from '../../../main/core/clock';
import type { ChannelInput, ChannelName, ChannelOutput, Result } from '../../../main/contract';
import { createApp } from '../../../main/ipc';
import { aCase, aPerson, anOrganisation } from '../../fixtures/builders';

export interface DeskJob {
  centre: PgConfig;
  dataDir: string;
  username: string;
  password: string;
  kdfCost: KdfCost;
  desk: number;
  rounds: number;
  /** Cases every desk edits. */
  shared: string[];
  committeeId: string;
  mediatorId: string;
}

const job = JSON.parse(process.argv[2] ?? '') as DeskJob;
const app = createApp({ dataDir: job.dataDir, clock: systemClock, kdfCost: job.kdfCost, centre: job.centre });
const say = (line: string) => process.stdout.write(`${line}\n`);

async function call<K extends ChannelName>(channel: K, input: ChannelInput<K>) {
  return (await app.dispatch(channel, input)) as Result<ChannelOutput<K>>;
}

async function ok<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** The registration's fields as an edit sends them back, with a new summary. */
function editOf(
  detail: ChannelOutput<'cases:get'>,
  version: number,
  note: string,
): ChannelInput<'cases:update'> {
  const base = aCase();
  return {
    id: detail.id,
    version,
    disputeType: base.disputeType,
    source: base.source,
    township: base.township,
    village: base.village,
    receivedOn: base.receivedOn,
    summary: `${base.summary}（${note}）`,
    requests: base.requests,
    riskLevel: 'normal',
    riskFlags: [],
    parties: detail.parties.map((p, i) => ({
      ...(i === 0 ? aPerson() : anOrganisation()),
      casePartyId: p.casePartyId,
    })),
  };
}

async function round(n: number): Promise<void> {
  const created = await ok(
    'cases:create',
    aCase({
      parties: [aPerson({ name: `申请人${job.desk}号${n}` }), anOrganisation()],
      repeatReason: '另一起独立纠纷',
    }),
  );
  say(`case ${created.id} ${created.caseNumber}`);

  const sharedId = job.shared[(job.desk + n) % job.shared.length]!;
  const read = await ok('cases:get', { id: sharedId });
  const edited = await call('cases:update', editOf(read, read.version, `第${job.desk}台第${n}次修改`));
  if (edited.ok) say(`edit ${sharedId} ${read.version}`);
  else if (edited.error.code === 'CONFLICT') say(`conflict ${sharedId}`);
  else throw new Error(`cases:update: ${edited.error.code} ${edited.error.message}`);

  if (edited.ok) {
    const again = await call('cases:update', editOf(read, read.version, `第${job.desk}台重复提交`));
    if (again.ok) say(`stale ${sharedId} ok`);
    else if (again.error.code === 'CONFLICT') say(`stale ${sharedId} conflict`);
    else throw new Error(`cases:update (stale): ${again.error.code} ${again.error.message}`);
  }

  await ok('workflow:dispatch', {
    caseId: created.id,
    committeeId: job.committeeId,
    mediatorIds: [job.mediatorId],
    leadMediatorId: job.mediatorId,
  });
  say(`dispatch ${created.id}`);
}

async function main(): Promise<void> {
  await ok('auth:signIn', { username: job.username, password: job.password });
  for (let n = 1; n <= job.rounds; n++) await round(n);
  await ok('auth:signOut', {});
  await app.close();
  say('done');
}

main().catch(async (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  await app.close().catch(() => undefined);
  process.exit(1);
});
