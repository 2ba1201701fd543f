import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { handleOf, repositories, type PgConfig, type Repositories, type Store } from '../../../db';
import type { EventName, EventPayload, Office } from '../../contract';
import type { Actor } from '../actor';
import type { AuditEvent, AuditSigner } from '../audit/log';
import type { SigningKey } from '../audit/signing';
import type { KeyFile } from '../auth/keyFile';
import type { KeyHome } from '../auth/keyHome';
import { CentreLink } from './centreLink';
import { forgetGrownSearchRows, rewriteGrownSearchRows } from '../cases/searchRow';
import type { KdfCost } from '../auth/kdf';
import { Lockout } from '../auth/lockout';
import type { Clock } from '../clock';
import { DomainError, UnauthenticatedError } from '../errors';
import type { InstallationKeys } from '../installationKeys/keys';
import { installationKeysAtUnlock } from '../installationKeys/storage';
import { anchoredKey } from '../audit/tail';
import { AuditTrail, type PendingAuditEvent, type UnlockFindings } from './auditTrail';
import { Mutex } from './mutex';
import { WaitingAudit } from './waitingAudit';
import { dataPaths } from './paths';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface SessionOptions {
  dataDir: string;
  clock: Clock;
  kdfCost: KdfCost;
  /** The county centre's PostgreSQL, when this desk works on it (issue 17); else the desk's own file. */
  centre?: PgConfig | null;
}

interface Unlocked {
  store: Store;
  dek: Buffer;
  actor: Actor;
  /** The user's audit signing key, unwrapped with their password. */
  signer: SigningKey;
  trail: AuditTrail;
  /** The installation's signing and agreement keys; null when keys.json's seal is damaged. */
  installation: InstallationKeys | null;
}

export const DEFAULT_IDLE_LOCK_MINUTES = 10;

/** Runs `fn` in one transaction; cases whose scope grew in it get their search rows rewritten before it commits. */
export function inTransaction<T>(store: Store, fn: (repos: Repositories) => Promise<T>): Promise<T> {
  return store.transaction(async () => {
    const repos = repositories(handleOf(store));
    try {
      const result = await fn(repos);
      rewriteGrownSearchRows(repos);
      return result;
    } catch (error) {
      forgetGrownSearchRows(repos);
      throw error;
    }
  });
}

/**
 * The installation's one session: whether it is set up, who is signed in, the open database
 * and its key. Locking closes the database and wipes the key from memory.
 */
export class Session {
  readonly paths: ReturnType<typeof dataPaths>;
  readonly clock: Clock;
  readonly kdfCost: KdfCost;
  /** Whether this desk works on the county centre's PostgreSQL, which, and where its keys are. */
  private readonly link: CentreLink;
  /** The store a setup is making, before anyone is signed in (the centre's keys join its transaction). */
  settingUp: Store | null = null;
  readonly lockout: Lockout;
  readonly mutex = new Mutex();
  keyFile: KeyFile | null;
  /** Recovery code shown by setup:begin, awaiting confirmation in setup:complete. */
  pendingRecoveryCode: string | null = null;
  idleLockMinutes = DEFAULT_IDLE_LOCK_MINUTES;
  /** Set by sign-out: the dispatcher locks once the call's transaction (and audit) committed. */
  lockAfterCall: 'signedOut' | null = null;
  /** Why the session was last locked, until the next unlock: the sign-in screen says so. */
  lockReason: 'idle' | null = null;
  /**
   * Work that must run once the call's transaction has committed and before its answer goes
   * back, such as a restore replacing the database the transaction ran on. Its failure is the
   * call's failure.
   */
  afterCall: (() => Promise<void>) | null = null;
  private unlocked: Unlocked | null = null;
  private lastActivity = 0;
  private readonly waitingAudit: WaitingAudit;
  private readonly listeners = new Set<EventListener>();
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(options: SessionOptions) {
    this.paths = dataPaths(options.dataDir);
    this.clock = options.clock;
    this.kdfCost = options.kdfCost;
    this.lockout = new Lockout(options.clock);
    this.waitingAudit = new WaitingAudit(options.clock);
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    this.link = new CentreLink(options.dataDir, options.centre);
    this.keyFile = this.link.keysAtStart(this.keyHome());
    this.wipeTemp();
  }

