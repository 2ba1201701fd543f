import type { UserRow } from '../../../db';
import type { SessionUser, UserDto } from '../../contract';
import type { Actor } from '../actor';

/** `mediatorId`: the roster entry linked to this account (调解员名册), if any. */
export function toUserDto(
  row: UserRow,
  mediatorId: string | null,
  lockedUntil: string | null = null,
): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles,
    organisationIds: row.organisationIds,
    mediatorId,
    disabled: row.disabled,
    lockedUntil,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toActor(row: UserRow): Actor {
  return {
    userId: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles,
    mustChangePassword: row.mustChangePassword,
  };
}

export function toSessionUser(actor: Actor): SessionUser {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    mustChangePassword: actor.mustChangePassword,
  };
}
