import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../db';
import { PgBridge } from '../../../db/postgres/bridge';
import { StoreStatementError } from '../../../db/postgres/errors';
import {
  columnClasses,
  isTable,
  sealedColumns,
  tokenColumn,
  tokenized,
} from '../../../db/postgres/schema/columns';
import { ddl, SCHEMA_VERSION } from '../../../db/postgres/schema/ddl';
import {
  generatedFiles,
  omittedTables,
  postgresSchema,
  renderJson,
  renderSql,
  SCHEMA_VERSION_TABLE,
} from '../../../db/postgres/schema/generate';
import { rowidTables } from '../../../db/postgres/schema/rowid';
import { sealingPlanSource } from '../../../db/postgres/schema/sealingPlan';
import { CENTRE_KEYS, CENTRE_KEY_USERS } from '../../../db/postgres/schema/keys';
import { CASE_SEARCH, caseSearchColumns } from '../../../db/postgres/schema/search';
import { readSqliteSchema, type SqliteSchema, type SqliteTable } from '../../../db/postgres/schema/sqlite';
import { seal, SEAL_MAGIC, sealingKeys, token } from '../../../db/postgres/sealed';
import { Sealing } from '../../../db/postgres/sealing';
import { PgSql } from '../../../db/postgres/sql';
import { PartyRepository, type PartyRow } from '../../../db/repositories/parties';
import { startCluster, type PgCluster } from '../../helpers/pgCluster';
import { tempStore } from '../../helpers/store';
import { removeTempDirs } from '../../helpers/tempDir';

// The county centre's PostgreSQL schema (issue 17) against the SQLite store it stands for: made
// by the app's role from the checked-in statements in a throwaway cluster, then compared table
// by table, column by column, index by index and trigger by trigger with a freshly migrated
// SQLite store; every sealed column refuses plaintext; and the checked-in files are what the
// generator writes now, so a migration without its PostgreSQL twin fails here.

const lowerKeys = (row: object | undefined) =>
  row && Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v as unknown]));

/** Thrown to roll a probe's transaction back. */
class Rollback extends Error {}

let cluster: PgCluster;
let pg: PgBridge;
let store: Store;
let sqlite: SqliteSchema;
const keys = sealingKeys(randomBytes(32));

beforeAll(async () => {
  cluster = await startCluster();
  store = (await tempStore()).store;
  sqlite = readSqliteSchema(store.sql.raw);
  pg = PgBridge.open({
    host: cluster.host,
    port: cluster.port,
    database: cluster.database,
    user: cluster.user,
    password: cluster.password,
    tls: { mode: 'verify-full', ca: cluster.caPem },
    applicationName: 'schema-test',
  });
  for (const statement of ddl) pg.query(statement);
}, 120_000);

afterAll(async () => {
  pg?.close();
  cluster?.destroy();
  await store?.close();
  removeTempDirs();
});

/** The SQLite tables that have a PostgreSQL table of the same shape (plus its added columns). */
const ordinary = () =>
  sqlite.tables.filter((t) => !t.virtual && !t.shadowOf && !omittedTables[t.name]) as (SqliteTable & {
    name: keyof typeof columnClasses;
  })[];

interface PgColumn {
  table: string;
  column: string;
  type: string;
  nullable: number;
  hasDefault: number;
  collation: string | null;
  identity: number;
}

function pgColumns(): Map<string, Map<string, PgColumn>> {
  const rows = pg.query<PgColumn>(
    `SELECT table_name AS "table", column_name AS "column",
            CASE WHEN data_type = 'ARRAY' THEN substring(udt_name from 2) || '[]' ELSE data_type END AS type,
            (is_nullable = 'YES') AS nullable, (column_default IS NOT NULL) AS "hasDefault",
            collation_name AS collation, (is_identity = 'YES') AS identity
       FROM information_schema.columns WHERE table_schema = current_schema()`,
  ).rows;
  const out = new Map<string, Map<string, PgColumn>>();
  for (const r of rows) {
    const table = out.get(r.table) ?? new Map<string, PgColumn>();
    table.set(r.column, r);
    out.set(r.table, table);
  }
  return out;
}

