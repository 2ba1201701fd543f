import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { defaultBackupKeep, type BackupSettingsDto } from '../../contract';
import { writeFileDurably } from '../files/durable';

// backup.json in the data directory: where this PC backs up to, how many backups it keeps, and
// how the last backup went. It belongs to the PC, not to the data: a restore (onto this PC or a
// new one) replaces desk.db and keys.json but leaves this file, so the USB disk or share this PC
// uses stays set, and the record of the last good backup stays true (those files still exist).
// It holds paths, times and sizes only, and can be read while the database is locked.

export const BACKUP_STATE_FILE = 'backup.json';

const recordSchema = z.object({
  at: z.string(),
  file: z.string(),
  bytes: z.number(),
  sha256: z.string(),
});

const stateSchema = z.object({
  folder: z.string().nullable().default(null),
  autoDaily: z.boolean().default(true),
  keepDaily: z.number().int().default(defaultBackupKeep.keepDaily),
  keepWeekly: z.number().int().default(defaultBackupKeep.keepWeekly),
  keepMonthly: z.number().int().default(defaultBackupKeep.keepMonthly),
  last: recordSchema.nullable().default(null),
  lastError: z.object({ at: z.string(), message: z.string() }).nullable().default(null),
});

export type BackupState = z.infer<typeof stateSchema>;
export type BackupRecord = z.infer<typeof recordSchema>;

export function backupPaths(dataDir: string) {
  return {
    state: join(dataDir, BACKUP_STATE_FILE),
    /** Snapshots being taken (encrypted); wiped before each backup and at start-up. */
    work: join(dataDir, 'backup-work'),
    /** A backup being restored, unpacked and checked (encrypted); wiped likewise. */
    staging: join(dataDir, 'restore-staging'),
  };
}

export function readBackupState(dataDir: string): BackupState {
  let raw: unknown = {};
  try {
    raw = JSON.parse(readFileSync(backupPaths(dataDir).state, 'utf8'));
  } catch {
    // Missing (never configured) or unreadable: start from the defaults; the 管理员 sees "unset".
  }
  const parsed = stateSchema.safeParse(raw);
  return parsed.success ? parsed.data : stateSchema.parse({});
}

export function writeBackupState(dataDir: string, state: BackupState): void {
  writeFileDurably(backupPaths(dataDir).state, JSON.stringify(state, null, 2));
}

export function updateBackupState(dataDir: string, change: Partial<BackupState>): BackupState {
  const next = { ...readBackupState(dataDir), ...change };
  writeBackupState(dataDir, next);
  return next;
}

export function settingsOf(state: BackupState): BackupSettingsDto {
  return {
    folder: state.folder,
    autoDaily: state.autoDaily,
    keepDaily: state.keepDaily,
    keepWeekly: state.keepWeekly,
    keepMonthly: state.keepMonthly,
  };
}
