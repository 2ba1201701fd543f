import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgBridge } from '../../../db/postgres/bridge';
import type { PgConfig } from '../../../db/postgres/config';
import { StoreRefusedError, StoreStatementError, StoreUnavailableError } from '../../../db/postgres/errors';
import { CHANGED_KEPT, changedTextsKept, postgresText } from '../../../db/postgres/statementText';
import { startCluster, type PgCluster } from '../../helpers/pgCluster';

// The synchronous connection to the centre's PostgreSQL (issue 17): TLS either way it is set up,
// the values the repositories expect (as better-sqlite3 gives them), transactions, and what a
// clerk reads when the server or the network goes away.

let cluster: PgCluster;
const open: PgBridge[] = [];

const configOf = (c: PgCluster, over: Partial<PgConfig> = {}): PgConfig => ({
  host: c.host,
  port: c.port,
  database: c.database,
  user: c.user,
  password: c.password,
  tls: { mode: 'verify-full', ca: c.caPem },
  applicationName: 'bridge-test',
  ...over,
});

function connect(over: Partial<PgConfig> = {}): PgBridge {
  const bridge = PgBridge.open(configOf(cluster, over));
  open.push(bridge);
  return bridge;
}

function refusal(over: Partial<PgConfig>, c = cluster): StoreRefusedError {
  try {
    PgBridge.open(configOf(c, over)).close();
  } catch (error) {
    if (error instanceof StoreRefusedError) return error;
    throw error;
  }
  throw new Error('connected, but should have been refused');
}

const killDesks = () =>
  cluster.superSql(
    `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'bridge-test'`,
  );

beforeAll(async () => {
  cluster = await startCluster();
}, 120_000);

afterAll(() => {
  for (const b of open) b.close();
  cluster?.destroy();
});

describe('statement text', () => {
  it('numbers the parameters, not question marks inside literals, identifiers or comments', () => {
    expect(postgresText(`SELECT a FROM t WHERE b = ? AND c = '?' AND "d?" = ? -- ?\n AND e IN (?, ?)`)).toBe(
      `SELECT a FROM t WHERE b = $1 AND c = '?' AND "d?" = $2 -- ?\n AND e IN ($3, $4)`,
    );
    expect(postgresText(`SELECT 'it''s ?', ? /* ? */`)).toBe(`SELECT 'it''s ?', $1 /* ? */`);
  });

  it('remembers a bounded number of texts, and changes each the same after others were forgotten', () => {
    const often = `SELECT id AS caseId FROM cases WHERE id = ?`;
    postgresText(often);
    // A desk that runs for weeks meets id lists of every length: a text for each.
    for (let n = 1; n <= CHANGED_KEPT + 500; n++) {
      postgresText(`SELECT id FROM cases WHERE id IN (${Array.from({ length: n }, () => '?').join(', ')})`);
      if (n % 100 === 0) postgresText(often);
    }
    expect(changedTextsKept()).toBe(CHANGED_KEPT);
    expect(postgresText(often)).toBe(`SELECT id AS "caseId" FROM cases WHERE id = $1`);
    expect(postgresText(`SELECT ? AS oneThing`)).toBe(`SELECT $1 AS "oneThing"`);
    expect(changedTextsKept()).toBe(CHANGED_KEPT);
  });

  it('reads SQLite’s IS and IS NOT between values as NULL-safe comparisons, and leaves IS NULL', () => {
    expect(postgresText(`WHERE a IS NOT ? AND b IS ? AND c IS NULL AND d IS NOT NULL`)).toBe(
      `WHERE a IS DISTINCT FROM $1 AND b IS NOT DISTINCT FROM $2 AND c IS NULL AND d IS NOT NULL`,
    );
  });

  it('turns INSERT OR IGNORE into ON CONFLICT DO NOTHING', () => {
    expect(postgresText(`INSERT OR IGNORE INTO s (a, b) SELECT ?, c.rowid FROM cases c WHERE c.id = ?`)).toBe(
      `INSERT INTO s (a, b) SELECT $1, c.rowid FROM cases c WHERE c.id = $2 ON CONFLICT DO NOTHING`,
    );
    expect(postgresText(`INSERT OR IGNORE INTO s (a) VALUES (?) RETURNING a`)).toBe(
      `INSERT INTO s (a) VALUES ($1) ON CONFLICT DO NOTHING RETURNING a`,
    );
  });

  it('drops SQLite’s planner hints and keeps their meaning', () => {
    expect(
      postgresText(
        `SELECT x FROM cases c INDEXED BY ix_cases_received CROSS JOIN case_parties cp ON cp.case_id = c.id CROSS JOIN t WHERE +c.deleted_at IS NULL AND a + b > 1`,
      ),
    ).toBe(
      `SELECT x FROM cases c JOIN case_parties cp ON cp.case_id = c.id CROSS JOIN t WHERE c.deleted_at IS NULL AND a + b > 1`,
    );
  });

  it('quotes camelCase aliases and the references to them, so rows come back with the keys the repositories name', () => {
    expect(postgresText(`SELECT caseId FROM (SELECT c.id AS caseId FROM cases c) x ORDER BY caseId`)).toBe(
      `SELECT "caseId" FROM (SELECT c.id AS "caseId" FROM cases c) x ORDER BY "caseId"`,
    );
    expect(
      postgresText(
        `SELECT p.birth_date AS birthDate, count(*) AS n, CAST(x AS TEXT) AS "caseId", 'AS fooBar' FROM p`,
      ),
    ).toBe(
      `SELECT p.birth_date AS "birthDate", count(*) AS n, CAST(x AS TEXT) AS "caseId", 'AS fooBar' FROM p`,
    );
    const b = connect();
    expect(b.query(postgresText(`SELECT 1 AS birthDate, 2 AS plain`)).rows).toEqual([
      { birthDate: 1, plain: 2 },
    ]);
  });
});

