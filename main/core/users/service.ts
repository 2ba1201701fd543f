import type { UserRow } from '../../../db';
import { roleLabels, type CreateUserInput, type Role, type UserDto } from '../../contract';
import { SigningKey } from '../audit/signing';
import type { ServiceContext } from '../context';
import { ConflictError, NotFoundError } from '../errors';
import { toUserDto } from './dto';
import { checkOrganisations, linkRosterEntry } from './membership';
import { usernameKey } from './names';
import { newRecord } from '../newRecord';

// User management for 管理员. Each account's password wraps the database key in the key file;
// disabling removes that wrap, so a disabled account cannot open the data even with the files.
// Whoever sets a password (creating a user, resetting one) also gives the account a new audit
// signing key, wrapped under that password and recorded in the chain by the call's own entry.
// Accounts belong to organisations and may act as a roster mediator (./membership.ts).

export async function listUsers(ctx: ServiceContext): Promise<UserDto[]> {
  const linked = ctx.repos.mediators.linkedUsers();
  return (await ctx.repos.users.list()).map((u) =>
    toUserDto(u, linked.get(u.id) ?? null, lockedUntil(ctx, u)),
  );
}

function lockedUntil(ctx: ServiceContext, row: UserRow): string | null {
  return ctx.vault.lockout.lockedUntil(ctx.vault.keyFile.lookup(row.usernameKey))?.toISOString() ?? null;
}

/** How the audit log names an account: display name and user name. */
function accountName(row: UserRow): string {
  return `${row.displayName}（${row.username}）`;
}

/** Wraps the database key and a new signing key under `password`; the call's entry records the key. */
async function setPassword(ctx: ServiceContext, row: UserRow, password: string): Promise<void> {
  const signing = SigningKey.generate();
  await ctx.vault.keyFile.setUser(row.usernameKey, password, ctx.vault.dek, ctx.vault.kdfCost, signing);
  signing.forget();
  ctx.audit.enrols = { userId: row.id, publicKey: signing.publicKey };
}

function dtoOf(ctx: ServiceContext, row: UserRow): UserDto {
  return toUserDto(row, ctx.repos.mediators.byUser(row.id)?.id ?? null, lockedUntil(ctx, row));
}

export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<UserDto> {
  const key = usernameKey(input.username);
  if (await ctx.repos.users.findByUsernameKey(key)) {
    throw new ConflictError(`用户名“${input.username}”已被使用，请换一个`);
  }
  const organisations = await checkOrganisations(ctx, input.organisationIds);
  const now = ctx.clock.now().toISOString();
  const row: UserRow = {
    ...newRecord(ctx, now),
    username: input.username,
    usernameKey: key,
    displayName: input.displayName,
    roles: input.roles,
    organisationIds: organisations.ids,
    disabled: false,
    mustChangePassword: false,
  };
  await ctx.repos.users.insert(row);
  const roster = linkRosterEntry(ctx, row, row.roles, input.mediatorId ?? undefined);
  // The key file is written last: if it fails, the transaction rolls the user back.
  await setPassword(ctx, row, input.password);
  ctx.vault.keyFile.save();
  ctx.audit.target = row.id;
  ctx.audit.detail = [
    `用户名 ${row.username}，角色：${describeRoles(row.roles)}`,
    `所属组织：${organisations.names.join('、')}`,
    roster,
  ]
    .filter(Boolean)
    .join('；');
  return dtoOf(ctx, row);
}

