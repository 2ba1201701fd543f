import { BackupManager } from '../core/backup/manager';
import type { BackupDialogs } from '../core/backup/dialogs';
import type { FreeSpaceProbe } from '../core/backup/folder';
import { recoverInterruptedRestore } from '../core/backup/replace';
import { systemClock, type Clock } from '../core/clock';
import { productionCost, type KdfCost } from '../core/auth/kdf';
import type { Platform } from '../core/documentStore/platform';
import { Session } from '../core/session/session';
import type { PgConfig } from '../../db';
import { createDispatcher, type Dispatch } from './dispatch';
import { handlers } from './handlers';

export interface AppOptions {
  dataDir: string;
  clock?: Clock;
  /** Tests may lower the scrypt cost; the app always uses the production cost. */
  kdfCost?: KdfCost;
  /** The desktop app's file abilities (main/app/documents.ts); browser mode has none. */
  platform?: Platform;
  /** The desktop app's folder and file pickers for backups; browser mode has none. */
  dialogs?: BackupDialogs;
  /** Tests only: how full the backup disk looks. */
  freeSpace?: FreeSpaceProbe;
  /** The county centre's PostgreSQL instead of the desk's own file (issue 17; the setup wizard's choice to come). */
  centre?: PgConfig;
}

export interface App {
  session: Session;
  backup: BackupManager;
  dispatch: Dispatch;
  close(): Promise<void>;
}

/** The transport-free application: both Electron and the loopback server sit on top of this. */
export function createApp(options: AppOptions): App {
  // A restore cut off by a crash is finished or undone before anything opens the data.
  recoverInterruptedRestore(options.dataDir);
  const session = new Session({
    dataDir: options.dataDir,
    clock: options.clock ?? systemClock,
    kdfCost: options.kdfCost ?? productionCost,
    centre: options.centre ?? null,
  });
  const backup = new BackupManager(session, {
    ...(options.dialogs ? { dialogs: options.dialogs } : {}),
    ...(options.freeSpace ? { freeSpace: options.freeSpace } : {}),
  });
  const dispatch = createDispatcher({ session, platform: options.platform, backup }, handlers);
  return {
    session,
    backup,
    dispatch,
    close: async () => {
      await backup.close();
      await session.shutdown();
    },
  };
}

export type { Dispatch } from './dispatch';