describe('TLS', () => {
  it('connects with the centre CA and the host name checked (verify-full)', () => {
    const b = connect();
    expect(b.query<{ ssl: number }>(`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`).rows).toEqual(
      [{ ssl: 1 }],
    );
  });

  it('connects to the pinned certificate, whatever separators and case the fingerprint was typed with', () => {
    const typed = cluster.fingerprint.toUpperCase().match(/../g)!.join(':');
    const b = connect({ tls: { mode: 'pinned', fingerprint: typed } });
    expect(b.query<{ one: number }>('SELECT 1 AS one').rows[0]!.one).toBe(1);
  });

  it('refuses a server whose certificate is not the pinned one, naming what it showed', () => {
    const other = 'ab'.repeat(32);
    const error = refusal({ tls: { mode: 'pinned', fingerprint: other } });
    expect(error.message).toContain('指纹');
    expect(error.message).toContain(cluster.fingerprint.slice(0, 2).toUpperCase());
    expect(refusal({ tls: { mode: 'pinned', fingerprint: 'abc' } }).message).toContain('64 位十六进制');
  });

  it('refuses a certificate the configured CA did not sign, and a host name the certificate does not name', async () => {
    const stranger = await startCluster();
    try {
      expect(refusal({ tls: { mode: 'verify-full', ca: stranger.caPem } }).message).toContain('未通过验证');
    } finally {
      stranger.destroy();
    }
    // The certificate names localhost and 127.0.0.1; the same server by another name fails.
    expect(refusal({ host: '127.0.0.2' }).message).toContain('未通过验证');
  }, 120_000);

  it('refuses a server without TLS', async () => {
    const plain = await startCluster({ ssl: false });
    try {
      expect(refusal({}, plain).message).toContain('没有启用加密连接');
    } finally {
      plain.destroy();
    }
  }, 120_000);

  it('says so when the password is wrong or the database is not there', () => {
    expect(refusal({ password: 'wrong' }).message).toContain('用户名或密码不正确');
    expect(refusal({ database: 'nosuch' }).message).toContain('“nosuch”');
  });
});

describe('values and statements', () => {
  it('gives numbers for counts and sums, 1/0 for truth, text for dates, Buffers for bytes, null for null', () => {
    const b = connect();
    const row = b.query(
      `SELECT count(*) AS n, sum(x)::numeric AS total, true AS yes, 1 = 2 AS no, DATE '2026-12-07' AS day,
              TIMESTAMPTZ '2026-12-07 08:00:00+00' AS at, '\\x0102ff'::bytea AS bytes, NULL::text AS nothing
         FROM (VALUES (1), (2)) v(x)`,
    ).rows[0];
    expect(row).toEqual({
      n: 2,
      total: 3,
      yes: 1,
      no: 0,
      day: '2026-12-07',
      at: expect.stringMatching(/^2026-12-07 08:00:00/) as unknown,
      bytes: Buffer.from([1, 2, 255]),
      nothing: null,
    });
  });

  it('reports a rejected statement with its SQLSTATE, and the connection goes on', () => {
    const b = connect();
    b.query('CREATE TABLE IF NOT EXISTS uniq (k text PRIMARY KEY)');
    b.query('INSERT INTO uniq VALUES ($1)', ['a']);
    expect(() => b.query('INSERT INTO uniq VALUES ($1)', ['a'])).toThrow(
      expect.objectContaining({ code: '23505', constructor: StoreStatementError }),
    );
    expect(b.query('SELECT count(*) AS n FROM uniq').rows).toEqual([{ n: 1 }]);
  });

  it('keeps a rolled-back transaction out and a committed one in', () => {
    const b = connect();
    b.query('CREATE TABLE IF NOT EXISTS tx (k text)');
    b.query('BEGIN');
    b.query('INSERT INTO tx VALUES ($1)', ['gone']);
    b.query('ROLLBACK');
    b.query('BEGIN');
    b.query('INSERT INTO tx VALUES ($1)', ['kept']);
    b.query('COMMIT');
    expect(connect().query('SELECT k FROM tx').rows).toEqual([{ k: 'kept' }]);
  });
});

