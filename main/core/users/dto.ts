import type { UserRow } from '../../../db';
import type { SessionUser, UserDto } from '../../contract';
import type { Actor } from '../actor';

export function toUserDto(row: UserRow, lockedUntil: string | null = null): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles,
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
