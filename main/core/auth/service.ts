import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { handleOf, KEY_BYTES, repositories, type PgConfig, type Store, type UserRow } from '../../../db';
import { openDeskStore } from '../session/deskStore';
import type { AuthStatus, Office, SessionUser } from '../../contract';
import { appendAudit } from '../audit/log';
import { SigningKey } from '../audit/signing';
import type { ServiceContext } from '../context';
import { AccountLockedError, AuthFailedError, ConflictError, ValidationError } from '../errors';
import { installableOffices } from '../offices/seed';
import type { Session } from '../session/session';
import { DEFAULT_IDLE_LOCK_MINUTES, inTransaction } from '../session/session';
import { getSettings } from '../settings/service';
import { toActor, toSessionUser } from '../users/dto';
import { usernameKey } from '../users/names';
import { InstallationKeys } from '../installationKeys/keys';
import { storeInstallationKeys } from '../installationKeys/storage';
import { KeyFile } from './keyFile';
import { newRecoveryCode, normalizeRecoveryCode } from './recoveryCode';
import { signingKeyAtSignIn, type SignInKey } from './signingKeyCheck';

// First-run setup, sign-in, recovery, sign-out and password change. A failed attempt writes
// nothing: the database stays closed and its files untouched.

const RECOVERY_LOCKOUT_KEY = 'recovery';

export function status(session: Session): AuthStatus {
  return {
    state: session.state,
    office: session.office,
    user: session.actor ? toSessionUser(session.actor) : null,
    idleLockMinutes: session.actor ? session.idleLockMinutes : null,
    lockReason: session.state === 'locked' ? session.lockReason : null,
    centre: session.centre !== null,
  };
}

function requireUninitialized(session: Session): void {
  if (session.state !== 'uninitialized') throw new ConflictError('本机已完成初始化，请直接登录');
}

export function beginSetup(session: Session): { recoveryCode: string } {
  requireUninitialized(session);
  session.pendingRecoveryCode = newRecoveryCode();
  return { recoveryCode: session.pendingRecoveryCode };
}

/**
 * 连接县中心数据库: a centre already set up makes this desk one of its desks (its sign-in screen
 * next); an empty one is remembered for this desk's setup, which then sets the centre up.
 * Nothing is written on the desk until the server answered over TLS it trusts.
 */
export function connectCentre(
  session: Session,
  input: Omit<PgConfig, 'applicationName' | 'connectTimeoutMs' | 'statementTimeoutMs'>,
): { joined: boolean; office: Office | null } {
  requireUninitialized(session);
  const config: PgConfig = { ...input, applicationName: 'pingluo-mediation-desk' };
  const keyFile = KeyFile.at(session.keyHome(config));
  if (keyFile) {
    session.joinedCentre(config, keyFile);
    return { joined: true, office: keyFile.office };
  }
  session.pendingCentre = config;
  return { joined: false, office: null };
}

export interface SetupInput {
  office: { kind: 'listed'; id: string } | { kind: 'other'; name: string };
  admin: { username: string; displayName: string; password: string };
  recoveryCode: string;
  /** Set up the centre connected to by 连接县中心数据库 (else the desk's own file). */
  centre?: boolean;
}

function chosenOffice(choice: SetupInput['office']): Office {
  if (choice.kind === 'other') return { id: randomUUID(), name: choice.name, kind: 'other' };
  const listed = installableOffices().find((o) => o.id === choice.id);
  if (!listed) throw ValidationError.field(['office', 'id'], '本机单位', '请从列表中选择本机所属单位');
  return { id: listed.id, name: listed.name, kind: listed.kind };
}

