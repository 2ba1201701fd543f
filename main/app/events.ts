import type { BrowserWindow } from 'electron';
import { EVENT_CHANNEL } from '../contract';
import type { Session } from '../core/session/session';

/** Pushes session events (e.g. the idle lock) to the window, if it is still there. */
export function forwardEvents(session: Session, currentWindow: () => BrowserWindow | null): () => void {
  return session.onEvent((event, payload) => {
    const window = currentWindow();
    if (!window || window.isDestroyed()) return;
    window.webContents.send(EVENT_CHANNEL, event, payload);
  });
}
