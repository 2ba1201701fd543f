import type { ChannelInput, ChannelName, ChannelOutput, Result, Role } from '../../main/contract';
import { ManualClock } from '../../main/core/clock';
import type { KdfCost } from '../../main/core/auth/kdf';
import { createApp, type App, type AppOptions } from '../../main/ipc';
import type { PgConfig } from '../../db';
import { DATABASE_OPTIONS, superSqlAt, type ClusterPlace } from './pgCluster';
import { removeTempDirs, tempDir } from './tempDir';

/** Cheap scrypt for tests; one test checks the production cost on its own. */
export const testKdfCost: KdfCost = { N: 2 ** 10, r: 8, p: 1 };

export const ADMIN = { username: 'admin', displayName: '王管理', password: 'Admin1234' };

export interface TestApp extends App {
  clock: ManualClock;
  dataDir: string;
  call<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<Result<ChannelOutput<K>>>;
  /** Calls and fails the test unless the result is ok. */
  ok<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>>;
}

const open: App[] = [];

let databases = 0;

/**
 * Under DESK_TEST_STORE=postgres (tests/support/postgresStore.ts) each app works on a database
 * of its own on the run's PostgreSQL, as a desk of the county centre; otherwise on its own file.
 */
export function centreDatabase(): PgConfig | null {
  const where = process.env.DESK_TEST_PG;
  if (!where) return null;
  const cluster = JSON.parse(where) as ClusterPlace;
  const database = `desk_${process.pid}_${++databases}`;
  superSqlAt(
    cluster.dir,
    cluster.port,
  )(`CREATE DATABASE ${database} OWNER ${cluster.user} ${DATABASE_OPTIONS}`);
  return {
    host: '127.0.0.1',
    port: cluster.port,
    database,
    user: cluster.user,
    password: cluster.password,
    tls: { mode: 'verify-full', ca: cluster.caPem },
  };
}
/**
 * Closes the apps the test opened and removes its temporary directories: after every test of
 * every file (tests/support/perFile.ts). Not a hook registered here: with vitest's isolate: false a
 * helper module is loaded once per worker, so a hook registered at its top would run only in the
 * first file that imported it, and every later file's apps (their databases, the centre's
 * connections) would stay open to the end of the run.
 */
export async function closeOpenApps(): Promise<void> {
  for (const app of open.splice(0)) await app.close();
  removeTempDirs();
}

/**
 * Tests run on a fixed calendar day (2026-11-30, 09:00 Beijing) whatever the real date, so
 * dates, deadlines and case-number years never drift; time still flows from there, so ordering
 * by creation time behaves as in real use.
 */
export const TEST_START = Date.parse('2026-11-30T01:00:00.000Z');
const realStart = Date.now();
const testBaseClock = { now: () => new Date(TEST_START + (Date.now() - realStart)) };

/**
 * What a test may add to the app: the desktop's dialogs, a disk that looks full; `centre: null`
 * for a desk that finds its store itself (centre.json, the setup wizard), whatever the run's store.
 */
export type TestAppOptions = Pick<AppOptions, 'dialogs' | 'freeSpace'> & { centre?: PgConfig | null };

export function testApp(dataDir = tempDir(), options: TestAppOptions = {}): TestApp {
  const clock = new ManualClock(testBaseClock);
  const { centre: chosen, ...rest } = options;
  const centre = chosen === undefined ? centreDatabase() : chosen;
  const app = createApp({ dataDir, clock, kdfCost: testKdfCost, ...rest, ...(centre ? { centre } : {}) });
  open.push(app);
  const call = async <K extends ChannelName>(channel: K, input: ChannelInput<K>) =>
    (await app.dispatch(channel, input)) as Result<ChannelOutput<K>>;
  return {
    ...app,
    clock,
    dataDir,
    call,
    async ok(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
  };
}

/**
 * A set-up installation with the admin signed in. Closed after each test, unless `shared`: a
 * whole file's tests read one installation (in a directory the file removes), closed in afterAll.
 */
export async function setUpApp(
  dataDir?: string,
  options: TestAppOptions & { shared?: boolean } = {},
): Promise<TestApp> {
  const { shared, ...appOptions } = options;
  const app = testApp(dataDir, appOptions);
  if (shared) open.splice(open.indexOf(app), 1);
  const { recoveryCode } = await app.ok('setup:begin', {});
  const offices = await app.ok('setup:offices', {});
  await app.ok('setup:complete', {
    office: { kind: 'listed', id: offices[0]!.id },
    admin: { ...ADMIN, passwordConfirm: ADMIN.password },
    recoveryCode,
  });
  (app as TestApp & { recoveryCode: string }).recoveryCode = recoveryCode;
  return app;
}

export async function recoveryCodeOf(app: TestApp): Promise<string> {
  return (app as TestApp & { recoveryCode: string }).recoveryCode;
}

/**
 * Creates a user with the given roles (admin must be signed in) and returns its credentials.
 * `where`: the user's organisations (default: the installation's office) and roster entry.
 */
export async function addUser(
  app: TestApp,
  username: string,
  roles: Role[],
  password = 'Passw0rd1',
  where: { organisationIds?: string[]; mediatorId?: string } = {},
) {
  const user = await app.ok('users:create', {
    username,
    displayName: `测试${username}`.slice(0, 20),
    roles,
    password,
    ...where,
  });
  return { ...user, password };
}

export async function switchUser(app: TestApp, username: string, password: string): Promise<void> {
  if (app.session.state === 'unlocked') await app.ok('auth:signOut', {});
  await app.ok('auth:signIn', { username, password });
}
