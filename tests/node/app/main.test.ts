import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, type Result } from '../../../main/contract';
import { BackupManager } from '../../../main/core/backup/manager';
import { Session } from '../../../main/core/session/session';
import type * as IpcModule from '../../../main/ipc';
import { createApp, type App } from '../../../main/ipc';
import { removeTempDirs, tempDir } from '../../helpers/tempDir';
import { FakeBrowserWindow, ipcEventFrom, preventable } from './fakeElectron';

// The composition root, started once against the fake Electron and a real (temporary) data
// directory; the tests then walk through the app's life in order: start, use, quit.

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);
vi.mock('../../../main/ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof IpcModule>();
  return {
    ...actual,
    createApp: vi.fn((options: Parameters<typeof actual.createApp>[0]) => {
      const app = actual.createApp(options);
      return { ...app, close: vi.fn(app.close) };
    }),
  };
});

const APP_PATH = join('/opt', 'pingluo-mediation-desk', 'resources', 'app.asar');
const startIdleWatch = vi.spyOn(Session.prototype, 'startIdleWatch');
const startSchedule = vi.spyOn(BackupManager.prototype, 'startSchedule');
let desk: App;
let window: FakeBrowserWindow;

beforeAll(async () => {
  electron.state.userData = tempDir('desk-userdata-');
  electron.state.appPath = APP_PATH;
  await import('../../../main/app/main');
});
afterAll(async () => {
  await desk?.close();
  removeTempDirs();
});

describe('the desktop app, from start to quit', () => {
  it('before ready: takes the single-instance lock, registers app:// and the navigation guard', () => {
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
    expect(createApp).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('once ready: opens the app on the userData folder and shows one window', async () => {
    electron.markReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    expect(createApp).toHaveBeenCalledExactlyOnceWith({
      dataDir: electron.state.userData,
      platform: expect.any(Object) as unknown,
      dialogs: expect.any(Object) as unknown,
    });
    desk = vi.mocked(createApp).mock.results[0]!.value as App;
    window = FakeBrowserWindow.instances[0]!;

    expect(window.options.webPreferences?.preload).toBe(join(APP_PATH, 'out', 'preload', 'preload.cjs'));
    expect(window.loadURL).toHaveBeenCalledWith('app://desk/index.html');
    expect(electron.protocol.handlers.has('app')).toBe(true);
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...channelNames].sort());
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(startIdleWatch).toHaveBeenCalledTimes(1);
    expect(startSchedule).toHaveBeenCalledTimes(1);
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('answers the page over IPC from the real services', async () => {
    const handler = electron.ipcMain.handlers.get('auth:status')!;
    const result = (await handler(ipcEventFrom('app://desk/index.html'), {})) as Result<{ state: string }>;
    expect(result).toMatchObject({ ok: true, value: { state: 'uninitialized' } });
  });

  it('forwards session events to the window on desk:event', () => {
    desk.session.emit('session:locked', { reason: 'idle' });
    expect(window.webContents.send).toHaveBeenCalledWith('desk:event', 'session:locked', { reason: 'idle' });
  });

  it('brings the window back when the app is started a second time', () => {
    window.minimized = true;
    electron.app.emit('second-instance', preventable(), [], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('on closing the last window: closes the encrypted store first, then quits', async () => {
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(desk.close).toHaveBeenCalledTimes(1);
    expect(electron.state.quitted).toBe(false); // held back while the database closes

    // A second quit request while closing must not close twice.
    electron.app.quit();
    expect(desk.close).toHaveBeenCalledTimes(1);

    await vi.waitFor(() => expect(electron.state.quitted).toBe(true));
    expect(desk.close).toHaveBeenCalledTimes(1);
  });
});
