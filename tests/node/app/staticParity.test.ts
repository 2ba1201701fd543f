import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWebServer, type RunningServer } from '../../../main/web/server';
import { closeOpenApps, testApp } from '../../helpers/app';

// Apps this file opens are closed after each test (tests/helpers/app.ts closeOpenApps).
afterEach(closeOpenApps);

// The renderer is served two ways: app://desk in Electron, the loopback server in browser mode.
// Both must send the same bytes with the same type and the same Content-Security-Policy: one
// rule, one home (main/static), or a fix to one transport silently misses the other.

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);
const { createAppHandler } = await import('../../../main/app/protocol');

const files = [
  'index.html',
  'assets/app.js',
  'assets/app.css',
  'assets/photo.jpg',
  'assets/icon.webp',
  'assets/font.otf',
  'assets/mod.wasm',
  'notes.txt',
  'assets/logo.svg',
];
let root = '';
let server: RunningServer;

beforeAll(async () => {
  // Not tempDir(): the app helper wipes those after each test, and these files serve them all.
  root = mkdtempSync(join(tmpdir(), 'desk-static-'));
  mkdirSync(join(root, 'assets'));
  for (const file of files)
    writeFileSync(join(root, file), file === 'index.html' ? '<!doctype html><head></head>' : file);
  const app = testApp();
  server = await startWebServer({
    dispatch: app.dispatch,
    session: app.session,
    rendererDir: root,
    port: 0,
  });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

interface WebReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

function viaWeb(path: string): Promise<WebReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, headers: { host: `127.0.0.1:${server.port}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ headers: res.headers, status: res.statusCode ?? 0 }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('one home for serving the renderer', () => {
  it.each(files)('%s: the same type and policy from app:// and from the loopback server', async (file) => {
    const app = await createAppHandler(root)(new Request(`app://desk/${file}`));
    const web = await viaWeb(`/${file}`);
    expect(web.status).toBe(200);
    expect(app.status).toBe(200);
    expect(web.headers['content-type']).toBe(app.headers.get('content-type'));
    expect(web.headers['x-content-type-options']).toBe('nosniff');
    expect(app.headers.get('x-content-type-options')).toBe('nosniff');
    if (file.endsWith('.html')) {
      expect(web.headers['content-security-policy']).toBe(app.headers.get('content-security-policy'));
    }
  });

  it('both refuse the same escapes', async () => {
    for (const path of [
      '/../secret',
      '/assets/..%2f..%2fsecret',
      '/assets/%00',
      '/assets/a%5c..%5c..%5csecret',
    ]) {
      expect((await viaWeb(path)).status, path).toBe(404);
      expect((await createAppHandler(root)(new Request(`app://desk${path}`))).status, path).toBe(404);
    }
  });
});
