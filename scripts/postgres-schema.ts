// Writes the county centre's PostgreSQL schema (db/postgres/schema/schema.sql and statements.json)
// from a freshly migrated SQLite store: `npx tsx scripts/postgres-schema.ts`. Run it after adding
// a migration (and classifying its columns in db/postgres/schema/columns.ts);
// tests/node/postgres/schema.test.ts fails until the checked-in files are what it writes. A desk
// never needs SQLite to make a PostgreSQL schema: it runs the checked-in statements (ddl.ts).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../db';
import { generatedFiles, postgresSchema, renderJson, renderSql } from '../db/postgres/schema/generate';
import { readSqliteSchema } from '../db/postgres/schema/sqlite';

async function main(): Promise<void> {
  const root = join(import.meta.dirname, '..');
  const dir = mkdtempSync(join(tmpdir(), 'postgres-schema-'));
  try {
    const store = await openStore({ file: join(dir, 'schema.db'), key: randomBytes(32), create: true });
    const schema = postgresSchema(readSqliteSchema(store.sql.raw));
    await store.close();
    writeFileSync(join(root, generatedFiles.sql), renderSql(schema));
    writeFileSync(join(root, generatedFiles.json), renderJson(schema));
    console.log(
      `wrote ${generatedFiles.sql} and ${generatedFiles.json}: ${schema.statements.length} statements`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
