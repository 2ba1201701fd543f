import { z } from 'zod';
import { roles } from '../roles';
import { id, isoDateTime, newPassword, text, username } from './common';

const roleList = z
  .array(z.enum(roles, { error: '角色不正确' }))
  .min(1, '至少选择一个角色')
  .max(roles.length)
  .refine((list) => new Set(list).size === list.length, '角色不能重复')
  .describe('角色');

/**
 * The organisations a user belongs to: their committee scope is these and everything under
 * them in the organisation tree. Left out when creating a user: the installation's office.
 */
const organisationIds = z
  .array(id, { error: '请选择所属组织' })
  .min(1, '请至少选择一个所属组织')
  .max(20, '所属组织不能超过20个')
  .refine((list) => new Set(list).size === list.length, '所属组织不能重复')
  .describe('所属组织');

/** The roster entry (调解员名册) this 调解员 account acts as; null = none. */
const mediatorId = id.nullable().describe('调解员名册');

export const userDto = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  organisationIds: z.array(id),
  mediatorId: id.nullable(),
  disabled: z.boolean(),
  /** Locked after repeated wrong passwords, until then (an administrator may 解除锁定). */
  lockedUntil: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type UserDto = z.infer<typeof userDto>;

export const createUserInput = z.strictObject({
  username,
  displayName: text('姓名', 20, 2),
  roles: roleList,
  password: newPassword.describe('初始密码'),
  organisationIds: organisationIds.optional(),
  mediatorId: mediatorId.optional(),
});
export type CreateUserInput = z.input<typeof createUserInput>;

/** organisationIds / mediatorId left out: unchanged. */
export const updateUserInput = z.strictObject({
  id,
  displayName: text('姓名', 20, 2),
  roles: roleList,
  organisationIds: organisationIds.optional(),
  mediatorId: mediatorId.optional(),
});

export const resetPasswordInput = z.strictObject({ id, password: newPassword.describe('新密码') });

export const userIdInput = z.strictObject({ id });
