// Child process for crashScenario.ts (crash.test.ts, postgres/kill.test.ts): signs in to an existing data directory and registers intakes
// through the real dispatch until it is killed. A line goes to stdout only after the call
// returned ok (the transaction has committed): that is what "acknowledged" means to a clerk.
//
//   node --import tsx crashWorker.ts <dataDir> <username> <password> <kdfCost JSON> <seed> <first> [<centre JSON>]
//
// <centre JSON>: the county centre's PostgreSQL (a PgConfig) the desk works on; else its own file.
// <first> is the index of the first intake (it picks the committee and year, see intake()).
//
// stdout (pipes are synchronous on Linux, so a line written is a line the parent can read):
//   ready
//   case <id> <caseNumber> <applicant name>
//   void <id>
import type { PgConfig } from '../../../db';
import { createApp } from '../../../main/ipc';
import type { KdfCost } from '../../../main/core/auth/kdf';
import type { CreateCaseInput, PartyInput } from '../../../main/contract';
import { SEED } from '../../fixtures/builders';
import { createChineseFaker } from '../../fixtures/chineseNames';

const [dataDir, username, password, kdfJson, seed, first, centreJson] = process.argv.slice(2);
if (!dataDir || !username || !password || !kdfJson || !seed || !first) {
  process.stderr.write(
    'usage: crashWorker.ts <dataDir> <username> <password> <kdfCost JSON> <seed> <first>\n',
  );
  process.exit(64);
}

const YAOFU_COMMITTEE = 'aaf1c7de-86c0-41e1-85e3-ce66b8045107';
const faker = createChineseFaker(seed);

function party(role: PartyInput['role']): PartyInput {
  const p = faker.person();
  return {
    kind: 'person',
    role,
    name: p.name,
    idType: 'resident_id',
    idNumber: p.idNumber,
    phone: p.mobile,
  };
}

function intake(n: number): CreateCaseInput {
  const { township, village } = faker.village();
  const parties = [party('applicant'), party('respondent')];
  if (n % 3 === 0) parties.push(party('third_party'));
  return {
    disputeType: faker.pick(['neighbour', 'contract', 'labour', 'marriage_family']),
    source: 'party_application',
    township,
    village,
    // Three number sequences: two committees this year, one of them also last year.
    receivedOn: n % 5 === 4 ? '2025-12-30' : '2026-11-02',
    summary: `${parties[0]!.name}与${parties[1]!.name}因${faker.pick(['院墙', '工资', '彩礼', '货款'])}问题发生纠纷。`,
    requests: '请求依法调解。',
    amountFen: String(faker.int(100, 90_000)),
    committeeId: n % 2 === 0 ? SEED.countyCenterId : YAOFU_COMMITTEE,
    parties,
    relatedCaseIds: [],
    repeatReason: '另一纠纷，与前案无关',
  };
}

async function main(): Promise<void> {
  const app = createApp({
    dataDir: dataDir!,
    kdfCost: JSON.parse(kdfJson!) as KdfCost,
    ...(centreJson ? { centre: JSON.parse(centreJson) as PgConfig } : {}),
  });
  const signedIn = await app.dispatch('auth:signIn', { username, password });
  if (!signedIn.ok) throw new Error(`sign-in: ${signedIn.error.message}`);
  process.stdout.write('ready\n');
  for (let n = Number(first); ; n++) {
    const input = intake(n);
    const created = await app.dispatch('cases:create', input);
    if (!created.ok) throw new Error(`cases:create: ${created.error.code} ${created.error.message}`);
    const c = created.value as { id: string; caseNumber: string };
    process.stdout.write(`case ${c.id} ${c.caseNumber} ${input.parties[0]!.name}\n`);
    if (n % 7 === 6) {
      const voided = await app.dispatch('cases:void', { id: c.id, reason: '重复登记，误操作' });
      if (!voided.ok) throw new Error(`cases:void: ${voided.error.message}`);
      process.stdout.write(`void ${c.id}\n`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
