import { z } from 'zod';
import { roles } from '../roles';
import { id, newPassword, password, text, username } from './common';

export const officeKinds = ['county_center', 'township', 'other'] as const;
export type OfficeKind = (typeof officeKinds)[number];

/** Which office this installation is. The name is an institution's, never a person's. */
export const office = z.object({
  id,
  name: z.string(),
  kind: z.enum(officeKinds),
});
export type Office = z.infer<typeof office>;

export const sessionUser = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  /** An administrator reset the password: a new one must be chosen before anything else. */
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionStates = ['uninitialized', 'locked', 'unlocked'] as const;

export const authStatus = z.object({
  state: z.enum(sessionStates),
  office: office.nullable(),
  user: sessionUser.nullable(),
  idleLockMinutes: z.number().int().nullable(),
  /** Why the session was last locked, until the next sign-in: the sign-in screen says so. */
  lockReason: z.enum(['idle']).nullable(),
});
export type AuthStatus = z.infer<typeof authStatus>;

export const signInInput = z.strictObject({ username, password });

export const setupOfficeChoice = z.object({ id, name: z.string(), kind: z.enum(officeKinds) });

const passwordPair = {
  password: newPassword,
  passwordConfirm: z.string({ error: '请再次输入密码' }).describe('确认密码'),
};

function samePassword(v: { password: string; passwordConfirm: string }) {
  return v.password === v.passwordConfirm;
}
const mismatch = { message: '两次输入的密码不一致', path: ['passwordConfirm'] };

export const setupCompleteInput = z.strictObject({
  office: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('listed'), id }),
      z.strictObject({ kind: z.literal('other'), name: text('调委会名称', 60, 4) }),
    ])
    .describe('本机单位'),
  admin: z
    .strictObject({ username, displayName: text('姓名', 20, 2), ...passwordPair })
    .refine(samePassword, mismatch)
    .describe('管理员'),
  recoveryCode: z.string({ error: '请输入恢复码' }).max(64).describe('恢复码'),
});
export type SetupCompleteInput = z.input<typeof setupCompleteInput>;

export const recoverInput = z
  .strictObject({
    recoveryCode: z.string().min(1, '请输入恢复码').max(64).describe('恢复码'),
    username,
    ...passwordPair,
  })
  .refine(samePassword, mismatch);

export const changePasswordInput = z
  .strictObject({ currentPassword: password.describe('当前密码'), ...passwordPair })
  .refine(samePassword, mismatch);
