import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { handleOf, repositories, type Repositories, type Store } from '../../../db';
import type { EventName, EventPayload } from '../../contract';
import type { Actor } from '../actor';
import { appendAudit, type AuditEvent } from '../audit/log';
import { KeyFile } from '../auth/keyFile';
import type { KdfCost } from '../auth/kdf';
import { Lockout } from '../auth/lockout';
import type { Clock } from '../clock';
import { UnauthenticatedError } from '../errors';
import { Mutex } from './mutex';
import { dataPaths } from './paths';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface SessionOptions {
  dataDir: string;
  clock: Clock;
  kdfCost: KdfCost;
}

interface Unlocked {
  store: Store;
  dek: Buffer;
  actor: Actor;
}

export const DEFAULT_IDLE_LOCK_MINUTES = 10;

export function inTransaction<T>(store: Store, fn: (repos: Repositories) => Promise<T>): Promise<T> {
  return store.dataSource.transaction((em) => fn(repositories(handleOf(store, em))));
}

/**
 * The installation's one session: whether it is set up, who is signed in, the open database
 * and its key. Locking closes the database and wipes the key from memory.
 */
export class Session {
  readonly paths: ReturnType<typeof dataPaths>;
  readonly clock: Clock;
  readonly kdfCost: KdfCost;
  readonly lockout: Lockout;
  readonly mutex = new Mutex();
  keyFile: KeyFile | null;
  /** Recovery code shown by setup:begin, awaiting confirmation in setup:complete. */
  pendingRecoveryCode: string | null = null;
  idleLockMinutes = DEFAULT_IDLE_LOCK_MINUTES;
  /** Set by sign-out: the dispatcher locks once the call's transaction (and audit) committed. */
  lockAfterCall: 'signedOut' | null = null;
  /**
   * Work that must run once the call's transaction has committed and before its answer goes
   * back, such as a restore replacing the database the transaction ran on. Its failure is the
   * call's failure.
   */
  afterCall: (() => Promise<void>) | null = null;
  private unlocked: Unlocked | null = null;
  private lastActivity = 0;
  private pendingAudit: AuditEvent[] = [];
  private readonly listeners = new Set<EventListener>();
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(options: SessionOptions) {
    this.paths = dataPaths(options.dataDir);
    this.clock = options.clock;
    this.kdfCost = options.kdfCost;
    this.lockout = new Lockout(options.clock);
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    this.keyFile = KeyFile.exists(options.dataDir) ? KeyFile.load(options.dataDir) : null;
    this.wipeTemp();
  }

  get state(): 'uninitialized' | 'locked' | 'unlocked' {
    if (!this.keyFile) return 'uninitialized';
    return this.unlocked ? 'unlocked' : 'locked';
  }

  get actor(): Actor | null {
    return this.unlocked?.actor ?? null;
  }

  requireUnlocked(): Unlocked & { keyFile: KeyFile } {
    if (!this.unlocked || !this.keyFile) throw new UnauthenticatedError('会话已锁定，请重新登录');
    return { ...this.unlocked, keyFile: this.keyFile };
  }

  repos(): Repositories {
    return repositories(handleOf(this.requireUnlocked().store));
  }

  /** Runs `fn` in one database transaction with repositories bound to it. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    return inTransaction(this.requireUnlocked().store, fn);
  }

  databaseExists(): boolean {
    return existsSync(this.paths.database);
  }

  /** Called by sign-in paths once the database is open and the user is known. */
  async unlock(store: Store, dek: Buffer, actor: Actor, idleLockMinutes: number): Promise<void> {
    this.unlocked = { store, dek, actor };
    this.idleLockMinutes = idleLockMinutes;
    this.touch();
    const buffered = this.pendingAudit;
    this.pendingAudit = [];
    await inTransaction(store, async (repos) => {
      for (const event of buffered) await appendAudit(repos, this.clock, event);
    });
  }

  async lock(reason: 'idle' | 'signedOut'): Promise<void> {
    const current = this.unlocked;
    if (!current) return;
    this.unlocked = null;
    if (reason === 'idle') {
      await inTransaction(current.store, (repos) =>
        appendAudit(repos, this.clock, {
          action: 'session:idleLock',
          outcome: 'ok',
          actor: current.actor,
          detail: `${this.idleLockMinutes}分钟无操作`,
        }),
      );
    }
    current.dek.fill(0);
    await current.store.close();
    this.wipeTemp();
    this.emit('session:locked', { reason });
  }

  /** Audit events that happen while the database is locked wait here for the next unlock. */
  bufferAudit(event: AuditEvent): void {
    this.pendingAudit.push({ ...event, at: event.at ?? this.clock.now().toISOString() });
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
    this.wipeTemp();
  }

  private wipeTemp(): void {
    rmSync(this.paths.temp, { recursive: true, force: true });
  }
}