export async function completeSetup(session: Session, input: SetupInput): Promise<SessionUser> {
  requireUninitialized(session);
  const pending = session.pendingRecoveryCode;
  if (!pending) throw new ConflictError('初始化已过期，请从第一步重新开始');
  if (normalizeRecoveryCode(input.recoveryCode) !== normalizeRecoveryCode(pending)) {
    throw ValidationError.field(['recoveryCode'], '恢复码', '与显示的恢复码不一致，请对照抄写的内容重新输入');
  }
  const office = chosenOffice(input.office);
  const dek = randomBytes(KEY_BYTES);
  // The first desk of a county centre sets the centre up: its keys go to the server's tables.
  if (input.centre && !session.pendingCentre && !session.centre)
    throw new ConflictError('请先在“连接县中心数据库”中连接县中心的数据库服务器');
  const centre = session.centre ?? (input.centre ? session.pendingCentre : null);
  const keyFile = await KeyFile.create(
    session.keyHome(centre),
    office,
    dek,
    normalizeRecoveryCode(pending),
    session.kdfCost,
  );
  const key = usernameKey(input.admin.username);
  const signing = SigningKey.generate();
  await keyFile.setUser(key, input.admin.password, dek, session.kdfCost, signing);
  storeInstallationKeys(keyFile, dek, InstallationKeys.generate());

  if (!centre) setAsideOrphanDatabase(session);
  else if (KeyFile.at(session.keyHome(centre))) throw centreSetUpElsewhere();
  let store: Store | null = null;
  try {
    store = await openDeskStore({ dataDir: session.paths.dataDir, centre }, dek, true);
    session.settingUp = store;
    const now = session.clock.now().toISOString();
    const admin: UserRow = {
      id: randomUUID(),
      originOfficeId: office.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      username: input.admin.username,
      usernameKey: key,
      displayName: input.admin.displayName,
      roles: ['admin'],
      // The first administrator belongs to the installation's office (committee scope).
      organisationIds: [office.id],
      disabled: false,
      mustChangePassword: false,
    };
    await inTransaction(store, async (repos) => {
      await repos.settings.set('office', office);
      if (office.kind === 'other') await repos.catalog.insertOrganisation(ownCommittee(office, now));
      await repos.settings.set('idleLockMinutes', DEFAULT_IDLE_LOCK_MINUTES);
      await repos.users.insert(admin);
      // The first entry records the administrator's own key: the root every later key hangs from.
      await appendAudit(
        repos,
        session.clock,
        { userId: admin.id, key: signing },
        {
          action: 'setup:complete',
          outcome: 'ok',
          actor: { userId: admin.id, displayName: admin.displayName },
          target: office.id,
          detail: `本机单位：${office.name}；管理员：${admin.username}`,
          enrols: { userId: admin.id, publicKey: signing.publicKey },
        },
      );
      // The centre's keys commit with its first rows, or neither does (and a centre another
      // desk set up meanwhile refuses the second setup here).
      if (centre) keyFile.save();
    });
    // A desk's key file makes the installation real; it is written only after the database is.
    if (centre) session.joinedCentre(centre, keyFile);
    else keyFile.save();
    session.keyFile = keyFile;
    session.settingUp = null;
    session.pendingRecoveryCode = null;
    const actor = toActor(admin);
    await session.unlock(store, dek, actor, DEFAULT_IDLE_LOCK_MINUTES, signing);
    return toSessionUser(actor);
  } catch (error) {
    session.settingUp = null;
    await store?.close();
    if (!centre) removeDatabaseFiles(session);
    dek.fill(0);
    throw error;
  }
}

const centreSetUpElsewhere = () =>
  new ConflictError(
    '县中心数据库已由另一台工作台完成初始化，请重新打开工作台，选择“连接县中心数据库”后直接登录',
  );

/** A committee that is not in the shipped Pingluo list becomes an organisation of its own. */
function ownCommittee(office: Office, now: string) {
  const core = office.name
    .replace(/^(宁夏回族自治区)?(石嘴山市)?(平罗县)?/, '')
    .replace(/人民调解委员会$|调解委员会$|调委会$/, '');
  return {
    id: office.id,
    originOfficeId: office.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    name: office.name,
    kind: 'other' as const,
    parentId: null,
    abbreviation: core.slice(0, 2) || office.name.slice(0, 2),
    caseNumberPattern: '（{year}）{abbr}调字第{seq:4}号',
    township: null,
    address: null,
    sealText: null,
    activeFrom: null,
    activeTo: null,
    sort: 1000,
    specialties: '[]',
  };
}

/** A database without a key file cannot be opened by anyone: keep it aside, never delete it. */
export function setAsideOrphanDatabase(session: Pick<Session, 'clock' | 'paths'>): void {
  const stamp = session.clock.now().toISOString().replace(/[:.]/g, '-');
  for (const suffix of ['', '-wal', '-shm']) {
    const file = session.paths.database + suffix;
    if (existsSync(file)) renameSync(file, `${session.paths.database}.orphan-${stamp}${suffix}`);
  }
}

function removeDatabaseFiles(session: Session): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(session.paths.database + suffix, { force: true });
}

function requireLocked(session: Session): KeyFile {
  if (session.state === 'uninitialized') throw new ConflictError('本机尚未初始化');
  if (session.state === 'unlocked') throw new ConflictError('已有用户登录，请先退出');
  const keyFile = session.currentKeys();
  if (!keyFile) throw new ConflictError('本机尚未初始化');
  return keyFile;
}

async function openForUser(
  session: Session,
  dek: Buffer,
  username: string,
): Promise<{ store: Store; row: UserRow }> {
  if (!session.databaseExists()) {
    throw new ConflictError('找不到数据库文件（desk.db），请检查数据目录或从备份恢复');
  }
  const store = await openDeskStore(session, dek, false);
  const row = await repositories(handleOf(store)).users.findByUsernameKey(usernameKey(username));
  if (!row || row.disabled) {
    await store.close();
    throw new AuthFailedError(row?.disabled ? '该账户已停用，请联系管理员' : undefined);
  }
  return { store, row };
}

async function finishUnlock(
  session: Session,
  store: Store,
  dek: Buffer,
  row: UserRow,
  action: string,
  key: SignInKey,
) {
  const settings = await getSettings(repositories(handleOf(store)));
  const actor = toActor(row);
  await session.unlock(store, dek, actor, settings.idleLockMinutes, key.signer, key.found);
  await session.transaction((repos) =>
    session.audit(repos, { action, outcome: 'ok', actor, target: row.id }),
  );
  return toSessionUser(actor);
}

