import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelNames, type Result } from '../../../main/contract';
import { closeOpenApps, testApp } from '../../helpers/app';
import { ipcEventFrom } from './fakeElectron';

// Apps this file opens are closed after each test (tests/helpers/app.ts closeOpenApps).
afterEach(closeOpenApps);

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

const { registerIpc } = await import('../../../main/app/ipc');

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', message: '请求来源不受信任' } };

function invoke(channel: string, sender: unknown, input: unknown): Promise<Result<unknown>> {
  const handler = electron.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(sender, input) as Promise<Result<unknown>>;
}

const untrustedSenders: [string, unknown][] = [
  ['no frame', ipcEventFrom(null)],
  ['a web page', ipcEventFrom('https://example.com/')],
  ['another app:// host', ipcEventFrom('app://evil/index.html')],
  ['a file:// page', ipcEventFrom('file:///C:/Users/x/evil.html')],
  ['app://desk on a port', ipcEventFrom('app://desk:8080/')],
  [
    'a frame that is already gone',
    {
      get senderFrame() {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    },
  ],
];

describe('ipcMain registration', () => {
  it('registers exactly the contract channels, each once', () => {
    const dispose = registerIpc(vi.fn());
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(channelNames.length);
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...channelNames].sort());
    dispose();
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it.each(untrustedSenders)(
    'answers FORBIDDEN on every channel to %s, without dispatching',
    async (_label, sender) => {
      const dispatch = vi.fn();
      const dispose = registerIpc(dispatch);
      try {
        for (const channel of channelNames) {
          expect(await invoke(channel, sender, {}), channel).toEqual(FORBIDDEN);
        }
        expect(dispatch).not.toHaveBeenCalled();
      } finally {
        dispose();
      }
    },
  );

  it('passes calls from app://desk to the real dispatch and returns its Result', async () => {
    const app = testApp();
    const dispatch = vi.fn(app.dispatch);
    const dispose = registerIpc(dispatch);
    try {
      const trusted = ipcEventFrom('app://desk/index.html');
      const status = await invoke('auth:status', trusted, {});
      expect(status).toMatchObject({ ok: true, value: { state: 'uninitialized' } });
      expect(dispatch).toHaveBeenCalledWith('auth:status', {});

      // Validation happens in dispatch, not here: the IPC layer adds nothing but the sender check.
      const signIn = await invoke('auth:signIn', trusted, { username: '' });
      expect(signIn).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    } finally {
      dispose();
    }
  });
});
