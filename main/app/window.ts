import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './origin';

export const WINDOW_TITLE = '人民调解工作台';

/**
 * The renderer gets no Node, no Electron and no way out of its sandbox: all it can reach is
 * window.api, which the preload builds from the contract's channel list.
 */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    devTools,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  /** Developer tools only in unpackaged builds. */
  devTools: boolean;
}

/** Creates the one window and loads the renderer; shown once painted to avoid a white flash. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('[window] could not load the renderer', error);
  });
  return window;
}
