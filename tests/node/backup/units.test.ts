import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  isPartialBackup,
  newestFirst,
  parseBackupName,
} from '../../../main/core/backup/names';
import { backupsToKeep } from '../../../main/core/backup/rotation';

// Names and rotation on their own: Beijing times in the name, two backups in one second kept
// apart and in order, and the newest backup never rotated away whatever the policy.

const INSTALLATION = '1a2b3c4d-5e6f-4000-8000-000000000000';

describe('backup file names', () => {
  it('carry the installation and the Beijing time, and nothing else', () => {
    const at = new Date('2026-11-30T16:05:09.500Z'); // 2026-12-01 00:05:09 in Beijing
    const name = backupFileName(INSTALLATION, at);
    expect(name).toBe('desk-backup-1a2b3c4d-20261201-000509.zip');
    expect(parseBackupName(name)).toEqual({
      installation: '1a2b3c4d',
      at: new Date('2026-11-30T16:05:09.000Z'),
      n: 0,
    });
    expect(backupFileName(INSTALLATION, at, 2)).toBe('desk-backup-1a2b3c4d-20261201-000509-2.zip');
    expect(parseBackupName('desk-backup-1a2b3c4d-20261201-000509.zip.partial')).toBeNull();
    expect(isPartialBackup('desk-backup-1a2b3c4d-20261201-000509.zip.partial')).toBe(true);
    expect(parseBackupName('照片.zip')).toBeNull();
  });

  it('order two backups of the same second by their counter', () => {
    const at = new Date('2026-11-30T01:00:00Z');
    const names = [
      backupFileName(INSTALLATION, at),
      backupFileName(INSTALLATION, at, 1),
      backupFileName(INSTALLATION, at, 2),
    ];
    expect([...names].sort(newestFirst)).toEqual([names[2], names[1], names[0]]);
  });
});

describe('rotation', () => {
  const day = (d: string, n = 0) => {
    const at = new Date(`${d}T01:00:00Z`);
    return { name: backupFileName(INSTALLATION, at, n), at };
  };

  it('keeps the newest backup whatever the policy, and the newest of each day', () => {
    const backups = [day('2026-11-28'), day('2026-11-29'), day('2026-11-30'), day('2026-11-30', 1)];
    expect(backupsToKeep(backups, { keepDaily: 1, keepWeekly: 0, keepMonthly: 0 })).toEqual(
      new Set([backups[3]!.name]),
    );
    expect(backupsToKeep(backups, { keepDaily: 2, keepWeekly: 0, keepMonthly: 0 })).toEqual(
      new Set([backups[3]!.name, backups[1]!.name]),
    );
    expect(backupsToKeep([], { keepDaily: 7, keepWeekly: 4, keepMonthly: 12 })).toEqual(new Set());
  });

  it('counts weeks from Monday, in Beijing', () => {
    // Sunday 29 and Monday 30 November: two weeks.
    const backups = [day('2026-11-27'), day('2026-11-29'), day('2026-11-30')];
    expect(backupsToKeep(backups, { keepDaily: 1, keepWeekly: 2, keepMonthly: 0 })).toEqual(
      new Set([backups[2]!.name, backups[1]!.name]),
    );
  });
});
