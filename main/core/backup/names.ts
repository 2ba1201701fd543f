import { officeStamp, parseOfficeStamp } from '../dates';

// Backup file names: desk-backup-<installation>-<YYYYMMDD>-<HHmmss>[-n].zip, the time in Beijing.
// ASCII only (old unzip tools, network shares); nothing about any person; the installation part
// (the first 8 hex digits of its random id) keeps two offices' backups in one shared folder apart,
// so rotation only ever touches this installation's own files. A file being written carries
// PARTIAL_SUFFIX and is never listed as a backup.

export const BACKUP_PREFIX = 'desk-backup-';
export const BACKUP_EXTENSION = '.zip';
export const PARTIAL_SUFFIX = '.partial';

const NAME = /^desk-backup-([0-9a-f]{8})-(\d{8}-\d{6})(?:-(\d+))?\.zip$/;

export function installationTag(installationId: string): string {
  return installationId.replace(/-/g, '').slice(0, 8).toLowerCase();
}

/** The name for a backup made at `at`; `n` tells apart two made within the same second. */
export function backupFileName(installationId: string, at: Date, n = 0): string {
  const stamp = officeStamp(at);
  return `${BACKUP_PREFIX}${installationTag(installationId)}-${stamp}${n > 0 ? `-${n}` : ''}${BACKUP_EXTENSION}`;
}

export interface ParsedBackupName {
  installation: string;
  /** When it was made (to the second). */
  at: Date;
  /** 0, or n for the n-th later backup within the same second. */
  n: number;
}

export function parseBackupName(name: string): ParsedBackupName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, installation, stamp, n] = m;
  const at = parseOfficeStamp(stamp!);
  if (!at) return null;
  return { installation: installation!, at, n: Number(n ?? 0) };
}

/** Newest first, by the time and the same-second counter in their names. */
export function newestFirst(a: string, b: string): number {
  const pa = parseBackupName(a);
  const pb = parseBackupName(b);
  if (!pa || !pb) return b.localeCompare(a);
  return pb.at.getTime() - pa.at.getTime() || pb.n - pa.n;
}

/** A file this app was writing when it stopped: ours to clean up, never a backup. */
export function isPartialBackup(name: string): boolean {
  return name.startsWith(BACKUP_PREFIX) && name.endsWith(PARTIAL_SUFFIX);
}
