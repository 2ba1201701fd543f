export { openStore, handleOf, type Store, type DbHandle, type OpenStoreOptions } from './dataSource';
export * from './repositories';
export { migrations } from './migrations';
export type { UserRow, SettingRow, Syncable, OrganisationRow, DisputeTypeRow, VillageRow } from './entities';
export { KEY_BYTES, keyPragmas } from './pragmas';
