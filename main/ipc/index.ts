import { systemClock, type Clock } from '../core/clock';
import { productionCost, type KdfCost } from '../core/auth/kdf';
import type { Platform } from '../core/documentStore/platform';
import { Session } from '../core/session/session';
import { createDispatcher, type Dispatch } from './dispatch';
import { handlers } from './handlers';

export interface AppOptions {
  dataDir: string;
  clock?: Clock;
  /** Tests may lower the scrypt cost; the app always uses the production cost. */
  kdfCost?: KdfCost;
  /** The desktop app's file abilities (main/app/documents.ts); browser mode has none. */
  platform?: Platform;
}

export interface App {
  session: Session;
  dispatch: Dispatch;
  close(): Promise<void>;
}

/** The transport-free application: both Electron and the loopback server sit on top of this. */
export function createApp(options: AppOptions): App {
  const session = new Session({
    dataDir: options.dataDir,
    clock: options.clock ?? systemClock,
    kdfCost: options.kdfCost ?? productionCost,
  });
  const dispatch = createDispatcher({ session, platform: options.platform }, handlers);
  return { session, dispatch, close: () => session.shutdown() };
}

export type { Dispatch } from './dispatch';
