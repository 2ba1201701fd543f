import type { Repositories } from '../../../db';
import { AnchorWriter, readAnchor, type ChainHead } from '../audit/anchor';
import { ALARM_ACTION } from '../audit/integrity';
import { appendAudit, type AuditEvent, type AuditSigner } from '../audit/log';
import { takeQueuedAudit } from '../audit/queued';
import { ANCHORED_KEY, tailFindings } from '../audit/tail';
import type { Clock } from '../clock';
import { usernameKey } from '../users/names';

// The audit writer of one signed-in session: every entry it appends is signed with the user's
// key, and once the transaction that appended commits, the anchor outside the database moves
// forward to the new head. At unlock it first checks the tail (before any append could
// re-anchor a cut chain) and writes what it found as an alarm entry.

/** A buffered event that names an account by the user name typed at sign-in. */
export interface PendingAuditEvent extends AuditEvent {
  /** Resolved at the next unlock to the account's display name and user name. */
  account?: string;
}

export interface UnlockFindings {
  /** What the sign-in's own key check found (a key that is not the one the chain records). */
  keyFindings: string[];
  /** Record the user's key first: the chain has none for them, or the wrong one. */
  enrolment: { reason: string; selfTarget: { userId: string; displayName: string; username: string } } | null;
}

export class AuditTrail {
  private anchored: ChainHead | null = null;
  private pending: ChainHead | null = null;
  private readonly anchor: AnchorWriter;

  constructor(
    private readonly dataDir: string,
    private readonly clock: Clock,
    readonly signer: AuditSigner,
    /** The setting that records this desk's anchor was written (../audit/tail.ts anchoredKey). */
    private readonly anchoredFlag = ANCHORED_KEY,
  ) {
    this.anchor = new AnchorWriter(dataDir);
  }

  async append(repos: Repositories, event: AuditEvent): Promise<void> {
    this.pending = await appendAudit(repos, this.clock, this.signer, event);
  }

  /**
   * The unlock's own entries, in one transaction, before anything else is appended: the
   * enrolment of the user's key if needed, then an alarm for whatever the tail check and the
   * key check found, then the events buffered while locked and those queued in the database. Returns whether there was a finding.
   */
  async open(repos: Repositories, found: UnlockFindings, buffered: PendingAuditEvent[]): Promise<boolean> {
    const anchor = readAnchor(this.dataDir);
    const findings = [...(await tailFindings(repos, anchor, this.anchoredFlag)), ...found.keyFindings];
    if (found.enrolment) {
      const who = found.enrolment.selfTarget;
      await this.append(repos, {
        action: 'audit:keyEnrolled',
        outcome: 'ok',
        actor: { userId: who.userId, displayName: who.displayName },
        target: who.userId,
        detail: `为${who.displayName}（${who.username}）登记签名密钥：${found.enrolment.reason}`,
        enrols: { userId: who.userId, publicKey: this.signer.key.publicKey },
      });
    }
    if (findings.length > 0) {
      await this.append(repos, {
        action: ALARM_ACTION,
        outcome: 'error',
        actor: null,
        detail: findings.join('；'),
      });
    }
    for (const event of buffered) await this.append(repos, await nameAccount(repos, event));
    // A restore's own entry, waiting in the restored database (audit/queued.ts).
    for (const event of await takeQueuedAudit(repos)) await this.append(repos, event);
    if (!(await repos.settings.get<boolean>(this.anchoredFlag)))
      await repos.settings.set(this.anchoredFlag, true);
    // A finding is now in the chain: the anchor is re-based on the chain that records it.
    this.anchored = findings.length > 0 || anchor.kind !== 'present' ? null : anchor.head;
    return findings.length > 0;
  }

  /** After the transaction that appended committed: move the anchor forward. */
  committed(repos: Repositories, durable = false): void {
    const head = this.pending;
    this.pending = null;
    if (head) this.advance(repos, head, durable);
  }

  rolledBack(): void {
    this.pending = null;
  }

  /** At lock: the anchor reaches the disk. */
  flush(repos: Repositories): void {
    const last = repos.audit.last();
    if (last) this.advance(repos, { seq: last.seq, hash: last.hash }, true);
    this.anchor.close();
  }

  private advance(repos: Repositories, head: ChainHead, durable: boolean): void {
    const from = this.anchored;
    if (from) {
      if (head.seq < from.seq || (head.seq === from.seq && head.hash === from.hash && !durable)) return;
      // Only along the chain it points at: if that entry was cut or changed underneath us, the
      // anchor stays where it is, and the next unlock reports it.
      if (repos.audit.bySeq(from.seq)?.hash !== from.hash) return;
    }
    try {
      this.anchor.write(head, durable);
      this.anchored = head;
    } catch (error) {
      // The database committed; an anchor one step behind is allowed (the next write catches up).
      console.error('[audit] could not write the chain anchor', error);
    }
  }
}

/** "账户 李青（liqing）：…" for an event that names the account typed at sign-in. */
async function nameAccount(repos: Repositories, event: PendingAuditEvent): Promise<AuditEvent> {
  const { account, ...rest } = event;
  if (account === undefined) return rest;
  const user = await repos.users.findByUsernameKey(usernameKey(account));
  const who = user ? `${user.displayName}（${user.username}）` : `“${account}”（无此用户）`;
  return {
    ...rest,
    target: user?.id ?? account,
    detail: `账户${who}：${rest.detail ?? ''}`,
  };
}
