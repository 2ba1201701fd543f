import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, type RunningServer } from '../../../main/web/server';
import { testApp, setUpApp, type TestApp } from '../../helpers/app';
import { tempDir } from '../../helpers/tempDir';

const TOKEN = 'test-token-1234567890';
const running: RunningServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

async function serve(app: TestApp, maxBodyBytes?: number) {
  const rendererDir = tempDir('desk-renderer-');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const server = await startWebServer({
    dispatch: app.dispatch,
    session: app.session,
    rendererDir,
    token: TOKEN,
    port: 0,
    ...(maxBodyBytes ? { maxBodyBytes } : {}),
  });
  running.push(server);
  return server;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (port: number, channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send(port, `/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
    body: JSON.stringify(body),
  });

describe('the loopback server', () => {
  it('listens on 127.0.0.1 only and answers a call with the dispatcher’s Result', async () => {
    const server = await serve(testApp());
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const reply = await api(server.port, 'auth:status', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { state: 'uninitialized' } });
  });

  it('requires the per-launch token on every API request', async () => {
    const server = await serve(testApp());
    for (const authorization of ['', 'Bearer wrong-token-123456789', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const reply = await api(server.port, 'auth:status', {}, { authorization });
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    const server = await serve(testApp());
    const rebinding = await api(server.port, 'auth:status', {}, { host: `evil.example:${server.port}` });
    expect(rebinding.status).toBe(403);
    const otherPort = await api(server.port, 'auth:status', {}, { host: `127.0.0.1:${server.port + 1}` });
    expect(otherPort.status).toBe(403);
    const crossSite = await api(server.port, 'auth:status', {}, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const ours = await api(server.port, 'auth:status', {}, { origin: `http://127.0.0.1:${server.port}` });
    expect(ours.status).toBe(200);
    const page = await send(server.port, '/', { headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('limits the body size and rejects bad JSON with a Chinese message', async () => {
    const server = await serve(testApp(), 1024);
    const big = await api(server.port, 'auth:signIn', { username: 'a'.repeat(5000), password: 'x' });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({
      error: { code: 'VALIDATION', message: '请求内容过大（上限 1 KB）' },
    });
    const bad = await send(server.port, '/api/auth:status', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({
      error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' },
    });
    const unknown = await api(server.port, 'no:such', {});
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('serves the renderer with window.api injected and a strict CSP, and nothing outside it', async () => {
    const server = await serve(testApp());
    const page = await send(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="./web-api.js"></script>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const shim = await send(server.port, '/web-api.js');
    expect(shim.body).toContain("Object.defineProperty(window, 'api'");
    expect((await send(server.port, '/assets/app.js')).headers['content-type']).toContain('text/javascript');
    for (const path of [
      '/../../etc/passwd',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/%00',
    ]) {
      expect((await send(server.port, path)).status, path).toBe(404);
    }
  });

  it('streams session events to the page (sign-out locks)', async () => {
    const app = await setUpApp();
    const server = await serve(app);
    const events: string[] = [];
    const stream = new Promise<void>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/events',
          headers: { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${TOKEN}` },
        },
        (res) => {
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            events.push(chunk);
            if (chunk.includes('session:locked')) {
              req.destroy();
              resolve();
            }
          });
        },
      );
      req.end();
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(JSON.parse((await api(server.port, 'auth:signOut', {})).body)).toEqual({ ok: true, value: {} });
    await stream;
    expect(events.join('')).toContain('event: session:locked\ndata: {"reason":"signedOut"}');
  });
});
