import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './origin';

// Serves the built renderer (out/renderer) under app://desk. A custom standard scheme instead
// of file:// gives the page a real origin to pin IPC and navigation to, lets us send a CSP
// header, and keeps file://'s extra privileges away from the renderer.

/** antd writes its styles at run time, hence 'unsafe-inline' for styles and nothing else. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The dossier PDF previews in the browser's own PDF viewer: a frame of a blob URL the page made.
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(filePath: string): string {
  return contentTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that `url` names, or null when the URL is not app://desk or would
 * leave `root`. Chromium already folds "/../" in standard URLs; the containment check is for
 * what decoding can reintroduce (%2f, %5c, NUL) and is the one guarantee that matters.
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // Backslashes are separators on Windows; no renderer asset has one or a NUL in its name.
  if (pathname.includes('\\') || pathname.includes('\0')) return null;
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
  const base = resolve(root);
  const target = resolve(base, `.${pathname}`);
  return target.startsWith(base + sep) ? target : null;
}

function notFound(): Response {
  return new Response('未找到', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export type FileReader = (path: string) => Promise<Uint8Array>;

/** The app:// request handler, separated from `protocol.handle` so tests can call it. */
export function createAppHandler(
  root: string,
  read: FileReader = readFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    const filePath = resolveAppPath(root, request.url);
    if (!filePath) return notFound();
    let body: Uint8Array;
    try {
      body = await read(filePath);
    } catch {
      return notFound(); // missing, a directory, unreadable: the renderer needs none of those
    }
    const contentType = contentTypeOf(filePath);
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    if (contentType.startsWith('text/html')) {
      headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Must run before `app` is ready: privileges cannot be granted to a scheme later. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves `rendererRoot` (out/renderer) under app://desk. Call once the app is ready. */
export function registerAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppHandler(rendererRoot));
}
