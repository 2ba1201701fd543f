import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';

// A throwaway PostgreSQL for the tests (issue 17): Debian's server binaries, a cluster in a temp
// directory on a free port, TLS on with a certificate made here, password sign-in over TLS only
// (hostssl; plain TCP is rejected), gone after the suite. CI runs as root and PostgreSQL refuses
// to, so as root the cluster belongs to the `postgres` user the package creates.

export interface PgCluster {
  host: '127.0.0.1';
  port: number;
  dir: string;
  /** The application's role and database (owner of the database: tests make their own schema). */
  user: string;
  password: string;
  database: string;
  /** PEM of the CA that signed the server certificate (for verify-full). */
  caPem: string;
  /** SHA-256 of the server certificate (for pinning), hex. */
  fingerprint: string;
  /** Runs SQL as the superuser over the local socket (setup, inspection). */
  superSql(sql: string): string;
  /** pg_ctl: stop and start again (the desks' view: a server restart). */
  restart(): void;
  /** The same restart ('fast': sessions cut) from another process while this one goes on working. */
  restartInBackground(): Promise<void>;
  stop(): void;
  start(): void;
  /** Stops the server and removes everything. */
  destroy(): void;
}

/** Where Debian put the server's binaries: the newest installed major version ≥ 15. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .map(Number)
    .filter((v) => v >= 15 && existsSync(join(root, String(v), 'bin', 'initdb')))
    .sort((a, b) => b - a);
  return versions.length ? join(root, String(versions[0]), 'bin') : null;
}

const asRoot = process.getuid?.() === 0;

/** Where a cluster is, as the test processes find it (DESK_TEST_PG, read by tests/helpers/app.ts). */
export interface ClusterPlace {
  dir: string;
  port: number;
  user: string;
  password: string;
  caPem: string;
}

export const placeOf = (c: PgCluster): string =>
  JSON.stringify({
    dir: c.dir,
    port: c.port,
    user: c.user,
    password: c.password,
    caPem: c.caPem,
  } satisfies ClusterPlace);

/** How the centre's database is made (README): UTF-8, text compared byte for byte (C). */
export const DATABASE_OPTIONS = `TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`;

