import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, type RunningServer } from '../../../main/web/server';
import { testApp, setUpApp, type TestApp } from '../../helpers/app';
import { tempDir } from '../../helpers/tempDir';

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

/** What the page does with its launch URL: trade the one-time code for the session cookie. */
function redeem(server: RunningServer, code: string) {
  return send(server.port, '/launch', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${server.port}` },
    body: JSON.stringify({ code }),
  });
}

const cookies = new Map<number, string>();
async function cookieFor(server: RunningServer): Promise<string> {
  const known = cookies.get(server.port);
  if (known) return known;
  const code = new URL(server.launchUrl()).searchParams.get('code')!;
  const reply = await redeem(server, code);
  const cookie = String(reply.headers['set-cookie']).split(';')[0]!;
  cookies.set(server.port, cookie);
  return cookie;
}

async function api(
  server: RunningServer,
  channel: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return send(server.port, `/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await cookieFor(server), ...headers },
    body: JSON.stringify(body),
  });
}

describe('the loopback server', () => {
  it('listens on 127.0.0.1 only and answers a call with the dispatcher’s Result', async () => {
    const server = await serve(testApp());
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const reply = await api(server, 'auth:status', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { state: 'uninitialized' } });
  });

  it('launches with a one-time code, traded for an HttpOnly, SameSite=Strict cookie', async () => {
    const server = await serve(testApp());
    const launch = new URL(server.launchUrl());
    expect([...launch.searchParams.keys()]).toEqual(['code']);
    const code = launch.searchParams.get('code')!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const first = await redeem(server, code);
    expect(first.status).toBe(204);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^desk-session-${server.port}=[A-Za-z0-9_-]{40,}; `));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain(code);
    // The code is dead after its first use.
    const second = await redeem(server, code);
    expect(second.status).toBe(401);
    expect(JSON.parse(second.body)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '启动链接已使用或已失效，请从工作台程序重新打开窗口' },
    });
    expect(second.headers['set-cookie']).toBeUndefined();
    const session = cookie.split(';')[0]!;
    const ok = await send(server.port, '/api/auth:status', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session },
      body: '{}',
    });
    expect(ok.status).toBe(200);
  });

  it('requires the session cookie on every API request; a bearer token or a made-up cookie is refused', async () => {
    const server = await serve(testApp());
    const session = await cookieFor(server);
    const value = session.split('=')[1]!;
    const attempts: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${value}` },
      { cookie: `desk-session-${server.port}=${value}x` },
      { cookie: `desk-session-${server.port + 1}=${value}` },
      { cookie: `desk-session-${server.port}=` },
    ];
    for (const headers of attempts) {
      const reply = await send(server.port, '/api/auth:status', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      });
      expect(reply.status, JSON.stringify(headers)).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    const server = await serve(testApp());
    const rebinding = await api(server, 'auth:status', {}, { host: `evil.example:${server.port}` });
    expect(rebinding.status).toBe(403);
    const otherPort = await api(server, 'auth:status', {}, { host: `127.0.0.1:${server.port + 1}` });
    expect(otherPort.status).toBe(403);
    const crossSite = await api(server, 'auth:status', {}, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const ours = await api(server, 'auth:status', {}, { origin: `http://127.0.0.1:${server.port}` });
    expect(ours.status).toBe(200);
    // Nor can another site trade a code it got hold of.
    const code = new URL(server.launchUrl()).searchParams.get('code')!;
    const foreign = await send(server.port, '/launch', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ code }),
    });
    expect(foreign.status).toBe(403);
    const page = await send(server.port, '/', { headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('limits the body size and rejects bad JSON with a Chinese message', async () => {
    const server = await serve(testApp(), 1024);
    const big = await api(server, 'auth:signIn', { username: 'a'.repeat(5000), password: 'x' });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({
      error: { code: 'VALIDATION', message: '请求内容过大（上限 1 KB）' },
    });
    const bad = await send(server.port, '/api/auth:status', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await cookieFor(server) },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({
      error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' },
    });
    const unknown = await api(server, 'no:such', {});
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
    const cookie = await cookieFor(server);
    const events: string[] = [];
    const stream = new Promise<void>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/events',
          headers: { host: `127.0.0.1:${server.port}`, cookie },
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
    expect(JSON.parse((await api(server, 'auth:signOut', {})).body)).toEqual({ ok: true, value: {} });
    await stream;
    expect(events.join('')).toContain('event: session:locked\ndata: {"reason":"signedOut"}');
  });
});
