import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { FakeWebContents, preventable } from './fakeElectron';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

const { denyPermissions, hardenWebContents, installNavigationGuards } =
  await import('../../../main/app/security');
const { isTrustedUrl } = await import('../../../main/app/origin');

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
}

const outside = [
  'https://example.com/',
  'http://127.0.0.1:3000/',
  'file:///etc/passwd',
  'app://evil/index.html',
  'app://desk.evil.example/index.html',
  'app://desk:8080/index.html',
  'app://user@desk/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '',
];

describe('isTrustedUrl', () => {
  it('trusts app://desk pages only', () => {
    expect(isTrustedUrl('app://desk/index.html')).toBe(true);
    expect(isTrustedUrl('app://desk/')).toBe(true);
    for (const url of outside) expect(isTrustedUrl(url), url).toBe(false);
    expect(isTrustedUrl(undefined)).toBe(false);
  });
});

describe('navigation guards', () => {
  it.each(outside)('keeps the window and its frames from navigating or redirecting to %j', (url) => {
    const contents = hardened();
    const navigate = preventable({ url });
    contents.emit('will-navigate', navigate);
    expect(navigate.defaultPrevented).toBe(true);
    const redirect = preventable({ url });
    contents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
    const frame = preventable({ url, isMainFrame: false });
    contents.emit('will-frame-navigate', frame);
    expect(frame.defaultPrevented).toBe(true);
  });

  it('lets the app navigate within app://desk', () => {
    const contents = hardened();
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      const navigate = preventable({ url: 'app://desk/index.html' });
      contents.emit(event, navigate);
      expect(navigate.defaultPrevented, event).toBe(false);
    }
  });

  it('lets an iframe start blank (print/preview frames), but never the window itself', () => {
    const contents = hardened();
    for (const url of ['about:blank', 'about:srcdoc']) {
      const frame = preventable({ url, isMainFrame: false });
      contents.emit('will-frame-navigate', frame);
      expect(frame.defaultPrevented, url).toBe(false);
      const top = preventable({ url, isMainFrame: true });
      contents.emit('will-frame-navigate', top);
      expect(top.defaultPrevented, url).toBe(true);
    }
  });

  it('lets a frame show a blob the app made (the dossier PDF preview), but not a foreign one or the window', () => {
    const contents = hardened();
    const own = preventable({
      url: 'blob:app://desk/6f1c2a9e-0d7b-4f5e-9a51-2b8c3d4e5f60',
      isMainFrame: false,
    });
    contents.emit('will-frame-navigate', own);
    expect(own.defaultPrevented).toBe(false);
    const foreign = preventable({ url: 'blob:https://evil.example/6f1c2a9e', isMainFrame: false });
    contents.emit('will-frame-navigate', foreign);
    expect(foreign.defaultPrevented).toBe(true);
    const top = preventable({
      url: 'blob:app://desk/6f1c2a9e-0d7b-4f5e-9a51-2b8c3d4e5f60',
      isMainFrame: true,
    });
    contents.emit('will-frame-navigate', top);
    expect(top.defaultPrevented).toBe(true);
  });

  it('denies every window.open, even to the app itself', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://desk/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const contents = hardened();
    const attach = preventable();
    contents.emit('will-attach-webview', attach, {}, { src: 'https://example.com/' });
    expect(attach.defaultPrevented).toBe(true);
  });

  it('guards every WebContents Electron creates, not just the main window', () => {
    installNavigationGuards();
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', preventable(), contents);
    const navigate = preventable({ url: 'https://example.com/' });
    contents.emit('will-navigate', navigate);
    expect(navigate.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('denies every permission request, check and device request', () => {
    const session = electron.session.defaultSession;
    denyPermissions(session as unknown as Session);

    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of [
      'media',
      'notifications',
      'clipboard-read',
      'geolocation',
      'openExternal',
      'fullscreen',
    ]) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
    }

    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(check({}, 'media', 'app://desk', {})).toBe(false);
    expect(check(null, 'clipboard-read', 'app://desk', {})).toBe(false);

    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(device({ deviceType: 'usb', origin: 'app://desk' })).toBe(false);
  });
});

describe('no way out to the OS', () => {
  // One exception: main/app/documents.ts opens a document the app itself wrote into the
  // session's private temp folder in Word/WPS, with shell.openPath and nothing else from shell.
  it('never calls shell.openExternal or imports shell in main/app or preload (but openPath for documents)', () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    const files = ['main/app', 'preload'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts'))
        .map((file) => join(root, dir, file)),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/openExternal\s*\(/);
      if (file === join(root, 'main/app/documents.ts')) {
        expect([...source.matchAll(/\bshell\.(\w+)/g)].map((m) => m[1])).toEqual(['openPath']);
        continue;
      }
      expect(source, file).not.toMatch(/import\s*\{[^}]*\bshell\b[^}]*\}\s*from\s*'electron'/);
    }
  });
});
