import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dialog, shell, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { Platform } from '../core/documentStore/platform';
import { ConflictError } from '../core/errors';

// The desktop's file abilities for documents: a save dialog that writes a copy where the user
// chooses, and opening a copy in Word/WPS. The only plaintext copy the app writes on its own
// goes into the session's private temp folder, which the session wipes at launch, sign-in, lock and exit;
// each open gets its own sub-folder so a copy Word still holds open never blocks the next.
// Printing needs nothing here: the renderer prints its preview (window.print opens the system
// print dialog in Electron as in a browser).

/** A bare file name: no folders, no characters Windows refuses, always .docx. */
export function safeFileName(name: string): string {
  const base = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '')
    .replace(/^\.+/, '')
    .trim();
  const stem = base.replace(/\.docx$/i, '') || '文书';
  return `${stem.slice(0, 120)}.docx`;
}

export interface DesktopPlatformOptions {
  /** The window dialogs belong to (modal to it), if it is open. */
  window: () => BrowserWindow | null;
}

export function desktopPlatform(options: DesktopPlatformOptions): Platform {
  return {
    async saveAs(suggestedName, bytes) {
      const dialogOptions: SaveDialogOptions = {
        title: '另存为',
        defaultPath: safeFileName(suggestedName),
        buttonLabel: '保存',
        filters: [{ name: 'Word 文档', extensions: ['docx'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const owner = options.window();
      const result =
        owner && !owner.isDestroyed()
          ? await dialog.showSaveDialog(owner, dialogOptions)
          : await dialog.showSaveDialog(dialogOptions);
      if (result.canceled || !result.filePath) return null;
      const target = /\.docx$/i.test(result.filePath) ? result.filePath : `${result.filePath}.docx`;
      await writeFile(target, bytes);
      return target;
    },

    async openWithDefaultApp(bytes, name, tempDir) {
      await mkdir(tempDir, { recursive: true, mode: 0o700 });
      const folder = await mkdtemp(join(tempDir, 'open-'));
      const path = join(folder, safeFileName(name));
      await writeFile(path, bytes, { mode: 0o600 });
      const failure = await shell.openPath(path);
      if (failure) {
        await rm(folder, { recursive: true, force: true });
        throw new ConflictError(`无法打开文书：${failure}。请确认本机已安装 Word 或 WPS，或改用“另存为”。`);
      }
    },
  };
}
