import { channels, isChannelName, type AuditEntryDto, type AuditVerifyResult } from '../../contract';
import type { Repositories } from '../../../db';
import type { Actor } from '../actor';
import type { Clock } from '../clock';
import { GENESIS_HASH, hashEntry } from './chain';

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
}

const HEAD_KEY = 'audit.head';

export async function appendAudit(repos: Repositories, clock: Clock, event: AuditEvent): Promise<void> {
  const last = repos.audit.last();
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
  };
  const hash = hashEntry(fields);
  repos.audit.insert({ ...fields, hash });
  await repos.settings.set(HEAD_KEY, { seq: fields.seq, hash });
}

export const extraActionLabels: Record<string, string> = {
  'session:idleLock': '无操作自动锁定',
  'auth:lockout': '账户锁定',
  'cases:viewIdNumber': '查看完整证件号码',
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

/** Walks the whole chain; reports the first entry that was edited, removed or reordered. */
export async function verifyAudit(repos: Repositories): Promise<AuditVerifyResult> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const broken = (seq: number, why: string): AuditVerifyResult => ({
    intact: false,
    checked,
    firstBrokenSeq: seq,
    message: `审计日志第${seq}条${why}，日志可能被篡改`,
  });
  for (const row of repos.audit.inOrder()) {
    if (row.seq !== expectedSeq) return broken(expectedSeq, '缺失');
    if (row.prevHash !== prevHash) return broken(row.seq, '与前一条不衔接');
    const { hash, ...fields } = row;
    if (hashEntry(fields) !== hash) return broken(row.seq, '内容与校验值不符');
    prevHash = hash;
    expectedSeq += 1;
    checked += 1;
  }
  const head = await repos.settings.get<{ seq: number; hash: string }>(HEAD_KEY);
  const headMatches = head ? head.seq === checked && head.hash === prevHash : checked === 0;
  if (!headMatches) {
    return broken(checked + 1, '之后的记录缺失');
  }
  return { intact: true, checked, firstBrokenSeq: null, message: `已校验${checked}条记录，完整无误` };
}