/** SQLite's declared types and the PostgreSQL types that hold the same values. */
const compatible: Record<string, string> = {
  TEXT: 'text',
  INTEGER: 'bigint',
  BOOLEAN: 'integer',
  REAL: 'double precision',
  BLOB: 'bytea',
};

describe('tables and columns', () => {
  it('has every SQLite table and column, with a compatible type, NOT NULL and default as in SQLite', () => {
    const live = pgColumns();
    for (const t of ordinary()) {
      const columns = live.get(t.name);
      expect(columns, t.name).toBeDefined();
      const sealed = new Set(sealedColumns(t.name));
      for (const c of t.columns) {
        const found = columns!.get(c.name);
        const where = `${t.name}.${c.name}`;
        expect(found, where).toBeDefined();
        expect(found!.type, where).toBe(sealed.has(c.name) ? 'bytea' : compatible[c.type]);
        expect(found!.nullable, where).toBe(c.notNull || c.pk > 0 ? 0 : 1);
        // A sealed column has no default: a plaintext default cannot be sealed.
        expect(found!.hasDefault, where).toBe(c.default !== null && !sealed.has(c.name) ? 1 : 0);
        // Text takes the database's collation (C, byte for byte, as SQLite's BINARY: the store checks it).
        if (found!.type === 'text') expect(found!.collation, where).toBeNull();
      }
      const added = [...columns!.keys()].filter((name) => !t.columns.some((c) => c.name === name));
      const expected = [...tokenized(t.name).map(tokenColumn), ...(rowidTables[t.name] ? ['rowid'] : [])];
      expect(added.sort(), t.name).toEqual(expected.sort());
      for (const name of tokenized(t.name)) expect(columns!.get(tokenColumn(name))!.type).toBe('bytea');
      if (rowidTables[t.name]) {
        expect(columns!.get('rowid')).toMatchObject({ type: 'bigint', nullable: 0, identity: 1 });
      }
    }
  });

  it('differs from SQLite only where documented: no bookkeeping or FTS5 shadow tables, case_search as arrays, the users’ keys, schema_version', () => {
    const live = pgColumns();
    const expected = [
      ...ordinary().map((t) => t.name),
      CASE_SEARCH,
      CENTRE_KEYS,
      CENTRE_KEY_USERS,
      SCHEMA_VERSION_TABLE,
    ].sort();
    expect([...live.keys()].sort()).toEqual(expected);
    const omitted = sqlite.tables.filter((t) => omittedTables[t.name] || t.shadowOf).map((t) => t.name);
    expect(omitted.sort()).toEqual([
      'case_search_config',
      'case_search_data',
      'case_search_docsize',
      'case_search_idx',
      'migrations',
    ]);
    const search = live.get(CASE_SEARCH)!;
    expect(Object.fromEntries([...search].map(([name, c]) => [name, c.type]))).toEqual(caseSearchColumns);
    // The FTS5 table's own columns are there, with the case's rowid as key.
    const fts = sqlite.tables.find((t) => t.name === CASE_SEARCH)!;
    for (const c of fts.columns) expect(search.has(c.name), c.name).toBe(true);
    expect(pg.query(`SELECT version FROM ${SCHEMA_VERSION_TABLE}`).rows).toEqual([
      { version: SCHEMA_VERSION },
    ]);
    expect(SCHEMA_VERSION).toBe(27);
  });

  it('classifies every column of every table exactly once, and tokens only sealed columns', () => {
    for (const t of ordinary()) {
      const classes = columnClasses[t.name];
      const sealed = sealedColumns(t.name);
      expect([...classes.plain, ...sealed].sort(), t.name).toEqual(t.columns.map((c) => c.name).sort());
      for (const name of tokenized(t.name)) expect(sealed, `${t.name}.${name}`).toContain(name);
    }
    expect(Object.keys(columnClasses).every(isTable)).toBe(true);
  });

  it('keeps the foreign keys SQLite enforces (db/pragmas.ts turns foreign_keys on)', () => {
    const live = pg.query<{ table: string; columns: string[]; target: string; to: string[] }>(
      `SELECT t.relname AS "table", r.relname AS target,
              array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
              array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                      JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS "to"
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
        WHERE c.contype = 'f'`,
    ).rows;
    const key = (table: string, columns: string[], target: string, to: string[]) =>
      `${table}(${columns.join(',')}) → ${target}(${to.join(',')})`;
    const expected = ordinary().flatMap((t) =>
      t.foreignKeys.map((f) => key(t.name, f.columns, f.table, f.to)),
    );
    expect(live.map((f) => key(f.table, f.columns, f.target, f.to)).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(40);
  });

  it('holds the rows a fresh SQLite store is seeded with', () => {
    for (const [table, rows] of Object.entries(sqlite.rows)) {
      if (omittedTables[table] || sqlite.tables.find((t) => t.name === table)?.shadowOf) continue;
      const key = table === 'dispute_types' ? 'code' : 'id';
      const live = pg.query(`SELECT * FROM ${table} ORDER BY ${key}`).rows;
      const order = (a: Record<string, unknown>, b: Record<string, unknown>) =>
        String(a[key]) < String(b[key]) ? -1 : 1;
      expect(live, table).toEqual([...rows].sort(order));
    }
    expect(Object.keys(sqlite.rows)).toEqual(
      expect.arrayContaining(['organisations', 'dispute_types', 'villages']),
    );
  });
});

describe('sealed columns', () => {
  /** A value of the column's type that passes everything but the constraints dropped for the probe. */
  function filler(table: string, column: PgColumn): unknown {
    if (column.type === 'bytea') {
      const sealedOne = isTable(table) && sealedColumns(table).includes(column.column);
      return sealedOne ? seal(keys, 'x') : token(keys, 'x');
    }
    return column.type === 'text' ? `x-${column.column}` : 1;
  }

  it('refuses plaintext and a short value in every sealed column, and takes a sealed one', () => {
    const live = pgColumns();
    let probed = 0;
    pg.query('BEGIN');
    try {
      for (const t of ordinary()) {
        const sealed = sealedColumns(t.name);
        if (!sealed.length) continue;
        // Only the sealed and token checks (and NOT NULL) are under test: the rest would need a
        // valid case, party and so on behind each row. Dropped inside the transaction, and back
        // with the rollback.
        const others = pg.query<{ name: string }>(
          `SELECT conname AS name FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('c', 'f')
              AND conname NOT LIKE '%\\_sealed' AND conname NOT LIKE '%\\_token'`,
          [t.name],
        ).rows;
        for (const c of others) pg.query(`ALTER TABLE ${t.name} DROP CONSTRAINT ${c.name}`);
        const columns = [...live.get(t.name)!.values()].filter((c) => !c.identity);
        const row = Object.fromEntries(columns.map((c) => [c.column, filler(t.name, c)]));
        const insert = `INSERT INTO ${t.name} (${columns.map((c) => c.column).join(', ')})
          VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
        const attempt = (column: string, value: unknown): StoreStatementError | null => {
          pg.query('SAVEPOINT probe');
          try {
            pg.query(
              insert,
              columns.map((c) => (c.column === column ? value : row[c.column])),
            );
            return null;
          } catch (error) {
            if (error instanceof StoreStatementError) return error;
            throw error;
          } finally {
            pg.query('ROLLBACK TO SAVEPOINT probe');
          }
        };
        for (const column of sealed) {
          const where = `${t.name}.${column}`;
          // Plain text; a sealed-looking start too short to be one; a kind that is neither text nor bytes.
          const wrongKind = Buffer.concat([SEAL_MAGIC, Buffer.from([3]), randomBytes(40)]);
          for (const bad of [
            '张三',
            Buffer.concat([SEAL_MAGIC, Buffer.from([1]), randomBytes(10)]),
            wrongKind,
          ]) {
            const error = attempt(column, bad);
            expect(error?.code, where).toBe('23514');
            expect(error?.message, where).toContain(`${t.name}_${column}_sealed`);
          }
          expect(attempt(column, seal(keys, '张三')), where).toBeNull();
          expect(attempt(column, seal(keys, Buffer.from('%PDF-1.7'))), where).toBeNull();
          probed++;
        }
        // A token of the wrong length, or none beside a value, is refused too.
        for (const column of tokenized(t.name)) {
          const where = `${t.name}.${tokenColumn(column)}`;
          const short = attempt(tokenColumn(column), randomBytes(16));
          expect(short?.code, where).toBe('23514');
          expect(short?.message, where).toContain(`${t.name}_${tokenColumn(column)}_token`);
          const missing = attempt(tokenColumn(column), null);
          if (live.get(t.name)!.get(tokenColumn(column))!.nullable) {
            expect(missing?.code, where).toBe('23514');
            expect(missing?.message, where).toContain(`${t.name}_${tokenColumn(column)}_token`);
          } else expect(missing?.code, where).toBe('23502');
        }
      }
    } finally {
      pg.query('ROLLBACK');
    }
    expect(probed).toBe(ordinary().reduce((n, t) => n + sealedColumns(t.name).length, 0));
    expect(probed).toBeGreaterThan(80);
  });

  it('takes the party rows the repository writes, sealed by the plan from the same classification', () => {
    const db = { sql: new PgSql(pg, keys, new Sealing(sealingPlanSource, keys)) };
    const parties = new PartyRepository(db);
    const at = '2026-12-07T08:00:00.000Z';
    const person: PartyRow = {
      id: 'p1',
      originOfficeId: 'office',
      version: 1,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      kind: 'person',
      name: '马玉兰',
      sex: 'female',
      ethnicity: '回族',
      birthDate: '1959-02-19',
      idType: 'resident_id',
      idNumber: '640221195902193898',
      idSuffix: '3898',
      occupation: '农民',
      creditCode: null,
      representative: null,
      representativeTitle: null,
      address: '平罗县城关镇',
      phone: '13912345678',
    };
    const probe = () =>
      db.sql.transaction(() => {
        parties.insert(person);
        parties.update({ ...person, phone: '13800000000', updatedAt: at });
        // Compared by lower-cased keys: PostgreSQL folds the repository's unquoted camelCase aliases
        // (AS birthDate → birthdate), which is the connection's to undo, not the schema's.
        expect(lowerKeys(parties.byId('p1'))).toEqual(
          lowerKeys({ ...person, version: 2, phone: '13800000000' }),
        );
        const raw = pg.query<{ name: Buffer; name_key: Buffer; id_suffix_key: Buffer }>(
          `SELECT name, name_key, id_suffix_key FROM parties WHERE id = 'p1'`,
        ).rows[0]!;
        expect(raw.name.includes(Buffer.from('马玉兰'))).toBe(false);
        expect(raw.name_key).toEqual(token(keys, '马玉兰'));
        expect(raw.id_suffix_key).toEqual(token(keys, '3898'));
        // Rolled back: the probe leaves nothing behind.
        throw new Rollback();
      });
    expect(probe).toThrow(Rollback);
    expect(parties.byId('p1')).toBeUndefined();
  });

  it('refuses search terms that are not tokens', () => {
    const insert = `INSERT INTO case_search (rowid, terms, scope) VALUES ($1, $2, $3)`;
    expect(() => pg.query(insert, [1, [Buffer.from('张三')], []])).toThrow(/case_search_terms_tokens/);
    pg.query('BEGIN');
    try {
      pg.query(insert, [1, [token(keys, '张三'), token(keys, '张')], ['org-1']]);
      const hit = pg.query(
        `SELECT rowid FROM case_search WHERE terms @> $1::bytea[] AND scope && $2::text[]`,
        [[token(keys, '张三')], ['org-1', 'org-2']],
      );
      expect(hit.rows).toEqual([{ rowid: 1 }]);
    } finally {
      pg.query('ROLLBACK');
    }
  });
});

describe('indexes and triggers', () => {
  interface PgIndex {
    name: string;
    table: string;
    unique: number;
    primary: number;
    partial: number;
    columns: (string | null)[];
  }

  const pgIndexes = () =>
    pg.query<PgIndex>(
      `SELECT i.relname AS name, t.relname AS "table", x.indisunique AS "unique", x.indisprimary AS "primary",
              (x.indpred IS NOT NULL) AS partial,
              array(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o)
                      LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n
                     WHERE k.o <= x.indnkeyatts ORDER BY k.o) AS columns
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace s ON s.oid = t.relnamespace
        WHERE s.nspname = current_schema()`,
    ).rows;

  it('has every SQLite index under its name, on the token where SQLite indexed a sealed column', () => {
    const live = pgIndexes();
    let named = 0;
    for (const t of ordinary()) {
      const sealed = new Set(sealedColumns(t.name));
      const tokens = new Set(tokenized(t.name));
      const asCompared = (column: string | null) => {
        if (column === null || !sealed.has(column)) return column;
        expect(tokens.has(column), `${t.name}.${column} is indexed: it needs a token`).toBe(true);
        return tokenColumn(column);
      };
      for (const index of t.indexes) {
        const columns = index.columns.map(asCompared);
        if (index.origin === 'c') {
          const found = live.find((i) => i.name === index.name);
          expect(found, index.name).toBeDefined();
          expect(found, index.name).toMatchObject({
            table: t.name,
            unique: index.unique ? 1 : 0,
            partial: index.partial ? 1 : 0,
            columns,
          });
          named++;
        } else {
          // A primary key or UNIQUE constraint: PostgreSQL names its index itself.
          const found = live.find(
            (i) =>
              i.table === t.name &&
              i.primary === (index.origin === 'pk' ? 1 : 0) &&
              i.unique === 1 &&
              i.columns.join() === columns.join(),
          );
          expect(found, `${index.name} (${columns.join(', ')})`).toBeDefined();
        }
      }
      // A table whose rowid the repositories use has it unique, as SQLite's is.
      if (rowidTables[t.name])
        expect(live.some((i) => i.table === t.name && i.unique === 1 && i.columns.join() === 'rowid')).toBe(
          true,
        );
    }
    expect(named).toBeGreaterThan(70);
    // Where the search index's twin is looked up.
    expect(live.filter((i) => i.table === CASE_SEARCH).map((i) => i.name)).toEqual(
      expect.arrayContaining(['ix_case_search_terms']),
    );
  });

  it('has every SQLite trigger under its name, on the same table', () => {
    const live = pg.query<{ name: string; table: string }>(
      `SELECT tg.tgname AS name, c.relname AS "table" FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
        WHERE NOT tg.tgisinternal`,
    ).rows;
    expect(live.map((t) => `${t.table}.${t.name}`).sort()).toEqual(
      sqlite.triggers.map((t) => `${t.table}.${t.name}`).sort(),
    );
  });

  it('runs the triggers as SQLite does: a deleted case leaves scope and search, a locked settlement stays, the catalogue versions itself', () => {
    const county = '7da55d92-5712-44e5-beb3-bda8994c7a55';
    const now = '2026-12-07T08:00:00.000Z';
    pg.query('BEGIN');
    try {
      const sealedText = (text: string) => seal(keys, text);
      const { rowid } = pg.query<{ rowid: number }>(
        `INSERT INTO cases (id, origin_office_id, created_at, updated_at, case_number, committee_id, number_year,
           number_seq, status, dispute_type, source, township, received_on, received_by, received_by_name, summary,
           requests, risk_level, party_names)
         VALUES ('c1', $1, $2, $2, '（2026）平调字第0001号', $1, 2026, 1, 'registered', 'neighbour', 'application',
           '城关镇', '2026-12-07', 'u1', '李文', $3, $4, 'low', $5) RETURNING rowid`,
        [county, now, sealedText('邻里纠纷'), sealedText('赔偿'), sealedText('张三 与 李四')],
      ).rows[0]!;
      expect(rowid).toBeGreaterThan(0);
      pg.query(`INSERT INTO case_scope (principal, case_rowid) VALUES ($1, $2)`, [county, rowid]);
      pg.query(`INSERT INTO case_search (rowid, terms, scope) VALUES ($1, $2, $3)`, [
        rowid,
        [token(keys, '张三')],
        [county],
      ]);
      pg.query(`UPDATE cases SET deleted_at = $1 WHERE id = 'c1'`, [now]);
      expect(pg.query(`SELECT count(*) AS n FROM case_scope`).rows).toEqual([{ n: 0 }]);
      expect(pg.query(`SELECT count(*) AS n FROM case_search`).rows).toEqual([{ n: 0 }]);

      pg.query(
        `INSERT INTO subsidy_settlements (id, origin_office_id, created_at, updated_at, period, state)
         VALUES ('s1', $1, $2, $2, '2026-12', 'draft')`,
        [county, now],
      );
      pg.query(
        `INSERT INTO subsidy_lines (id, origin_office_id, created_at, updated_at, settlement_id, case_id, mediator_name,
           committee_id, kind, grade, amount_fen) VALUES ('l1', $1, $2, $2, 's1', 'c1', '王芳', $1, 'case', 'simple', 10000)`,
        [county, now],
      );
      pg.query(`UPDATE subsidy_settlements SET state = 'locked' WHERE id = 's1'`);
      pg.query('SAVEPOINT locked');
      expect(() => pg.query(`UPDATE subsidy_lines SET amount_fen = 1 WHERE id = 'l1'`)).toThrow(
        /subsidy settlement is locked/,
      );
      pg.query('ROLLBACK TO SAVEPOINT locked');

      pg.query(`UPDATE dispute_types SET name = '邻里关系' WHERE code = 'neighbour'`);
      const changed = pg.query<{ version: number; updated_at: string }>(
        `SELECT version, updated_at FROM dispute_types WHERE code = 'neighbour'`,
      ).rows[0]!;
      expect(changed.version).toBe(2);
      expect(changed.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(changed.updated_at).not.toBe('1970-01-01T00:00:00.000Z');
      pg.query(`INSERT INTO settings (key, value) VALUES ('mediationLimitDays', '30')`);
      pg.query(`INSERT INTO settings (key, value) VALUES ('idleLockMinutes', '10')`);
      const stamped = pg.query<{ key: string; created_at: string }>(
        `SELECT key, created_at FROM settings ORDER BY key`,
      ).rows;
      expect(stamped.find((s) => s.key === 'mediationLimitDays')!.created_at).not.toBe(
        '1970-01-01T00:00:00.000Z',
      );
      expect(stamped.find((s) => s.key === 'idleLockMinutes')!.created_at).toBe('1970-01-01T00:00:00.000Z');
    } finally {
      pg.query('ROLLBACK');
    }
  });
});

describe('the generator', () => {
  /** The SQLite schema with one table changed as a later migration might. */
  function changed(table: string, change: (t: SqliteTable) => void): SqliteSchema {
    const copy = structuredClone(sqlite);
    change(copy.tables.find((t) => t.name === table)!);
    return copy;
  }

  it('stops at what a person must decide, instead of guessing', () => {
    const column = { name: 'witness_name', type: 'TEXT', notNull: false, default: null, pk: 0 };
    expect(() => postgresSchema(changed('cases', (t) => t.columns.push(column)))).toThrow(
      /cases: classify witness_name/,
    );
    const bySummary = (t: SqliteTable) =>
      t.indexes.push({
        name: 'ix_cases_summary',
        table: 'cases',
        unique: false,
        origin: 'c',
        partial: false,
        columns: ['summary'],
        sql: 'CREATE INDEX ix_cases_summary ON cases(summary)',
      });
    expect(() => postgresSchema(changed('cases', bySummary))).toThrow(
      /compares sealed summary: give it a token/,
    );
    const jsonCheck = (t: SqliteTable) => {
      t.sql = t.sql.replace(/\)\s*$/, `, CHECK (json_valid(risk_flags)))`);
    };
    expect(() => postgresSchema(changed('cases', jsonCheck))).toThrow(
      /no PostgreSQL rewrite for json_valid\(\)/,
    );
    const copy = structuredClone(sqlite);
    copy.triggers.push({
      name: 'tr_cases_touch',
      table: 'cases',
      sql: `CREATE TRIGGER tr_cases_touch AFTER UPDATE ON cases BEGIN UPDATE cases SET summary = upper(NEW.summary) WHERE id = NEW.id; END`,
    });
    expect(() => postgresSchema(copy)).toThrow(/tr_cases_touch: touches sealed cases.summary/);
  });
});

describe('the checked-in schema', () => {
  it('is what the generator writes from the SQLite schema now (run npx tsx scripts/postgres-schema.ts)', () => {
    const schema = postgresSchema(sqlite);
    const root = join(import.meta.dirname, '..', '..', '..');
    expect(readFileSync(join(root, generatedFiles.sql), 'utf8')).toBe(renderSql(schema));
    expect(readFileSync(join(root, generatedFiles.json), 'utf8')).toBe(renderJson(schema));
    expect(ddl).toEqual(schema.statements);
  });
});
