import type { Database } from 'better-sqlite3-multiple-ciphers';

// The SQLite store's schema as it stands after every migration, read from the store itself
// (sqlite_schema and the table_info / index_list / index_xinfo / foreign_key_list pragmas) —
// the source the PostgreSQL schema is generated from (./generate.ts), and what the schema test
// compares PostgreSQL against.

export interface SqliteColumn {
  name: string;
  /** As declared: TEXT, INTEGER, BOOLEAN, REAL, BLOB. */
  type: string;
  notNull: boolean;
  /** The default as SQL text, or null. */
  default: string | null;
  /** Position in the primary key (1-based), 0 when not part of it. */
  pk: number;
}

export interface SqliteForeignKey {
  columns: string[];
  table: string;
  to: string[];
  onUpdate: string;
  onDelete: string;
}

export interface SqliteIndex {
  name: string;
  table: string;
  unique: boolean;
  /** 'c': CREATE INDEX; 'u': a UNIQUE constraint; 'pk': the primary key. */
  origin: 'c' | 'u' | 'pk';
  partial: boolean;
  /** Key columns in order; null for an expression. */
  columns: (string | null)[];
  /** CREATE INDEX text (null for the indexes behind constraints). */
  sql: string | null;
}

export interface SqliteTable {
  name: string;
  sql: string;
  /** A virtual table (FTS5): its twin is written by hand. */
  virtual: boolean;
  /** The virtual table whose storage this is (FTS5 keeps its index in ordinary tables). */
  shadowOf: string | null;
  columns: SqliteColumn[];
  foreignKeys: SqliteForeignKey[];
  indexes: SqliteIndex[];
}

export interface SqliteTrigger {
  name: string;
  table: string;
  sql: string;
}

export interface SqliteSchema {
  /** In creation order (sqlite_schema order): a table comes after those it references. */
  tables: SqliteTable[];
  triggers: SqliteTrigger[];
  /** The number of the last migration applied (its name ends in 13 digits). */
  lastMigration: number;
  /** Rows a fresh store already holds (the seeds), per table, in insertion order. */
  rows: Record<string, Record<string, unknown>[]>;
}

/** The names FTS5 gives the ordinary tables behind a virtual table. */
const FTS5_SHADOWS = ['data', 'idx', 'content', 'docsize', 'config'];

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * `rows: false` leaves the rows out (the migration of a desk's file to the centre reads the schema
 * of a database whose rows may be gigabytes: db/copy/tables.ts).
 */
export function readSqliteSchema(db: Database, options: { rows?: boolean } = {}): SqliteSchema {
  const entries = db
    .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid`)
    .all() as SchemaRow[];
  const virtual = new Set(
    entries
      .filter((e) => e.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(e.sql ?? ''))
      .map((e) => e.name),
  );
  const shadowOf = (name: string) =>
    [...virtual].find((v) => FTS5_SHADOWS.some((s) => name === `${v}_${s}`)) ?? null;
  const indexEntries = entries.filter((e) => e.type === 'index');
  const indexSql = new Map(indexEntries.map((e) => [e.name, e.sql]));
  const created = new Map(indexEntries.map((e, i) => [e.name, i]));

  const tables: SqliteTable[] = entries
    .filter((e) => e.type === 'table' && !e.name.startsWith('sqlite_'))
    .map((e) => {
      const columns = (
        db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`).all(e.name) as {
          name: string;
          type: string;
          notnull: number;
          dflt_value: string | null;
          pk: number;
        }[]
      ).map((c) => ({
        name: c.name,
        type: c.type,
        notNull: c.notnull === 1,
        default: c.dflt_value,
        pk: c.pk,
      }));
      const isVirtual = virtual.has(e.name);
      return {
        name: e.name,
        sql: e.sql ?? '',
        virtual: isVirtual,
        shadowOf: shadowOf(e.name),
        columns,
        foreignKeys: isVirtual ? [] : foreignKeysOf(db, e.name),
        indexes: isVirtual ? [] : indexesOf(db, e.name, indexSql, created),
      };
    });

  const triggers = entries
    .filter((e) => e.type === 'trigger')
    .map((e) => ({ name: e.name, table: e.tbl_name, sql: e.sql ?? '' }));

  const last = db.prepare(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`).get() as
    { name: string } | undefined;
  const lastMigration = Number(/(\d{13})$/.exec(last?.name ?? '')?.[1] ?? NaN);
  if (!Number.isInteger(lastMigration)) throw new Error('the store has no migration applied');

  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const t of options.rows === false ? [] : tables) {
    if (t.virtual || t.shadowOf || t.name === 'migrations') continue;
    const order = t.sql.match(/\)\s*WITHOUT\s+ROWID\s*$/i)
      ? t.columns
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => quoted(c.name))
          .join(', ')
      : 'rowid';
    const found = db.prepare(`SELECT * FROM ${quoted(t.name)} ORDER BY ${order}`).all() as Record<
      string,
      unknown
    >[];
    if (found.length) rows[t.name] = found;
  }
  return { tables, triggers, lastMigration, rows };
}

function foreignKeysOf(db: Database, table: string): SqliteForeignKey[] {
  const rows = db.prepare(`SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq`).all(table) as {
    id: number;
    table: string;
    from: string;
    to: string | null;
    on_update: string;
    on_delete: string;
  }[];
  const byId = new Map<number, SqliteForeignKey>();
  for (const r of rows) {
    if (r.to === null) throw new Error(`${table}: a foreign key to ${r.table} without its column named`);
    const fk = byId.get(r.id);
    if (fk) {
      fk.columns.push(r.from);
      fk.to.push(r.to);
    } else
      byId.set(r.id, {
        columns: [r.from],
        table: r.table,
        to: [r.to],
        onUpdate: r.on_update,
        onDelete: r.on_delete,
      });
  }
  return [...byId.values()];
}

function indexesOf(
  db: Database,
  table: string,
  sqlOf: Map<string, string | null>,
  created: Map<string, number>,
): SqliteIndex[] {
  const list = db.prepare(`SELECT name, "unique", origin, partial FROM pragma_index_list(?)`).all(table) as {
    name: string;
    unique: number;
    origin: 'c' | 'u' | 'pk';
    partial: number;
  }[];
  return list
    .map((i) => ({
      name: i.name,
      table,
      unique: i.unique === 1,
      origin: i.origin,
      partial: i.partial === 1,
      columns: (
        db.prepare(`SELECT name FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno`).all(i.name) as {
          name: string | null;
        }[]
      ).map((c) => c.name),
      sql: sqlOf.get(i.name) ?? null,
    }))
    .sort((a, b) => (created.get(a.name) ?? 0) - (created.get(b.name) ?? 0));
}
