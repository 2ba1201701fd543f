import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { removeTempDirs, tempDir } from '../../helpers/tempDir';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

const { CONTENT_SECURITY_POLICY, createAppHandler, registerAppProtocol, registerAppScheme, resolveAppPath } =
  await import('../../../main/app/protocol');

const SECRET = 'SECRET-OUTSIDE-THE-RENDERER';
let root = '';
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  // <tmp>/secret.txt next to <tmp>/renderer: what a traversal would be after.
  const base = tempDir('desk-protocol-');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>人民调解工作台</title>');
  writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'noto.woff2'), 'w');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  handle = createAppHandler(root);
});
afterAll(() => removeTempDirs());

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// scheme registration', () => {
  it('registers app as a standard, secure, fetch-capable scheme', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer folder through protocol.handle("app")', async () => {
    registerAppProtocol(root);
    const handler = electron.protocol.handlers.get('app');
    expect(handler).toBeDefined();
    const response = await handler!(new Request('app://desk/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('人民调解工作台');
  });
});

describe('serving the renderer', () => {
  it('sends HTML with the strict Content-Security-Policy', async () => {
    const response = await get('app://desk/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
        "form-action 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('serves index.html for the bare origin', async () => {
    const response = await get('app://desk/');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>');
  });

  it.each([
    ['assets/index.js', 'text/javascript; charset=utf-8'],
    ['assets/index.css', 'text/css; charset=utf-8'],
    ['assets/noto.woff2', 'font/woff2'],
    ['assets/logo.svg', 'image/svg+xml'],
  ])('serves %s as %s, with nosniff', async (file, type) => {
    const response = await get(`app://desk/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for a file that is not there', async () => {
    expect((await get('app://desk/assets/missing.js')).status).toBe(404);
    expect((await get('app://desk/assets')).status).toBe(404); // a directory
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://desk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://desk/index.html', 'POST')).status).toBe(405);
  });
});

describe('path traversal', () => {
  it.each([
    'app://desk/..%2fsecret.txt',
    'app://desk/%2e%2e%2fsecret.txt',
    'app://desk/assets/..%2f..%2fsecret.txt',
    'app://desk/..%5csecret.txt',
    'app://desk/assets%2f..%2f..%2f..%2fsecret.txt',
    'app://desk/%2e%2e/secret.txt',
    'app://desk/../secret.txt',
    'app://desk/index.html%00.js',
    'app://desk/%E0%A4%A',
    'app://elsewhere/index.html',
    'app://desk:8080/index.html',
  ])('refuses %s with 404 and leaks nothing', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('resolveAppPath never returns a path outside the root', () => {
    expect(resolveAppPath(root, 'app://desk/assets/index.js')).toBe(join(root, 'assets', 'index.js'));
    expect(resolveAppPath(root, 'app://desk/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://desk/..%2fsecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://desk/..%2frenderer-evil/x.js')).toBeNull(); // sibling with a shared prefix
    expect(resolveAppPath(root, 'https://desk/index.html')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
  });
});
