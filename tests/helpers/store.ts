import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { MigrationInterface } from 'typeorm';
import { migrations, openStore, type SqliteStore } from '../../db';
import { tempDir } from './tempDir';

/** A temporary encrypted database, optionally migrated only up to some migration. */
export async function tempStore(
  options: { migrations?: (new () => MigrationInterface)[]; file?: string; key?: Buffer } = {},
) {
  const file = options.file ?? join(tempDir('desk-db-'), 'test.db');
  const key = options.key ?? randomBytes(32);
  const store: SqliteStore = await openStore({
    file,
    key,
    create: true,
    ...(options.migrations ? { migrations: options.migrations } : {}),
  });
  return { store, file, key };
}

/**
 * A migration test's start: a database migrated up to the one before migration `number`, to put
 * old rows in, and `migrate()`, which closes it and opens it again with every migration.
 */
export async function storeBefore(number: number) {
  const suffix = String(number).padStart(4, '0');
  const at = migrations.findIndex((m) => new m().name.endsWith(suffix));
  if (at < 0) throw new Error(`no migration ${suffix}`);
  const { store, file, key } = await tempStore({ migrations: migrations.slice(0, at) });
  return {
    store,
    migrate: async (): Promise<SqliteStore> => {
      await store.close();
      return openStore({ file, key, create: false, migrations });
    },
  };
}
