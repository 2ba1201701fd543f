import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiError, Result } from '../contract';
import type { ManualClock } from '../core/clock';
import type { Session } from '../core/session/session';
import type { Dispatch } from '../ipc';
import { hostAllowed, originAllowed, WebAccess } from './guards';
import { webApiScript } from './shim';
import { readStatic, staticHeaders } from '../static/serve';
import { indexHtml } from './static';

export interface WebServerOptions {
  dispatch: Dispatch;
  session: Session;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. The host is always 127.0.0.1: never reachable from the network. */
  port: number;
  /** Request bodies above this are refused before they are read whole. */
  maxBodyBytes?: number;
  /** End-to-end tests only: lets a test move the app's clock (deadlines, lockouts). */
  testClock?: ManualClock;
}

export interface RunningServer {
  port: number;
  url: string;
  /** A launch URL with a fresh one-time code: good for one page, once. */
  launchUrl(): string;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 32 * 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function fail(res: ServerResponse, status: number, error: ApiError): void {
  sendJson(res, status, { ok: false, error } satisfies Result<never>);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.floor(bytes / 1024)} KB`;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      resolve('too-large');
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Over the limit: stop keeping it, drain a little so the 413 reaches the client, and cut
      // off a sender that goes on far beyond it.
      if (size > limit + 8 * 1024 * 1024) req.destroy();
      if (size > limit) resolve('too-large');
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startWebServer(options: WebServerOptions): Promise<RunningServer> {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const streams = new Set<ServerResponse>();
  let port = 0;
  const access = new WebAccess(() => port);

  const unsubscribe = options.session.onEvent((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': keep-alive\n\n');
  }, 25_000);
  heartbeat.unref();

  /** POST /launch {code}: the page trades its one-time code for the session cookie. */
  async function handleLaunch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = req.method === 'POST' ? await readBody(req, 1024) : 'too-large';
    let code: unknown = null;
    if (body !== 'too-large') {
      try {
        code = (JSON.parse(body.toString('utf8')) as { code?: unknown }).code;
      } catch {
        code = null;
      }
    }
    const cookie = access.redeem(code);
    if (!cookie) {
      fail(res, 401, {
        code: 'UNAUTHENTICATED',
        message: '启动链接已使用或已失效，请从工作台程序重新打开窗口',
      });
      return;
    }
    res.writeHead(204, { 'set-cookie': cookie, 'cache-control': 'no-store' });
    res.end();
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (!access.authenticated(req)) {
      fail(res, 401, { code: 'UNAUTHENTICATED', message: '访问凭据无效，请从工作台程序重新打开窗口' });
      return;
    }
    if (name === 'events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method !== 'POST') {
      fail(res, 405, { code: 'VALIDATION', message: '请求方法不正确' });
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      fail(res, 415, { code: 'VALIDATION', message: '请求内容须为 JSON' });
      return;
    }
    const body = await readBody(req, maxBody);
    if (body === 'too-large') {
      res.setHeader('connection', 'close');
      fail(res, 413, { code: 'VALIDATION', message: `请求内容过大（上限 ${formatBytes(maxBody)}）` });
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      fail(res, 400, { code: 'VALIDATION', message: '请求内容不是有效的 JSON' });
      return;
    }
    if (name === '__test/clock' && options.testClock) {
      const ms = Number((input as { advanceMs?: unknown }).advanceMs);
      if (Number.isFinite(ms)) options.testClock.advance(ms);
      sendJson(res, 200, { ok: true, value: { now: options.testClock.now().toISOString() } });
      return;
    }
    sendJson(res, 200, await options.dispatch(name, input));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (path === '/web-api.js') {
      res.writeHead(200, { ...staticHeaders('web-api.js'), 'cache-control': 'no-store' });
      res.end(webApiScript);
      return;
    }
    if (path === '/' || path === '/index.html') {
      // Never cached: it is what loads window.api.
      res.writeHead(200, { ...staticHeaders('index.html'), 'cache-control': 'no-store' });
      res.end(await indexHtml(options.rendererDir));
      return;
    }
    const file = await readStatic(options.rendererDir, path);
    if (file.status === 404) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, file.headers);
    res.end(file.body);
  }

  const server = createServer((req, res) => {
    if (!hostAllowed(req, port) || !originAllowed(req, port)) {
      fail(res, 403, { code: 'FORBIDDEN', message: '请求来源不受信任' });
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const route =
      url.pathname === '/launch'
        ? handleLaunch(req, res)
        : url.pathname.startsWith('/api/')
          ? handleApi(req, res, decodeURIComponent(url.pathname.slice(5)))
          : handleStatic(req, res, url.pathname);
    route.catch((error: unknown) => {
      console.error('[web] request failed', error);
      if (!res.headersSent) fail(res, 500, { code: 'INTERNAL', message: '系统内部错误，请重试' });
      else res.end();
    });
  });
  server.requestTimeout = 120_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  const url = `http://127.0.0.1:${port}/`;
  return {
    port,
    url,
    launchUrl: () => `${url}?code=${access.issueCode()}`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        clearInterval(heartbeat);
        for (const res of streams) res.end();
        streams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