function failedAttempt(session: Session, lockKey: string, action: string, username: string): never {
  const lockedFor = session.lockout.fail(lockKey);
  session.bufferAudit({ action, outcome: 'error', actor: null, account: username, detail: '密码错误' });
  if (lockedFor > 0) {
    session.bufferAudit({
      action: 'auth:lockout',
      outcome: 'error',
      actor: null,
      account: username,
      detail: `连续5次密码错误，锁定${lockedFor / 60}分钟`,
    });
    throw new AccountLockedError(lockedFor);
  }
  throw new AuthFailedError();
}

export async function signIn(
  session: Session,
  input: { username: string; password: string },
): Promise<SessionUser> {
  const keyFile = requireLocked(session);
  const lockKey = keyFile.lookup(usernameKey(input.username));
  const wait = session.lockout.secondsLocked(lockKey);
  if (wait > 0) {
    session.bufferLockedAttempt('auth:signIn', input.username);
    throw new AccountLockedError(wait);
  }
  const secrets = await keyFile.openForUser(usernameKey(input.username), input.password);
  if (!secrets) failedAttempt(session, lockKey, 'auth:signIn', input.username);
  const { dek } = secrets;
  try {
    const { store, row } = await openForUser(session, dek, input.username);
    try {
      const key = await signingKeyAtSignIn(session, store, row, {
        dek,
        password: input.password,
        unwrapped: secrets.signing,
      });
      session.lockout.succeed(lockKey);
      return await finishUnlock(session, store, dek, row, 'auth:signIn', key);
    } catch (error) {
      if (session.state !== 'unlocked') await store.close();
      throw error;
    }
  } catch (error) {
    dek.fill(0);
    throw error;
  }
}

export async function recover(
  session: Session,
  input: { recoveryCode: string; username: string; password: string },
): Promise<SessionUser> {
  const keyFile = requireLocked(session);
  const wait = session.lockout.secondsLocked(RECOVERY_LOCKOUT_KEY);
  if (wait > 0) {
    session.bufferLockedAttempt('auth:recover', input.username);
    throw new AccountLockedError(wait);
  }
  const dek = await keyFile.unwrapWithRecoveryCode(normalizeRecoveryCode(input.recoveryCode));
  if (!dek) {
    const lockedFor = session.lockout.fail(RECOVERY_LOCKOUT_KEY);
    session.bufferAudit({
      action: 'auth:recover',
      outcome: 'error',
      actor: null,
      account: input.username,
      detail: '恢复码错误',
    });
    if (lockedFor > 0) throw new AccountLockedError(lockedFor);
    throw ValidationError.field(['recoveryCode'], '恢复码', '恢复码不正确，请核对后重新输入');
  }
  try {
    const { store, row } = await openForUser(session, dek, input.username).catch((error: unknown) => {
      if (error instanceof AuthFailedError) {
        throw ValidationError.field(['username'], '用户名', '找不到该用户名对应的启用账户');
      }
      throw error;
    });
    if (!row.roles.includes('admin')) {
      await store.close();
      throw ValidationError.field(['username'], '用户名', '恢复码只能用于重设管理员的密码');
    }
    // The old signing key stays locked under the forgotten password: a new one, recorded anew.
    const key = await signingKeyAtSignIn(session, store, row, {
      dek,
      password: input.password,
      unwrapped: null,
      recovered: true,
    });
    session.lockout.succeed(RECOVERY_LOCKOUT_KEY);
    session.lockout.succeed(keyFile.lookup(row.usernameKey));
    return await finishUnlock(session, store, dek, row, 'auth:recover', key);
  } catch (error) {
    dek.fill(0);
    throw error;
  }
}

export async function changePassword(
  ctx: ServiceContext,
  input: { currentPassword: string; password: string },
): Promise<Record<string, never>> {
  const key = usernameKey(ctx.actor.username);
  const check = await ctx.vault.keyFile.unwrapForUser(key, input.currentPassword);
  if (!check) throw ValidationError.field(['currentPassword'], '当前密码', '当前密码不正确');
  check.fill(0);
  if (input.password === input.currentPassword) {
    throw ValidationError.field(['password'], '新密码', '新密码不能与当前密码相同，请换一个');
  }
  const row = await ctx.repos.users.findById(ctx.actor.userId);
  if (row?.mustChangePassword) {
    const saved = await ctx.repos.users.update(
      row,
      { mustChangePassword: false },
      ctx.clock.now().toISOString(),
    );
    if (!saved) throw new ConflictError('账户刚被其他操作修改，请重试');
    ctx.audit.detail = '管理员重置密码后设置新密码';
  }
  // The same signing key, rewrapped under the new password.
  await ctx.vault.keyFile.setUser(key, input.password, ctx.vault.dek, ctx.vault.kdfCost, ctx.vault.signer);
  ctx.vault.keyFile.save();
  ctx.audit.target = ctx.actor.userId;
  return {};
}
