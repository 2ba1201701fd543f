import type { BackupJobDto } from '../../contract';
import { DomainError } from '../errors';
import type { Session } from '../session/session';

// What the screen hears of a running job (backup:progress events) and how a failure reads.

/**
 * Reports one job's progress: one event per visible change, at most ~6 a second (enough for a
 * smooth bar); `onChange` sees every report (the running job's status keeps up with it).
 */
export function progressReporter(
  session: Session,
  jobId: string,
  kind: BackupJobDto['kind'],
  onChange?: (percent: number, message: string) => void,
) {
  let last = { percent: -1, message: '', at: 0 };
  return (percent: number, message: string) => {
    onChange?.(percent, message);
    const now = Date.now();
    if (message === last.message && (percent === last.percent || now - last.at < 150)) return;
    last = { percent, message, at: now };
    session.emit('backup:progress', { jobId, kind, percent, message });
  };
}

/** A failure the 管理员 can act on, in Chinese; the technical detail goes to the console. */
export function explain(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  const code = (error as { code?: string }).code ?? '';
  console.error('[backup]', error);
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return '磁盘空间已满，备份未完成';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return '没有写入备份位置的权限，备份未完成';
  if (code === 'ENOENT' || code === 'ENODEV')
    return '备份位置在备份过程中变得不可用（U盘被拔出？），备份未完成';
  if (code === 'EIO') return '读写出错，U盘或磁盘可能有问题，备份未完成';
  return `备份时发生错误（${code || (error as Error).message || '未知'}），备份未完成`;
}