/** Runs a server binary as the cluster's owner (the postgres user when the tests run as root). */
function runAsOwner(bin: string, command: string, args: string[]): string {
  const result = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { encoding: 'utf8' })
    : spawnSync(join(bin, command), args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** SQL as the superuser over the cluster's local socket (in `dir`), from any process. */
export function superSqlAt(dir: string, port: number): (sql: string) => string {
  const bin = postgresBin();
  if (!bin)
    throw new Error('缺少 PostgreSQL 服务器（15 或更新）：请先运行 bash scripts/install-system-deps.sh');
  return (sql) =>
    runAsOwner(bin, 'psql', [
      '-h',
      dir,
      '-p',
      String(port),
      '-U',
      'postgres',
      '-d',
      'postgres',
      '-X',
      '-q',
      '-A',
      '-t',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      sql,
    ]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function certificates(dir: string): { caPem: string; fingerprint: string } {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '30',
    '-subj',
    '/CN=平罗县人民调解中心 测试 CA',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-utf8',
  );
  openssl(
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
  );
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '30',
    '-extfile',
    'san.ext',
    '-out',
    'server.crt',
  );
  const caPem = readFileSync(join(dir, 'ca.crt'), 'utf8');
  const fingerprint = new X509Certificate(readFileSync(join(dir, 'server.crt'))).fingerprint256
    .replace(/:/g, '')
    .toLowerCase();
  return { caPem, fingerprint };
}

export interface ClusterOptions {
  /** Serve TLS (default true); false only to prove the desk refuses a server without it. */
  ssl?: boolean;
  /** fsync (default off: a test cluster need not survive a power cut; kill tests turn it on). */
  fsync?: boolean;
  /**
   * A server set up as the operator guide says (README): shared_buffers 1 GB, random_page_cost
   * 1.1. The tests' small databases need neither (64 MB and the default); the bench's does.
   */
  asGuided?: boolean;
}

export async function startCluster(options: ClusterOptions = {}): Promise<PgCluster> {
  const bin = postgresBin();
  if (!bin)
    throw new Error('缺少 PostgreSQL 服务器（15 或更新）：请先运行 bash scripts/install-system-deps.sh');
  const dir = mkdtempSync(join(tmpdir(), 'desk-pg-'));
  const data = join(dir, 'data');
  const { caPem, fingerprint } = certificates(dir);
  const owner = asRoot
    ? (() => {
        const id = (flag: string) =>
          Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
        return { uid: id('-u'), gid: id('-g') };
      })()
    : null;
  if (owner)
    for (const f of ['', 'server.key', 'server.crt', 'ca.crt']) chownSync(join(dir, f), owner.uid, owner.gid);
  const run = (command: string, args: string[]) => runAsOwner(bin, command, args);
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const ssl = options.ssl ?? true;
  writeFileSync(
    join(data, 'postgresql.conf'),
    [
      `port = ${port}`,
      // 127.0.0.2 too: the same server under an address its certificate does not name.
      `listen_addresses = '127.0.0.1,127.0.0.2'`,
      `unix_socket_directories = '${dir}'`,
      `ssl = ${ssl ? 'on' : 'off'}`,
      `ssl_cert_file = '${join(dir, 'server.crt')}'`,
      `ssl_key_file = '${join(dir, 'server.key')}'`,
      `fsync = ${options.fsync ? 'on' : 'off'}`,
      `synchronous_commit = ${options.fsync ? 'on' : 'off'}`,
      `max_connections = 100`,
      `shared_buffers = ${options.asGuided ? '1GB' : '64MB'}`,
      ...(options.asGuided ? ['random_page_cost = 1.1'] : []),
      '',
    ].join('\n'),
    { flag: 'a' },
  );
  // The superuser only on the local socket; everyone else by password over TLS; plain TCP refused.
  writeFileSync(
    join(data, 'pg_hba.conf'),
    [
      'local all postgres trust',
      'hostssl all all 127.0.0.1/32 scram-sha-256',
      'host all all 127.0.0.1/32 reject',
      '',
    ].join('\n'),
  );
  if (owner) chownSync(join(data, 'pg_hba.conf'), owner.uid, owner.gid);
  const ctl = (action: string, mode: 'fast' | 'immediate' = 'fast') =>
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      ...(action === 'stop' ? ['-m', mode] : []),
      action,
    ]);
  ctl('start');
  const superSql = superSqlAt(dir, port);
  const user = 'desk';
  const password = 'Desk-test-2026';
  const database = 'mediation';
  superSql(`CREATE ROLE ${user} LOGIN PASSWORD '${password}'`);
  superSql(`CREATE DATABASE ${database} OWNER ${user} ${DATABASE_OPTIONS}`);
  let running = true;
  return {
    host: '127.0.0.1',
    port,
    dir,
    user,
    password,
    database,
    caPem,
    fingerprint,
    superSql,
    restart: () => ctl('restart'),
    restartInBackground: () =>
      new Promise<void>((done, fail) => {
        const args = ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-m', 'fast', 'restart'];
        const child = asRoot
          ? spawn('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args], { stdio: 'ignore' })
          : spawn(join(bin, 'pg_ctl'), args, { stdio: 'ignore' });
        child.on('error', fail);
        child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`pg_ctl restart: ${code}`))));
      }),
    stop: () => {
      ctl('stop');
      running = false;
    },
    start: () => {
      ctl('start');
      running = true;
    },
    destroy: () => {
      if (running) {
        try {
          // Immediate: no shutdown checkpoint for a cluster about to be deleted. A fast stop of one
          // that held a run's hundreds of test databases took long enough on a loaded CI machine
          // for vitest's teardown timeout to end the run first, leaving the server running.
          ctl('stop', 'immediate');
        } catch {
          // Removing the directory below is what matters; a server that will not stop dies with it.
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
