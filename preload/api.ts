import { ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, isChannelName, isEventName, type DeskApi, type Result } from '../main/contract';

// window.api: contract channels and contract events, nothing else. No ipcRenderer and no
// IpcRendererEvent reach the page (the event's `sender` would hand it the raw ipcRenderer).

const unknownChannel: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '未知的接口，已拒绝' },
};

const transportFailed: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: '与主进程通信失败，请重启工作台' },
};

export const deskApi: DeskApi = {
  invoke(channel, input) {
    if (!isChannelName(channel)) return Promise.resolve(unknownChannel);
    // Main's handlers never throw; a rejection means the IPC itself failed. The page always
    // gets a Result, so every caller has one error path.
    return ipcRenderer.invoke(channel, input).catch(() => transportFailed);
  },
  on(event, listener) {
    if (!isEventName(event) || typeof listener !== 'function') return () => undefined;
    const relay = (_ipcEvent: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as never);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
};
