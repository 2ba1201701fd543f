import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { desktopPlatform, safeFileName } from '../../../main/app/documents';
import { tempDir } from '../../helpers/tempDir';
import { createApp } from '../../../main/ipc';
import { ADMIN, testKdfCost } from '../../helpers/app';
import { agreedCase, workflowWorld } from '../documentStore/world';

// The desktop's document glue against a mocked Electron: the save dialog writes exactly where
// the user chose, "open in Word/WPS" writes only into the session's private temp folder (and
// that folder is gone after sign-out), and the renderer learns which of these exist.

const electron = vi.hoisted(() => ({
  dialog: { showSaveDialog: vi.fn() },
  shell: { openPath: vi.fn(async (_path: string) => '') },
}));
vi.mock('electron', () => electron);

const DOCX = Buffer.from('PK\u0003\u0004 a stand-in for .docx bytes');

beforeEach(() => {
  electron.dialog.showSaveDialog.mockReset();
  electron.shell.openPath.mockReset();
  electron.shell.openPath.mockResolvedValue('');
});

describe('另存为 (save dialog)', () => {
  it('offers a safe .docx name, modal to the window, and writes the copy where the user chose', async () => {
    const folder = tempDir('desk-save-');
    const window = { isDestroyed: () => false };
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: join(folder, '协议书') });
    const platform = desktopPlatform({ window: () => window as never });
    const saved = await platform.saveAs('（2026）平调字第0001号-人民调解协议书-第1版.docx', DOCX);
    expect(saved).toBe(join(folder, '协议书.docx'));
    expect(readFileSync(saved!)).toEqual(DOCX);
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(window, {
      title: '另存为',
      defaultPath: '（2026）平调字第0001号-人民调解协议书-第1版.docx',
      buttonLabel: '保存',
      filters: [{ name: 'Word 文档', extensions: ['docx'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  });

  it('writes nothing when the user cancels, and still works with the window gone', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    const platform = desktopPlatform({ window: () => null });
    expect(await platform.saveAs('a.docx', DOCX)).toBeNull();
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ title: '另存为' }));
  });

  it('never lets a suggested name reach outside the chosen folder', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etcpasswd.docx');
    expect(safeFileName('C:\\Windows\\协议书.docx')).toBe('CWindows协议书.docx');
    expect(safeFileName('...')).toBe('文书.docx');
  });
});

describe('用 Word/WPS 打开', () => {
  it('writes the copy only inside the private temp folder and opens it with the default application', async () => {
    const temp = join(tempDir('desk-data-'), 'tmp');
    const platform = desktopPlatform({ window: () => null });
    await platform.openWithDefaultApp(DOCX, '../协议书.docx', temp);
    expect(electron.shell.openPath).toHaveBeenCalledTimes(1);
    const opened = electron.shell.openPath.mock.calls[0]![0];
    expect(relative(temp, opened).split(sep)).toEqual([expect.stringMatching(/^open-/), '协议书.docx']);
    expect(readFileSync(opened)).toEqual(DOCX);
    if (process.platform !== 'win32') {
      expect(statSync(temp).mode & 0o777).toBe(0o700);
      expect(statSync(opened).mode & 0o777).toBe(0o600);
    }
  });

  it('removes the copy and says so in Chinese when no application can open it', async () => {
    const temp = join(tempDir('desk-data-'), 'tmp');
    electron.shell.openPath.mockResolvedValue('No application is associated with the specified file');
    const platform = desktopPlatform({ window: () => null });
    await expect(platform.openWithDefaultApp(DOCX, 'a.docx', temp)).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        '无法打开文书：No application is associated with the specified file。请确认本机已安装 Word 或 WPS，或改用“另存为”。',
    });
    expect(readdirSync(temp)).toEqual([]);
  });
});

describe('the desktop app with its platform', () => {
  it('tells the renderer what it can do; exports go through the audited channel; the temp copy is wiped on sign-out', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(w);
    const v = await w.app.ok('documents:generate', { caseId, kind: 'agreement' });
    // The same data directory, now opened by the desktop app (the first app closed its database).
    await w.app.close();
    const folder = tempDir('desk-save-');
    electron.dialog.showSaveDialog.mockResolvedValue({
      canceled: false,
      filePath: join(folder, '协议书.docx'),
    });
    const withPlatform = createApp({
      dataDir: w.app.dataDir,
      clock: w.app.clock,
      kdfCost: testKdfCost,
      platform: desktopPlatform({ window: () => null }),
    });
    try {
      const call = async (channel: string, input: unknown) => {
        const result = await withPlatform.dispatch(channel, input);
        if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
        return result.value as Record<string, unknown>;
      };
      await call('auth:signIn', { username: w.users.mediator.username, password: w.users.mediator.password });
      expect(await call('documents:platform', {})).toEqual({
        desktop: true,
        saveAs: true,
        openWithDefaultApp: true,
      });

      expect(await call('documents:export', { versionId: v.id, mode: 'saveAs' })).toEqual({
        mode: 'saveAs',
        done: true,
        savedTo: join(folder, '协议书.docx'),
        file: null,
      });
      expect(readFileSync(join(folder, '协议书.docx')).subarray(0, 2).toString()).toBe('PK');

      await call('documents:export', { versionId: v.id, mode: 'open' });
      const opened = electron.shell.openPath.mock.calls[0]![0];
      const temp = withPlatform.session.paths.temp;
      expect(opened.startsWith(temp + sep)).toBe(true);
      expect(existsSync(opened)).toBe(true);

      await call('auth:signOut', {});
      expect(existsSync(temp)).toBe(false);

      await call('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
      const audit = (await call('audit:list', { page: 1, pageSize: 10, action: 'documents:export' })) as {
        items: { detail: string }[];
      };
      expect(audit.items.map((e) => e.detail)).toEqual([
        '（2026）平调字第0001号：人民调解协议书 第1版，用 Word/WPS 打开（临时副本，锁定或退出时清除）',
        `（2026）平调字第0001号：人民调解协议书 第1版，另存为 ${join(folder, '协议书.docx')}`,
      ]);
    } finally {
      await withPlatform.close();
    }
  });
});
