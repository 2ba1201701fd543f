import { join } from 'node:path';
import { app, dialog, session as electronSession, type BrowserWindow } from 'electron';
import { createApp, type App } from '../ipc';
import { desktopBackupDialogs } from './dialogs';
import { desktopPlatform } from './documents';
import { forwardEvents } from './events';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { denyPermissions, installNavigationGuards } from './security';
import { WINDOW_TITLE, createMainWindow } from './window';

// Composition root of the desktop app: wires the transport-free application (main/ipc) to
// Electron. Each step lives in its own file; this one only decides the order.

const APP_ID = 'cn.gov.pingluo.mediationdesk';

export function startDesk(): void {
  // One instance per data directory: two processes must never open the encrypted database.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  installNavigationGuards();
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  let window: BrowserWindow | null = null;
  let desk: App | null = null;
  let shutdown: 'running' | 'closing' | 'closed' = 'running';

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  // Windows and Linux convention: closing the window ends the app (and locks the database).
  app.on('window-all-closed', () => app.quit());

  // Quitting waits for close(): it locks the session, wipes the key and closes the database,
  // so nothing is left half-written. Then quit again, this time letting it through.
  app.on('before-quit', (event) => {
    if (!desk || shutdown === 'closed') return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    desk
      .close()
      .catch((error: unknown) => console.error('[main] closing the database failed', error))
      .finally(() => {
        shutdown = 'closed';
        app.quit();
      });
  });

  app
    .whenReady()
    .then(() => {
      denyPermissions(electronSession.defaultSession);
      desk = createApp({
        dataDir: app.getPath('userData'),
        platform: desktopPlatform({ window: () => window }),
        dialogs: desktopBackupDialogs({ window: () => window }),
      });
      const appRoot = app.getAppPath();
      registerAppProtocol(join(appRoot, 'out', 'renderer'));
      registerIpc(desk.dispatch);
      const devTools = !app.isPackaged;
      installMenu(devTools);
      app.setAboutPanelOptions({
        applicationName: WINDOW_TITLE,
        applicationVersion: app.getVersion(),
        copyright: '平罗县人民调解中心',
      });
      window = createMainWindow({ preloadPath: join(appRoot, 'out', 'preload', 'preload.cjs'), devTools });
      window.on('closed', () => {
        window = null;
      });
      desk.session.startIdleWatch();
      desk.backup.startSchedule();
      forwardEvents(desk.session, () => window);
    })
    .catch((error: unknown) => {
      console.error('[main] start-up failed', error);
      const detail = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('人民调解工作台无法启动', `启动时发生错误：${detail}\n请联系系统管理员。`);
      app.exit(1);
    });
}

startDesk();
