import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desktopBackupDialogs } from '../../../main/app/dialogs';
import { defaultBackupKeep } from '../../../main/contract';
import { closeOpenApps, setUpApp } from '../../helpers/app';
import { tempDir } from '../../helpers/tempDir';

// Apps this file opens are closed after each test (tests/helpers/app.ts closeOpenApps).
afterEach(closeOpenApps);

// The desktop's backup pickers against a mocked Electron: a folder dialog that may create the
// folder, a file dialog for .zip backups, both modal to the window, null when cancelled; and the
// app answers backup:choose through them (browser mode, with none, says to type the path).

const electron = vi.hoisted(() => ({ dialog: { showOpenDialog: vi.fn() } }));
vi.mock('electron', () => electron);

beforeEach(() => electron.dialog.showOpenDialog.mockReset());

describe('备份位置 and 备份文件 pickers', () => {
  it('asks for a folder, modal to the window, starting where the current one is', async () => {
    const window = { isDestroyed: () => false };
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/media/usb/调解备份'] });
    const dialogs = desktopBackupDialogs({ window: () => window as never });
    expect(await dialogs.chooseFolder('/media/usb')).toBe('/media/usb/调解备份');
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(window, {
      title: '选择备份位置',
      buttonLabel: '选择此文件夹',
      defaultPath: '/media/usb',
      properties: ['openDirectory', 'createDirectory'],
    });
  });

  it('asks for a backup file, and gives null when cancelled or the window is gone', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    const dialogs = desktopBackupDialogs({ window: () => null });
    expect(await dialogs.chooseBackupFile(null)).toBeNull();
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith({
      title: '选择备份文件',
      buttonLabel: '打开',
      filters: [{ name: '工作台备份', extensions: ['zip'] }],
      properties: ['openFile'],
    });
  });

  it('serves backup:choose in the desktop app, and refuses it in browser mode', async () => {
    const folder = tempDir('desk-picked-');
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [folder] });
    const desktop = await setUpApp(undefined, { dialogs: desktopBackupDialogs({ window: () => null }) });
    expect(await desktop.ok('backup:capabilities', {})).toEqual({ canBrowse: true });
    const picked = await desktop.ok('backup:choose', { what: 'folder' });
    expect(picked).toEqual({ path: folder });
    await desktop.ok('backup:saveSettings', { folder: picked.path!, autoDaily: true, ...defaultBackupKeep });
    expect((await desktop.ok('backup:status', {})).settings.folder).toBe(folder);

    const browser = await setUpApp();
    expect(await browser.ok('backup:capabilities', {})).toEqual({ canBrowse: false });
    expect(await browser.call('backup:choose', { what: 'folder' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '浏览器模式下不能弹出选择窗口，请直接输入完整路径' },
    });
  });
});
