import 'reflect-metadata';
import Database from 'better-sqlite3-multiple-ciphers';
import { DataSource, type MigrationInterface } from 'typeorm';
import { entities } from './entities';
import { migrations as allMigrations } from './migrations';
import { applyKey, applyTuning } from './pragmas';
import type { PgStore } from './postgres/store';
import { Sql, type Statements } from './sql';

export interface OpenStoreOptions {
  file: string;
  key: Buffer;
  /** Create the file if it is missing (first-run setup only; sign-in must find it). */
  create: boolean;
  /** Tests of one migration open with the ones before it. */
  migrations?: (new () => MigrationInterface)[];
}

/** The open, unlocked database: TypeORM for the migrations, statements for everything else. */
export interface SqliteStore {
  readonly dialect: 'sqlite';
  readonly dataSource: DataSource;
  readonly sql: Sql;
  readonly file: string;
  /** Runs `fn` in one transaction on the store's connection: all of it commits, or none. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The desk's own encrypted SQLite file, or the county centre's PostgreSQL (issue 17). */
export type Store = SqliteStore | PgStore;

/** The store as the desk's SQLite file (tests, the bench and backups, which work on the file). */
export function sqliteOf(store: Store): SqliteStore {
  if (store.dialect !== 'sqlite') throw new Error('this works on the desk’s SQLite file only');
  return store;
}

export async function openStore(options: OpenStoreOptions): Promise<SqliteStore> {
  // A private copy: the caller may wipe its key buffer after we return.
  const key = Buffer.from(options.key);
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: options.file,
    driver: Database,
    fileMustExist: !options.create,
    entities,
    migrations: options.migrations ?? allMigrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    prepareDatabase: (db: Database.Database) => {
      applyKey(db, key);
      applyTuning(db, options.file);
    },
  });
  try {
    await dataSource.initialize();
  } finally {
    key.fill(0);
  }
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  const raw = (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
  const sql = new Sql(raw);
  return {
    dialect: 'sqlite',
    dataSource,
    sql,
    file: options.file,
    transaction: (fn) => dataSource.transaction(() => fn()),
    async close() {
      if (!dataSource.isInitialized) return;
      // Fold the WAL back so no stale pages linger beside the database after lock.
      try {
        raw.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // A failed checkpoint only leaves an encrypted WAL behind; closing still matters more.
      }
      await dataSource.destroy();
    },
  };
}

/** What repositories work on: statements on the store's connection (in the call's transaction, if any). */
export interface DbHandle {
  sql: Statements;
}

export function handleOf(store: Store): DbHandle {
  return { sql: store.sql };
}
