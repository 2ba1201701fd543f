// The desktop app's folder and file pickers for backups (main/app/dialogs.ts implements them with
// Electron's dialogs). Browser mode has none: the loopback server runs on the same PC, so the
// 管理员 types the path, and the restore screens list the backups found in a folder.

export interface BackupDialogs {
  /** A folder to back up into, or null when cancelled. */
  chooseFolder(startIn: string | null): Promise<string | null>;
  /** A backup file to restore, or null when cancelled. */
  chooseBackupFile(startIn: string | null): Promise<string | null>;
}
