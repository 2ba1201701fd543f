import { addDays, officeDate } from '../dates';
import { newestFirst } from './names';

// Which backups to keep (grandfather-father-son, counted as restic counts them): the newest backup
// of each of the last `keepDaily` days that have one, of each of the last `keepWeekly` weeks
// (Monday to Sunday) and of each of the last `keepMonthly` months; a backup may count for several.
// The newest backup is always kept: rotation runs only after a new backup was verified, and never
// deletes the last good one. Days are Beijing calendar days.

export interface KeepPolicy {
  keepDaily: number;
  keepWeekly: number;
  keepMonthly: number;
}

export interface Dated {
  name: string;
  at: Date;
}

function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

const buckets: { key: (day: string) => string; count: (p: KeepPolicy) => number }[] = [
  { key: (day) => day, count: (p) => p.keepDaily },
  { key: mondayOf, count: (p) => p.keepWeekly },
  { key: (day) => day.slice(0, 7), count: (p) => p.keepMonthly },
];

/** The names to keep; every other backup of this installation may be deleted. */
export function backupsToKeep(backups: Dated[], policy: KeepPolicy): Set<string> {
  const ordered = [...backups].sort((a, b) => newestFirst(a.name, b.name) || b.at.getTime() - a.at.getTime());
  const keep = new Set<string>();
  if (ordered[0]) keep.add(ordered[0].name);
  for (const bucket of buckets) {
    const seen = new Set<string>();
    const limit = bucket.count(policy);
    for (const backup of ordered) {
      const key = bucket.key(officeDate(backup.at));
      if (seen.has(key)) continue;
      if (seen.size >= limit) break;
      seen.add(key);
      keep.add(backup.name);
    }
  }
  return keep;
}
