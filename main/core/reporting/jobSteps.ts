import type { Repositories } from '../../../db';
import type { ProvinceJobDto } from '../../contract';
import { DomainError } from '../errors';
import type { ActorScope } from '../scope/actorScope';
import type { Session } from '../session/session';

// The export job's plumbing: each step takes its turn on the session's mutex so the desk keeps
// answering, and progress goes out as 'job:progress' on the shared progress bar.

export const LABEL = '导出省级报送数据包';

export interface Run {
  session: Session;
  job: { dto: ProvinceJobDto; cancelled: boolean; zipPath: string };
  scope: ActorScope;
  actor: { userId: string; displayName: string };
  office: { id: string; name: string };
  /** The sign-in that started the job (Session.sitting): a lock empties the folder its zip is in. */
  sitting: object | null;
}

export function progress(run: Run, current: string | null): void {
  const d = run.job.dto;
  run.session.emit('job:progress', {
    jobId: d.jobId,
    label: LABEL,
    done: d.done,
    total: d.total,
    current,
    state: d.state,
  });
}

/** One step under the mutex, refused once the sign-in that started the job has ended. */
export function step<T>(run: Run, fn: () => T | Promise<T>): Promise<T> {
  const { session } = run;
  return session.mutex.run(async () => {
    if (session.state !== 'unlocked' || session.sitting !== run.sitting) {
      throw new DomainError('UNAUTHENTICATED', '会话已锁定或已换人登录，导出已中止');
    }
    return fn();
  });
}

/**
 * One step in one transaction of the connection's own (BEGIN … COMMIT through better-sqlite3):
 * the batch's steps run prepared statements only and append no audit entry, so they need
 * neither TypeORM's query runner nor the audit trail's bookkeeping that session.transaction does.
 */
export function rawStep<T>(run: Run, fn: (repos: Repositories) => T): Promise<T> {
  return step(run, () => {
    const { store } = run.session.requireUnlocked();
    return store.sql.transaction(() => fn(run.session.repos()));
  });
}

export const yieldTurn = () => new Promise((resolve) => setImmediate(resolve));