  get state(): 'uninitialized' | 'locked' | 'unlocked' {
    // A desk of the centre whose server is away still shows its sign-in screen (which says so).
    if (!this.keyFile && !this.link.office) return 'uninitialized';
    return this.unlocked ? 'unlocked' : 'locked';
  }

  /** The office this installation is, as its key file names it (or centre.json, server away). */
  get office(): Office | null {
    return this.keyFile?.office ?? this.link.office;
  }

  /** The county centre's PostgreSQL this desk works on (centre.json), or null: the desk's own file. */
  get centre(): PgConfig | null {
    return this.link.config;
  }

  /** A centre the setup wizard connected to that no desk has set up yet: this desk's setup will. */
  get pendingCentre(): PgConfig | null {
    return this.link.pending;
  }

  set pendingCentre(config: PgConfig | null) {
    this.link.pending = config;
  }

  /** Where the key file is kept: keys.json, or the centre's key tables (./centreLink.ts). */
  keyHome(centre: PgConfig | null = this.centre): KeyHome {
    return this.link.keyHome(() => this.unlocked?.store ?? this.settingUp, centre);
  }

  /**
   * Before a sign-in: the key file as it is now. The centre's is read again (a user made or a
   * password changed at another desk counts here); an unreachable server says so.
   */
  currentKeys(): KeyFile | null {
    this.keyFile = this.link.currentKeys(this.keyFile, this.keyHome());
    return this.keyFile;
  }

  /** A centre's desk that joined or set it up: centre.json remembers the server from now on. */
  joinedCentre(config: PgConfig, keyFile: KeyFile): void {
    this.link.joined(config, keyFile.office);
    this.keyFile = keyFile;
  }

  get actor(): Actor | null {
    return this.unlocked?.actor ?? null;
  }

  /**
   * The current sign-in, null while locked: a new one each unlock. Work started in one sign-in
   * (a batch export) stops when that sign-in ends, even if the same user signs in again.
   */
  get sitting(): object | null {
    return this.unlocked;
  }

  requireUnlocked(): Unlocked & { keyFile: KeyFile } {
    if (!this.unlocked || !this.keyFile) throw new UnauthenticatedError('会话已锁定，请重新登录');
    return { ...this.unlocked, keyFile: this.keyFile };
  }

  repos(): Repositories {
    return repositories(handleOf(this.requireUnlocked().store));
  }

