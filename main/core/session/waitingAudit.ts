import type { Clock } from '../clock';
import type { PendingAuditEvent } from './auditTrail';

// Audit events that happen while the database is locked (a wrong password, an attempt on a
// locked account, a backup finishing after a lock) wait here in memory for the next unlock,
// which appends them first (auditTrail.ts). Attempts on a locked account are counted in one
// entry per account and action, so hammering it costs memory for one entry, not one per try.

export class WaitingAudit {
  private events: PendingAuditEvent[] = [];
  private lockedAttempts = new Map<string, PendingAuditEvent & { count: number }>();

  constructor(private readonly clock: Clock) {}

  add(event: PendingAuditEvent): void {
    this.events.push({ ...event, at: event.at ?? this.clock.now().toISOString() });
  }

  lockedAttempt(action: 'auth:signIn' | 'auth:recover', account: string): void {
    const key = `${action}\n${account}`;
    const what = action === 'auth:recover' ? '用恢复码重设密码' : '登录';
    const entry = this.lockedAttempts.get(key);
    if (entry) {
      entry.count += 1;
      entry.detail = `锁定期间尝试${what}${entry.count}次`;
      return;
    }
    const first = {
      action,
      outcome: 'error' as const,
      actor: null,
      account,
      detail: `锁定期间尝试${what}1次`,
      at: this.clock.now().toISOString(),
      count: 1,
    };
    this.lockedAttempts.set(key, first);
    this.events.push(first);
  }

  /** Everything waiting, oldest first, for an unlock to append; none left behind. */
  take(): PendingAuditEvent[] {
    const taken = this.events;
    this.events = [];
    this.lockedAttempts.clear();
    return taken;
  }

  /** An unlock that failed: what it took waits again, before anything added meanwhile. */
  putBack(taken: PendingAuditEvent[]): void {
    this.events = [...taken, ...this.events];
  }
}
