import { channels, isChannelName, type AuditEntryDto } from '../../contract';
import type { Repositories } from '../../../db';
import type { Actor } from '../actor';
import type { Clock } from '../clock';
import type { ChainHead } from './anchor';
import { GENESIS_HASH, hashEntry } from './chain';
import type { SigningKey } from './signing';

export interface AuditEvent {
  action: string;
  outcome: 'ok' | 'error';
  actor: Pick<Actor, 'userId' | 'displayName'> | null;
  /** What was acted on: an id, or a name where no id exists yet. */
  target?: string | null;
  /** A short Chinese note: the error message, or what changed. Never a password. */
  detail?: string | null;
  /** When it happened, if earlier than now (failures buffered while the database was locked). */
  at?: string;
  /** A signing key this entry records for a user (see verify.ts for who may record whose). */
  enrols?: { userId: string; publicKey: string } | null;
}

/** Whose session appends the entry: every entry is signed with that user's key. */
export interface AuditSigner {
  userId: string;
  key: SigningKey;
}

export const HEAD_KEY = 'audit.head';

export async function appendAudit(
  repos: Repositories,
  clock: Clock,
  signer: AuditSigner,
  event: AuditEvent,
): Promise<ChainHead> {
  const last = repos.audit.lastForAppend();
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    at: event.at ?? clock.now().toISOString(),
    actorId: event.actor?.userId ?? null,
    actorName: event.actor?.displayName ?? null,
    action: event.action,
    target: event.target ?? null,
    outcome: event.outcome,
    detail: event.detail ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
    format: 2 as const,
    signerId: signer.userId,
    enrolsUserId: event.enrols?.userId ?? null,
    enrolsKey: event.enrols?.publicKey ?? null,
  };
  const hash = hashEntry(fields);
  repos.audit.insert({ ...fields, hash, signature: signer.key.sign(hash) });
  const head = { seq: fields.seq, hash };
  await repos.settings.set(HEAD_KEY, head);
  return head;
}

export const extraActionLabels: Record<string, string> = {
  'session:idleLock': '无操作自动锁定',
  'auth:lockout': '账户锁定',
  'cases:viewIdNumber': '查看完整证件号码',
  'audit:alarm': '审计告警',
  'audit:keyEnrolled': '登记签名密钥',
  'centre:migrate': '迁移到县中心数据库',
};

export function actionLabel(action: string): string {
  if (isChannelName(action)) return channels[action].label;
  return extraActionLabels[action] ?? action;
}

export function listAudit(repos: Repositories, page: number, pageSize: number, action?: string) {
  const { rows, total } = repos.audit.page((page - 1) * pageSize, pageSize, action);
  const items: AuditEntryDto[] = rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actorName: r.actorName,
    action: r.action,
    actionLabel: actionLabel(r.action),
    target: r.target,
    outcome: r.outcome,
    detail: r.detail,
  }));
  return { items, total, page, pageSize };
}
