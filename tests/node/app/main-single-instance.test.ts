import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../main/ipc';
import { FakeBrowserWindow } from './fakeElectron';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);
vi.mock('../../../main/ipc', () => ({ createApp: vi.fn() }));

describe('a second copy of the app', () => {
  it('quits at once when another instance holds the lock, touching nothing', async () => {
    electron.state.lock = false;
    await import('../../../main/app/main');
    electron.markReady();
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.state.quitted).toBe(true);
    expect(createApp).not.toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});
