import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { MigrationInterface } from 'typeorm';
import { openStore, type Store } from '../../db';
import { tempDir } from './tempDir';

/** A temporary encrypted database, optionally migrated only up to some migration. */
export async function tempStore(
  options: { migrations?: (new () => MigrationInterface)[]; file?: string; key?: Buffer } = {},
) {
  const file = options.file ?? join(tempDir('desk-db-'), 'test.db');
  const key = options.key ?? randomBytes(32);
  const store: Store = await openStore({
    file,
    key,
    create: true,
    ...(options.migrations ? { migrations: options.migrations } : {}),
  });
  return { store, file, key };
}
