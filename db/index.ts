export { openStore, handleOf, type Store, type DbHandle, type OpenStoreOptions } from './dataSource';
export { repositories, type Repositories, type AuditRow } from './repositories';
export { migrations } from './migrations';
export type { UserRow, SettingRow, Syncable } from './entities';
export { KEY_BYTES } from './pragmas';
