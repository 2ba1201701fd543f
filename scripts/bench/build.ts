// Building the benchmark database: set up an installation, create the clerk, and bulk-load N
// cases with the raw writer (the same rows an intake writes, audit chain included). It runs in a
// child process of the benchmark, so that the measured process is what the app would be: one
// that opens an existing 100,000-case database, not one that has just written it.
import { sqliteOf } from '../../db';
import { randomUUID } from 'node:crypto';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../main/contract';
import type { KdfCost } from '../../main/core/auth/kdf';
import { officeDate } from '../../main/core/dates';
import { createApp, type App } from '../../main/ipc';
import { Dataset, type Clerk } from './dataset';
import { RawWriter, type RawContext } from './rawWriter';

export const ADMIN = { username: 'admin', displayName: '王管理', password: 'Admin1234' };
/** The county centre's clerk: registers the measured cases; the county user of the scope figures. */
export const CLERK = { username: 'clerk', displayName: '马晓燕', password: 'Clerk2026ok' };
/** A clerk of 城关镇's committee: the township user of the scope figures. */
export const TOWNSHIP_CLERK = { username: 'chengguan', displayName: '杨小红', password: 'Town2026ok' };
export const TOWNSHIP = '城关镇';
const BATCH = 2_000;

export interface BuildResult {
  /** Query material drawn from the stored cases. */
  picks: {
    name2: string[];
    name3: string[];
    idSuffix: string[];
    /** Two characters from inside an organisation's name (after 平罗县/宁夏/石嘴山市). */
    orgInfix: string[];
    /** The last 4 characters of an organisation's credit code. */
    creditTail: string[];
  };
  bulkSeconds: number;
}

export function client(app: App) {
  return async <K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> => {
    const result = await app.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as ChannelOutput<K>;
  };
}

export function rawContextOf(catalog: ChannelOutput<'catalog:get'>): RawContext {
  return {
    officeId: catalog.ownCommitteeId,
    committees: new Map(
      catalog.committees.map((c) => [c.id, { abbreviation: c.abbreviation, pattern: c.caseNumberPattern }]),
    ),
    disputeTypeNames: new Map(catalog.disputeTypes.map((t) => [t.code, t.name])),
  };
}

/** Every k-th value, up to `max`. */
class Picks {
  readonly values: string[] = [];
  constructor(
    private readonly every: number,
    private readonly max = 2_000,
  ) {}
  offer(i: number, value: string | undefined) {
    if (value && i % this.every === 0 && this.values.length < this.max && !this.values.includes(value))
      this.values.push(value);
  }
}

export async function buildDatabase(
  dir: string,
  options: { cases: number; seed: string; setupCost: KdfCost; clerkCost: KdfCost },
  log: (message: string) => void,
): Promise<BuildResult> {
  // Setup with the cheap cost; the clerk with the cost the measured sign-ins will pay.
  let app = createApp({ dataDir: dir, kdfCost: options.setupCost });
  let ok = client(app);
  const { recoveryCode } = await ok('setup:begin', {});
  const offices = await ok('setup:offices', {});
  const office = offices.find((o) => o.kind === 'county_center') ?? offices[0]!;
  await ok('setup:complete', {
    office: { kind: 'listed', id: office.id },
    admin: { ...ADMIN, passwordConfirm: ADMIN.password },
    recoveryCode,
  });
  await app.close();
  app = createApp({ dataDir: dir, kdfCost: options.clerkCost });
  ok = client(app);
  await ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
  const township = (await ok('catalog:get', {})).committees.find(
    (c) => c.kind === 'township' && c.township === TOWNSHIP,
  )!;
  for (const [clerk, organisation] of [
    [CLERK, office.id],
    [TOWNSHIP_CLERK, township.id],
  ] as const) {
    await ok('users:create', {
      username: clerk.username,
      displayName: clerk.displayName,
      roles: ['intake'],
      password: clerk.password,
      organisationIds: [organisation],
    });
  }
  await ok('auth:signOut', {});
  await ok('auth:signIn', { username: CLERK.username, password: CLERK.password });
  const catalog = await ok('catalog:get', {});

  const dataset = new Dataset({
    seed: options.seed,
    committees: catalog.committees.map((c) => ({ id: c.id, township: c.township, kind: c.kind })),
    from: '2016-01-01',
    to: officeDate(new Date(Date.now() - 86_400_000)),
  });
  // Earlier clerks' work.
  const clerks: Clerk[] = ['张丽', '马建军', '王芳', '杨彦军', '李娜', '丁海燕'].map((name) => ({
    id: randomUUID(),
    name,
  }));
  const every = Math.max(1, Math.floor(options.cases / 2_000));
  const picks = {
    name2: new Picks(every),
    name3: new Picks(every),
    idSuffix: new Picks(every),
    orgInfix: new Picks(every),
    creditTail: new Picks(every),
  };
  const raw = sqliteOf(app.session.requireUnlocked().store).sql.raw;
  // Secondary indexes are built after the load, as any bulk import would; unique ones stay (the
  // writer looks parties up through them). The result is the same database, built faster.
  const deferred = raw
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
         AND tbl_name IN ('cases', 'parties', 'case_parties', 'case_history', 'case_numbers', 'audit_log')`,
    )
    .all() as { name: string; sql: string }[];
  for (const index of deferred) raw.exec(`DROP INDEX ${index.name}`);
  const writer = new RawWriter(app.session.repos(), rawContextOf(catalog), {
    signer: app.session.auditSigner(),
    name: app.session.actor!.displayName,
  });
  const loadBatch = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const c = dataset.bulkCase(i, options.cases);
      writer.write(c, clerks[i % clerks.length]!, c.createdAt, false);
      for (const p of c.parties) {
        if (p.kind === 'organisation') {
          picks.orgInfix.offer(i, p.name.replace(/^(平罗县|宁夏|石嘴山市)/, '').slice(0, 2));
          picks.creditTail.offer(i, p.creditCode?.slice(-4));
        }
        if (p.kind !== 'person') continue;
        const chars = [...p.name].length;
        if (chars === 2) picks.name2.offer(i, p.name);
        if (chars === 3) picks.name3.offer(i, p.name);
        picks.idSuffix.offer(i, p.idNumber?.slice(-4));
      }
    }
    writer.writeHead();
  });
  const started = Date.now();
  for (let i = 0; i < options.cases; i += BATCH) {
    loadBatch(i, Math.min(options.cases, i + BATCH));
    if ((i / BATCH) % 10 === 9) log(`  loaded ${(i + BATCH).toLocaleString('en')}`);
  }
  for (const index of deferred) raw.exec(index.sql);
  const bulkSeconds = (Date.now() - started) / 1000;
  await app.close();
  return {
    picks: {
      name2: picks.name2.values,
      name3: picks.name3.values,
      idSuffix: picks.idSuffix.values,
      orgInfix: picks.orgInfix.values,
      creditTail: picks.creditTail.values,
    },
    bulkSeconds,
  };
}
