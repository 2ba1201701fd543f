import type { BackupManager } from '../core/backup/manager';
import type { Platform } from '../core/documentStore/platform';
import type { Session } from '../core/session/session';

/** What handlers may reach besides their input: the installation's session (and later, services). */
export interface AppContext {
  session: Session;
  /** Desktop only (save dialog, open in Word/WPS); absent in browser mode. */
  platform?: Platform;
  /** Backups and restore of this installation (main/core/backup). */
  backup: BackupManager;
}