  /**
   * Runs `fn` in one database transaction with repositories bound to it; once it commits, the
   * audit chain's anchor moves to the entries it appended.
   */
  async transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    const { store, trail } = this.requireUnlocked();
    let result: T;
    try {
      result = await inTransaction(store, fn);
    } catch (error) {
      trail.rolledBack();
      throw error;
    }
    trail.committed(repositories(handleOf(store)));
    return result;
  }

  /** Appends an audit entry signed by the signed-in user (inside the caller's transaction). */
  audit(repos: Repositories, event: AuditEvent): Promise<void> {
    return this.requireUnlocked().trail.append(repos, event);
  }

  /** Who signs what this session appends (bulk loads that write entries themselves use it too). */
  auditSigner(): AuditSigner {
    return this.requireUnlocked().trail.signer;
  }

  /** The signed-in user's public key and who they are, for 校验完整性. */
  verifier() {
    const { actor, signer } = this.requireUnlocked();
    return {
      dataDir: this.paths.dataDir,
      anchoredFlag: anchoredKey(this.link.deskId),
      userId: actor.userId,
      displayName: actor.displayName,
      publicKey: signer.publicKey,
    };
  }

  /**
   * The installation's keys (made here at the first unlock after the upgrade that introduced
   * them). A damaged seal does not stop anyone signing in; it stops what needs the keys, with
   * the message saying why.
   */
  installationKeys(): InstallationKeys {
    const unlocked = this.requireUnlocked();
    return unlocked.installation ?? installationKeysAtUnlock(unlocked.keyFile, unlocked.dek);
  }

  private openInstallationKeys(dek: Buffer): InstallationKeys | null {
    try {
      return installationKeysAtUnlock(this.keyFile!, dek);
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
  }

  /** The user chose a new password after an administrator's reset. */
  passwordChanged(): void {
    if (this.unlocked) this.unlocked.actor = { ...this.unlocked.actor, mustChangePassword: false };
  }

  /** Whether there is a database to open: the desk's file, or (always) the centre's server. */
  databaseExists(): boolean {
    return this.centre !== null || existsSync(this.paths.database);
  }

  /** Where the desk's data lives (./deskStore.ts). */
  get dataDir(): string {
    return this.paths.dataDir;
  }

  /**
   * Called by sign-in paths once the database is open and the user is known. Before anything
   * is appended, the chain's tail is checked against the heads inside and outside the database;
   * what was found, the key enrolment if any and the events buffered while locked are written
   * first, in one transaction.
   */
  async unlock(
    store: Store,
    dek: Buffer,
    actor: Actor,
    idleLockMinutes: number,
    signer: SigningKey,
    found: UnlockFindings = { keyFindings: [], enrolment: null },
  ): Promise<void> {
    const trail = new AuditTrail(
      this.paths.dataDir,
      this.clock,
      { userId: actor.userId, key: signer },
      anchoredKey(this.link.deskId),
    );
    this.unlocked = { store, dek, actor, signer, trail, installation: this.openInstallationKeys(dek) };
    this.idleLockMinutes = idleLockMinutes;
    this.lockReason = null;
    this.touch();
    // A copy Word held open at the last lock could not be deleted then; try again now.
    this.wipeTemp();
    const buffered = this.waitingAudit.take();
    try {
      await inTransaction(store, (repos) => trail.open(repos, found, buffered));
      trail.committed(repositories(handleOf(store)), true);
    } catch (error) {
      // Not unlocked after all: the caller closes the store; the buffered events wait again.
      this.unlocked = null;
      this.waitingAudit.putBack(buffered);
      throw error;
    }
  }

  async lock(reason: 'idle' | 'signedOut'): Promise<void> {
    const current = this.unlocked;
    if (!current) return;
    try {
      if (reason === 'idle') {
        await this.transaction((repos) =>
          current.trail.append(repos, {
            action: 'session:idleLock',
            outcome: 'ok',
            actor: current.actor,
            detail: `${this.idleLockMinutes}分钟无操作`,
          }),
        );
      }
      current.trail.flush(repositories(handleOf(current.store)));
    } finally {
      // Locked whatever the last entries met (a full disk, the centre's server gone): the key
      // leaves memory and the database closes, never left open behind a failed lock.
      this.unlocked = null;
      this.lockReason = reason === 'idle' ? 'idle' : null;
      current.signer.forget();
      current.dek.fill(0);
      await current.store.close();
      this.wipeTemp();
      this.emit('session:locked', { reason });
    }
  }

  /** Audit events that happen while the database is locked wait for the next unlock (./waitingAudit.ts). */
  bufferAudit(event: PendingAuditEvent): void {
    this.waitingAudit.add(event);
  }

  /** An attempt on a locked account: one waiting entry per account and action, counted. */
  bufferLockedAttempt(action: 'auth:signIn' | 'auth:recover', account: string): void {
    this.waitingAudit.lockedAttempt(action, account);
  }

  touch(): void {
    this.lastActivity = this.clock.now().getTime();
  }

  idleExpired(): boolean {
    if (!this.unlocked) return false;
    return this.clock.now().getTime() - this.lastActivity >= this.idleLockMinutes * 60_000;
  }

  /** Checks for idleness every `intervalMs`; the timer never keeps the process alive. */
  startIdleWatch(intervalMs = 15_000): void {
    this.stopIdleWatch();
    this.idleTimer = setInterval(() => void this.lockIfIdle(), intervalMs);
    this.idleTimer.unref();
  }

  stopIdleWatch(): void {
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.idleTimer = null;
  }

  lockIfIdle(): Promise<void> {
    return this.mutex.run(async () => {
      if (this.idleExpired()) await this.lock('idle');
    });
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  /** For exit: lock (closing the database) and stop timers. */
  async shutdown(): Promise<void> {
    this.stopIdleWatch();
    await this.mutex.run(() => this.lock('signedOut'));
    this.link.close();
    this.wipeTemp();
  }

  /**
   * Plaintext copies (a document opened in Word/WPS) go at launch, unlock, lock and exit. Best
   * effort: on Windows a file the editor still holds cannot be deleted; the next wipe gets it.
   */
  private wipeTemp(): void {
    try {
      rmSync(this.paths.temp, { recursive: true, force: true, maxRetries: 2 });
    } catch (error) {
      console.error('[session] could not wipe the temp folder yet', (error as Error).message);
    }
  }
}
