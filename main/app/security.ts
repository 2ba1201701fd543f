import { app, type Session, type WebContents } from 'electron';
import { isTrustedUrl } from './origin';

// Whatever a page manages to run, it cannot take the window somewhere else, open another
// one, embed a webview or be granted a device or browser permission. The app needs none of
// these; printing and saving go through main-process channels. shell.openExternal is
// deliberately never used, so no renderer input can ever reach the OS URL handlers.

/** Applied to every WebContents the app creates, including ones we did not ask for. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isTrustedUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url)) event.preventDefault();
  });
  // will-navigate covers the top frame only; subframes get the same rule, except for the blank
  // and srcdoc documents a print or preview iframe starts with (same origin, parent's CSP).
  contents.on('will-frame-navigate', (event) => {
    const inertFrame = !event.isMainFrame && (event.url === 'about:blank' || event.url === 'about:srcdoc');
    // A blob the app itself made (the dossier PDF preview) may fill a frame, never the window.
    const ownBlob = !event.isMainFrame && event.url.startsWith('blob:') && isTrustedUrl(event.url.slice(5));
    if (!inertFrame && !ownBlob && !isTrustedUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Deny every permission request and check (camera, notifications, clipboard-read, HID, ...). */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Registers the guard; may run before `ready` so no WebContents escapes it. */
export function installNavigationGuards(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