describe('writes sent with the next statement', () => {
  it('runs them in order before it, and counts each write’s rows', () => {
    const b = connect();
    b.query('CREATE TABLE IF NOT EXISTS later (k text PRIMARY KEY, n int)');
    b.defer('BEGIN', []);
    const inserted = b.defer('INSERT INTO later VALUES ($1, 1), ($2, 1), ($3, 1)', ['a', 'b', 'c']);
    const updated = b.defer('UPDATE later SET n = n + 1 WHERE k <> $1', ['a']);
    expect(b.query('SELECT k, n FROM later ORDER BY k').rows).toEqual([
      { k: 'a', n: 1 },
      { k: 'b', n: 2 },
      { k: 'c', n: 2 },
    ]);
    expect([inserted.rowCount(), updated.rowCount()]).toEqual([3, 2]);
    // Asked for before anything else goes, a count sends what waits.
    const deleted = b.defer('DELETE FROM later WHERE k = $1', ['c']);
    expect(deleted.rowCount()).toBe(1);
    b.query('COMMIT');
    expect(connect().query('SELECT count(*) AS n FROM later').rows).toEqual([{ n: 2 }]);
  });

  it('reports a refused write with its own SQLSTATE and text where the next statement is sent, and commits nothing', () => {
    const b = connect();
    b.query('CREATE TABLE IF NOT EXISTS refused (k text PRIMARY KEY)');
    b.defer('BEGIN', []);
    b.defer('INSERT INTO refused VALUES ($1)', ['x']);
    b.defer('INSERT INTO refused VALUES ($1) /* the second */', ['x']);
    b.defer('INSERT INTO refused VALUES ($1)', ['y']);
    expect(() => b.query('COMMIT')).toThrow(
      expect.objectContaining({
        code: '23505',
        constructor: StoreStatementError,
        message: expect.stringContaining('/* the second */') as unknown,
      }),
    );
    // The COMMIT ended the failed transaction: the connection goes on outside one.
    expect(b.query('SELECT count(*) AS n FROM refused').rows).toEqual([{ n: 0 }]);
  });

  it('drops what waits when told the transaction is being rolled back: nothing of it reaches the server', () => {
    const b = connect();
    b.query('CREATE TABLE IF NOT EXISTS dropped (k text PRIMARY KEY)');
    b.query('INSERT INTO dropped VALUES ($1)', ['x']);
    b.defer('BEGIN', []);
    b.defer('INSERT INTO dropped VALUES ($1)', ['x']);
    b.discard();
    b.query('ROLLBACK');
    expect(b.query('SELECT count(*) AS n FROM dropped').rows).toEqual([{ n: 1 }]);
  });
});

describe('when the connection goes', () => {
  it('between transactions, connects again for the next statement without a word', () => {
    const b = connect();
    b.query('SELECT 1');
    expect(killDesks().trim()).not.toBe('0');
    expect(b.query<{ one: number }>('SELECT 1 AS one').rows).toEqual([{ one: 1 }]);
  });

  it('inside a transaction, says nothing was saved, refuses the rest of it, and works after ROLLBACK', () => {
    const b = connect();
    b.query('CREATE TABLE IF NOT EXISTS lost (k text)');
    b.query('BEGIN');
    b.query('INSERT INTO lost VALUES ($1)', ['half']);
    killDesks();
    expect(() => b.query('INSERT INTO lost VALUES ($1)', ['rest'])).toThrow(StoreUnavailableError);
    expect(() => b.query('INSERT INTO lost VALUES ($1)', ['more'])).toThrow(/没有保存/);
    b.query('ROLLBACK');
    expect(b.query('SELECT count(*) AS n FROM lost').rows).toEqual([{ n: 0 }]);
  });

  it('with writes waiting, says nothing was saved when the connection had gone before they were sent', () => {
    const b = connect();
    b.query('CREATE TABLE IF NOT EXISTS waited (k text)');
    b.query('BEGIN');
    b.query('INSERT INTO waited VALUES ($1)', ['first']);
    killDesks();
    b.defer('INSERT INTO waited VALUES ($1)', ['second']);
    expect(() => b.query('COMMIT')).toThrow(/本次操作没有保存/);
    b.query('ROLLBACK');
    expect(b.query('SELECT count(*) AS n FROM waited').rows).toEqual([{ n: 0 }]);
  });

  it('inside a transaction rolled back to a savepoint, still knows the transaction is lost', () => {
    const b = connect();
    b.query('BEGIN');
    b.query('SAVEPOINT s1');
    b.query('ROLLBACK TO SAVEPOINT s1');
    killDesks();
    expect(() => b.query('SELECT 1')).toThrow(/没有保存/);
    b.query('ROLLBACK');
    expect(b.query<{ one: number }>('SELECT 1 AS one').rows).toEqual([{ one: 1 }]);
  });

  it('while the server is down, says it cannot be reached; after the restart it works again', () => {
    const b = connect();
    b.query('SELECT 1');
    cluster.stop();
    try {
      expect(() => b.query('SELECT 1')).toThrow(/无法连接县中心数据库（127\.0\.0\.1:\d+\/mediation）/);
    } finally {
      cluster.start();
    }
    expect(b.query<{ one: number }>('SELECT 1 AS one').rows).toEqual([{ one: 1 }]);
  }, 60_000);
});
