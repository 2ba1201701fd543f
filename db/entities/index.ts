import { SettingEntity } from './setting';
import { UserEntity } from './user';

export const entities = [UserEntity, SettingEntity];
export { SettingEntity, UserEntity };
export type { UserRow } from './user';
export type { SettingRow } from './setting';
export type { Syncable } from './columns';
