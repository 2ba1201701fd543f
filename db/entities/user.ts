import { EntitySchema } from 'typeorm';
import type { Role } from '../../main/contract';
import { syncableColumns, type Syncable } from './columns';

export interface UserRow extends Syncable {
  username: string;
  /** Normalised user name (NFKC, lower case): what uniqueness and sign-in compare. */
  usernameKey: string;
  displayName: string;
  roles: Role[];
  /** The organisations the user belongs to (committee scope: these and everything under them). */
  organisationIds: string[];
  disabled: boolean;
  /** Set by an administrator's password reset: the user must choose a new one before anything else. */
  mustChangePassword: boolean;
}

export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'users',
  columns: {
    ...syncableColumns,
    username: { type: 'text' },
    usernameKey: { name: 'username_key', type: 'text' },
    displayName: { name: 'display_name', type: 'text' },
    roles: { type: 'simple-json' },
    organisationIds: { name: 'organisation_ids', type: 'simple-json' },
    disabled: { type: 'boolean', default: false },
    mustChangePassword: { name: 'must_change_password', type: 'boolean', default: false },
  },
});