export async function updateUser(
  ctx: ServiceContext,
  input: {
    id: string;
    displayName: string;
    roles: Role[];
    organisationIds?: string[] | undefined;
    mediatorId?: string | null | undefined;
  },
): Promise<UserDto> {
  const row = await mustFind(ctx, input.id);
  const losesAdmin = row.roles.includes('admin') && !input.roles.includes('admin');
  if (losesAdmin && row.id === ctx.actor.userId) {
    throw new ConflictError('不能取消自己的管理员角色，请由其他管理员操作');
  }
  if (losesAdmin && !row.disabled) await keepOneAdmin(ctx);
  const organisations = input.organisationIds ? await checkOrganisations(ctx, input.organisationIds) : null;
  const changes = {
    displayName: input.displayName,
    roles: input.roles,
    ...(organisations ? { organisationIds: organisations.ids } : {}),
  };
  await save(ctx, row, changes);
  const roster = linkRosterEntry(ctx, row, input.roles, input.mediatorId);
  ctx.audit.detail = [
    `角色：${describeRoles(row.roles)} → ${describeRoles(input.roles)}`,
    organisations ? `所属组织：${organisations.names.join('、')}` : '',
    roster,
  ]
    .filter(Boolean)
    .join('；');
  return dtoOf(ctx, { ...row, ...changes });
}

export async function disableUser(ctx: ServiceContext, id: string): Promise<UserDto> {
  const row = await mustFind(ctx, id);
  if (row.id === ctx.actor.userId) throw new ConflictError('不能停用当前登录的账户');
  if (row.disabled) throw new ConflictError(`用户“${row.displayName}”已是停用状态`);
  if (row.roles.includes('admin')) await keepOneAdmin(ctx);
  await save(ctx, row, { disabled: true });
  ctx.vault.keyFile.removeUser(row.usernameKey);
  ctx.vault.keyFile.save();
  return dtoOf(ctx, { ...row, disabled: true });
}

/**
 * Sets a new password (a new wrap of the database key), re-enables a disabled account and
 * lifts a lockout. The administrator knows this password, so the user must choose their own at
 * the next sign-in before doing anything else.
 */
export async function resetPassword(
  ctx: ServiceContext,
  input: { id: string; password: string },
): Promise<UserDto> {
  const row = await mustFind(ctx, input.id);
  await save(ctx, row, { disabled: false, mustChangePassword: true });
  await setPassword(ctx, row, input.password);
  ctx.vault.keyFile.save();
  const lookup = ctx.vault.keyFile.lookup(row.usernameKey);
  const wasLocked = ctx.vault.lockout.lockedUntil(lookup) !== null;
  ctx.vault.lockout.succeed(lookup);
  const also = [row.disabled ? '重新启用' : '', wasLocked ? '解除锁定' : ''].filter(Boolean).join('、');
  ctx.audit.detail = `重置${accountName(row)}的密码${also ? `并${also}` : ''}，下次登录须修改密码`;
  return dtoOf(ctx, { ...row, disabled: false, mustChangePassword: true });
}

/** 解除锁定: the account may try again at once (the failures so far stay in the audit log). */
export async function unlockAccount(ctx: ServiceContext, id: string): Promise<UserDto> {
  const row = await mustFind(ctx, id);
  const lookup = ctx.vault.keyFile.lookup(row.usernameKey);
  if (ctx.vault.lockout.lockedUntil(lookup) === null) {
    throw new ConflictError(`“${row.displayName}”当前没有被锁定，请刷新列表`);
  }
  ctx.vault.lockout.succeed(lookup);
  ctx.audit.detail = `解除${accountName(row)}的登录锁定`;
  return dtoOf(ctx, row);
}

async function mustFind(ctx: ServiceContext, id: string): Promise<UserRow> {
  const row = await ctx.repos.users.findById(id);
  if (!row) throw new NotFoundError('找不到该用户，可能已被删除，请刷新列表');
  ctx.audit.target = row.id;
  return row;
}

async function keepOneAdmin(ctx: ServiceContext): Promise<void> {
  if (ctx.repos.users.countActiveAdmins() <= 1) {
    throw new ConflictError('系统至少需要保留一名启用的管理员');
  }
}

async function save(ctx: ServiceContext, row: UserRow, changes: Partial<UserRow>): Promise<void> {
  const saved = await ctx.repos.users.update(row, changes, ctx.clock.now().toISOString());
  if (!saved) throw new ConflictError('该用户刚被其他操作修改，请刷新后重试');
}

function describeRoles(roles: Role[]): string {
  return roles.map((r) => roleLabels[r]).join('、');
}
