export {
  openStore,
  handleOf,
  sqliteOf,
  type Store,
  type SqliteStore,
  type DbHandle,
  type OpenStoreOptions,
} from './dataSource';
export { isConstraintViolation } from './errors';
export type { PgStore } from './postgres/store';
export type { PgConfig } from './postgres/config';
export * from './repositories';
export { migrations } from './migrations';
export type { UserRow, SettingRow, Syncable, OrganisationRow, DisputeTypeRow, VillageRow } from './entities';
export { KEY_BYTES, keyPragmas } from './pragmas';
