import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames, type ChannelName, type Result } from '../contract';
import type { Dispatch } from '../ipc';
import { isTrustedUrl } from './origin';

// One ipcMain handler per contract channel, each a thin pass-through to the same dispatch the
// loopback transport uses. The only thing added here is the sender check: a frame that is not
// our app://desk page (a stray iframe, a page that somehow navigated away) gets nothing.

export const untrustedSender: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '请求来源不受信任' },
};

/** Reading `url` of a frame that has since gone away throws; that sender is not trusted either. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  try {
    const frame = event.senderFrame;
    return frame !== null && frame !== undefined && isTrustedUrl(frame.url);
  } catch {
    return false;
  }
}

export function createIpcHandler(
  channel: ChannelName,
  dispatch: Dispatch,
): (event: IpcMainInvokeEvent, input: unknown) => Promise<Result<unknown>> {
  return (event, input) =>
    isTrustedSender(event) ? dispatch(channel, input) : Promise.resolve(untrustedSender);
}

/** Registers every channel of the contract; returns a function that removes them again. */
export function registerIpc(dispatch: Dispatch): () => void {
  for (const channel of channelNames) ipcMain.handle(channel, createIpcHandler(channel, dispatch));
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}
