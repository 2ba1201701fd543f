import { DisputeTypeEntity, OrganisationEntity, VillageEntity } from './catalog';
import { SettingEntity } from './setting';
import { UserEntity } from './user';

export const entities = [UserEntity, SettingEntity, OrganisationEntity, DisputeTypeEntity, VillageEntity];
export { DisputeTypeEntity, OrganisationEntity, SettingEntity, UserEntity, VillageEntity };
export type { DisputeTypeRow, OrganisationRow, VillageRow } from './catalog';
export type { UserRow } from './user';
export type { SettingRow } from './setting';
export type { Syncable } from './columns';
