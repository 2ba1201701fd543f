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
  /** This desk works on the county centre's shared database: other desks change what it shows. */
  centre: z.boolean(),
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
  /** Set up the county centre's database this desk connected to (连接县中心数据库), not a file of its own. */
  centre: z.boolean().default(false).describe('县中心数据库'),
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

/** 连接县中心数据库: where the centre's PostgreSQL is and how its certificate is trusted (TLS always). */
export const centreConnectionInput = z.strictObject({
  host: text('服务器地址', 253, 1),
  port: z
    .number({ error: '请填写端口' })
    .int('端口应为整数')
    .min(1, '端口应在 1–65535 之间')
    .max(65535, '端口应在 1–65535 之间')
    .describe('端口'),
  database: text('数据库名', 63, 1),
  user: text('数据库用户名', 63, 1),
  password: z
    .string({ error: '请填写数据库密码' })
    .min(1, '请填写数据库密码')
    .max(200)
    .describe('数据库密码'),
  tls: z
    .discriminatedUnion('mode', [
      z.strictObject({
        mode: z.literal('verify-full'),
        ca: z
          .string({ error: '请粘贴县中心的 CA 证书' })
          .max(20_000, 'CA 证书过长，请只粘贴证书本身')
          .refine((v) => v.includes('-----BEGIN CERTIFICATE-----'), {
            message: '请粘贴 PEM 格式的 CA 证书（以 -----BEGIN CERTIFICATE----- 开头）',
          })
          .describe('CA 证书'),
      }),
      z.strictObject({
        mode: z.literal('pinned'),
        fingerprint: z
          .string({ error: '请填写证书指纹' })
          .max(200)
          .refine((v) => /^[0-9a-f]{64}$/.test(v.replace(/[\s:-]/g, '').toLowerCase()), {
            message: '证书指纹应为 64 位十六进制数字（SHA-256，可带冒号），请与县中心管理员核对',
          })
          .describe('证书指纹'),
      }),
    ])
    .describe('服务器证书'),
});
export type CentreConnectionInput = z.input<typeof centreConnectionInput>;

/** What has been committed, as a mark that moves with every change any desk makes (the audit chain's head). */
export const changeMark = z.object({ mark: z.number().int() });

export const centreConnectionResult = z.object({
  /** The centre was set up already: this desk now shows its sign-in screen. */
  joined: z.boolean(),
  office: office.nullable(),
});
