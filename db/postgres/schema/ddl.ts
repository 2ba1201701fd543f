import generated from './statements.json';

// What a desk runs to make the county centre's schema in an empty PostgreSQL database (as the
// role that owns it), in order: the statements generated from the SQLite schema
// (scripts/postgres-schema.ts → statements.json, the same as schema.sql). No SQLite is needed.

/** The last SQLite migration the schema matches: schema_version's one row holds it. */
export const SCHEMA_VERSION: number = generated.version;

/** CREATE TABLE / INDEX / FUNCTION / TRIGGER, the seed rows and schema_version, in order. */
export const ddl: readonly string[] = generated.statements;
