import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { BackupDialogs } from '../core/backup/dialogs';

// The desktop's pickers for backups: the folder to back up into, and a backup file to restore.
// Each returns the chosen path (the services check it) or null when cancelled.

export interface DesktopDialogOptions {
  /** The window the dialog belongs to (modal to it), if it is open. */
  window: () => BrowserWindow | null;
}

export function desktopBackupDialogs(options: DesktopDialogOptions): BackupDialogs {
  const open = async (dialogOptions: OpenDialogOptions): Promise<string | null> => {
    const owner = options.window();
    const result =
      owner && !owner.isDestroyed()
        ? await dialog.showOpenDialog(owner, dialogOptions)
        : await dialog.showOpenDialog(dialogOptions);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    chooseFolder: (startIn) =>
      open({
        title: '选择备份位置',
        buttonLabel: '选择此文件夹',
        ...(startIn ? { defaultPath: startIn } : {}),
        properties: ['openDirectory', 'createDirectory'],
      }),
    chooseBackupFile: (startIn) =>
      open({
        title: '选择备份文件',
        buttonLabel: '打开',
        ...(startIn ? { defaultPath: startIn } : {}),
        filters: [{ name: '工作台备份', extensions: ['zip'] }],
        properties: ['openFile'],
      }),
  };
}
