import dayjs from 'dayjs';

/** '2026-11-30 09:00（今天）': when a backup was made, as the 管理员 reads it. */
export function backupTime(iso: string, today = dayjs()): string {
  const at = dayjs(iso);
  const days = today.startOf('day').diff(at.startOf('day'), 'day');
  const relative = days === 0 ? '今天' : days === 1 ? '昨天' : days > 1 ? `${days}天前` : '';
  return `${at.format('YYYY-MM-DD HH:mm')}${relative ? `（${relative}）` : ''}`;
}

export function megabytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  return `${Math.max(0.1, bytes / 1024 ** 2).toFixed(1)} MB`;
}
