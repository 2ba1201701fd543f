import type { Clock } from '../clock';

// Failed sign-ins, per account (keyed by the look-up hash, never the name). Kept in memory on
// purpose: a wrong password must leave every file byte-identical, and the database is closed
// while nobody is signed in. The scrypt cost, not this counter, is what stops an attacker who
// holds the files. Failures reach the audit log at the next successful sign-in.

export const MAX_FAILURES = 5;
export const FIRST_LOCK_MS = 15 * 60 * 1000;

interface AccountState {
  failures: number;
  lockedUntil: number;
  /** How many times this account has been locked: each lock lasts twice the one before. */
  locks: number;
}

export class Lockout {
  private readonly accounts = new Map<string, AccountState>();

  constructor(private readonly clock: Clock) {}

  /** Seconds left on a lock, or 0. */
  secondsLocked(key: string): number {
    const state = this.accounts.get(key);
    if (!state) return 0;
    const left = state.lockedUntil - this.clock.now().getTime();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** Records a failure; returns the new lock's length in seconds when this failure locked it. */
  fail(key: string): number {
    const state = this.accounts.get(key) ?? { failures: 0, lockedUntil: 0, locks: 0 };
    state.failures += 1;
    let lockedFor = 0;
    if (state.failures >= MAX_FAILURES) {
      const ms = FIRST_LOCK_MS * 2 ** state.locks;
      state.lockedUntil = this.clock.now().getTime() + ms;
      state.locks += 1;
      state.failures = 0;
      lockedFor = ms / 1000;
    }
    this.accounts.set(key, state);
    return lockedFor;
  }

  /** When the account's lock ends, or null when it is not locked. */
  lockedUntil(key: string): Date | null {
    const state = this.accounts.get(key);
    if (!state || state.lockedUntil <= this.clock.now().getTime()) return null;
    return new Date(state.lockedUntil);
  }

  /** A successful sign-in, an administrator's 解除锁定 or password reset: the slate is clean. */
  succeed(key: string): void {
    this.accounts.delete(key);
  }
}
