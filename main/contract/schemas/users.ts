import { z } from 'zod';
import { roles } from '../roles';
import { id, isoDateTime, newPassword, text, username } from './common';

const roleList = z
  .array(z.enum(roles, { error: '角色不正确' }))
  .min(1, '至少选择一个角色')
  .max(roles.length)
  .refine((list) => new Set(list).size === list.length, '角色不能重复')
  .describe('角色');

export const userDto = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
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
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserInput = z.strictObject({ id, displayName: text('姓名', 20, 2), roles: roleList });

export const resetPasswordInput = z.strictObject({ id, password: newPassword.describe('新密码') });

export const userIdInput = z.strictObject({ id });
