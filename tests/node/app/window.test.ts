import { describe, expect, it, vi } from 'vitest';
import type { FakeBrowserWindow } from './fakeElectron';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

const { createMainWindow, secureWebPreferences, WINDOW_TITLE } = await import('../../../main/app/window');
const { installMenu, menuTemplate } = await import('../../../main/app/menu');

describe('the main window', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, web security on', () => {
    const window = createMainWindow({ preloadPath: '/opt/desk/out/preload/preload.cjs', devTools: false });
    const prefs = (window as unknown as FakeBrowserWindow).options.webPreferences;
    expect(prefs).toMatchObject({
      preload: '/opt/desk/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('opens at 1280×800 (never below 1024×680), titled 人民调解工作台, loading app://desk', () => {
    const window = createMainWindow({
      preloadPath: '/p.cjs',
      devTools: true,
    }) as unknown as FakeBrowserWindow;
    expect(window.options).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 680 });
    expect(window.options.title).toBe(WINDOW_TITLE);
    expect(WINDOW_TITLE).toBe('人民调解工作台');
    expect(window.loadURL).toHaveBeenCalledWith('app://desk/index.html');
  });

  it('stays hidden until the first paint, so the clerk never sees a blank white window', () => {
    const window = createMainWindow({
      preloadPath: '/p.cjs',
      devTools: false,
    }) as unknown as FakeBrowserWindow;
    expect(window.options.show).toBe(false);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('enables developer tools only when asked (unpackaged builds)', () => {
    expect(secureWebPreferences('/p.cjs', true).devTools).toBe(true);
    expect(secureWebPreferences('/p.cjs', false).devTools).toBe(false);
  });
});

describe('the menu', () => {
  const roles = (devTools: boolean) =>
    menuTemplate(devTools).flatMap((top) =>
      Array.isArray(top.submenu) ? top.submenu.map((item) => item.role) : [],
    );

  it('has the four Chinese top-level menus, every item labelled in Chinese', () => {
    const template = menuTemplate(false);
    expect(template.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    for (const top of template) {
      for (const item of Array.isArray(top.submenu) ? top.submenu : []) {
        if (item.type === 'separator') continue;
        expect(item.label).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('offers developer tools and reload only in unpackaged builds', () => {
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'selectAll', 'undo']));
  });

  it('installs itself as the application menu', () => {
    installMenu(false);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith({ template: menuTemplate(false) });
  });
});
