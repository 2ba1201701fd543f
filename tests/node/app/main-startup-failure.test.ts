import { describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from './fakeElectron';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);
vi.mock('../../../main/ipc', () => ({
  createApp: vi.fn(() => {
    throw new Error('密钥文件已损坏');
  }),
}));

describe('a start-up that fails', () => {
  it('tells the clerk in Chinese what happened and exits with an error code', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await import('../../../main/app/main');
    electron.markReady();
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1));

    const [title, message] = electron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('人民调解工作台无法启动');
    expect(message).toContain('密钥文件已损坏');
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});
