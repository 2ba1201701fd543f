import { describe, expect, it, vi } from 'vitest';
import type { DeskApi } from '../../../main/contract';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

await import('../../../preload/index');
const { EVENT_CHANNEL } = await import('../../../main/contract');
const api = electron.exposed.api as DeskApi;
// The page is untyped at run time: it may pass any string.
const invokeAny = api.invoke as (channel: string, input: unknown) => Promise<unknown>;
const onAny = api.on as (event: string, listener: (payload: unknown) => void) => () => void;

describe('preload bridge', () => {
  it('exposes exactly window.api = {invoke, on} and nothing else', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledWith('api', expect.anything());
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.on).toBe('function');
  });

  it.each(['fs:readFile', 'shell:openExternal', '__proto__', 'constructor', 'toString', 'desk:event'])(
    'refuses the unknown channel %j without touching IPC',
    async (channel) => {
      electron.ipcRenderer.invoke.mockClear();
      expect(await invokeAny(channel, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('passes contract channels to ipcRenderer.invoke and hands back the Result', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { state: 'locked' } });
    expect(await api.invoke('auth:status', {})).toEqual({ ok: true, value: { state: 'locked' } });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('auth:status', {});
  });

  it('turns a failed IPC into an INTERNAL Result instead of a rejection', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    expect(await api.invoke('auth:status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('does not subscribe to events outside the contract', () => {
    const listener = vi.fn();
    const unsubscribe = onAny('desk:anything', listener);
    expect(electron.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
    expect(typeof unsubscribe).toBe('function');
    electron.ipcRenderer.emit(EVENT_CHANNEL, {}, 'desk:anything', {});
    expect(listener).not.toHaveBeenCalled();
  });

  it('delivers only the named contract event, payload only, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = api.on('session:locked', listener);
    expect(electron.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(1);

    const ipcEvent = { sender: electron.ipcRenderer };
    electron.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, 'session:other', { reason: 'idle' });
    expect(listener).not.toHaveBeenCalled();
    electron.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, 'session:locked', { reason: 'idle' });
    // Exactly one argument: the IpcRendererEvent (whose sender is ipcRenderer) never reaches the page.
    expect(listener).toHaveBeenCalledExactlyOnceWith({ reason: 'idle' });

    unsubscribe();
    expect(electron.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
    electron.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, 'session:locked', { reason: 'signedOut' });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
