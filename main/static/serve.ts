import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

// Serving the built renderer (out/renderer) as static files: which file a URL path names, its
// type, and the headers every response carries, with the one Content-Security-Policy. Both
// transports call this: app://desk in Electron (main/app/protocol.ts) and the loopback server
// of browser mode (main/web/server.ts). Plain Node on purpose: no electron, no transport.

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
 * The file under `root` that a URL path (still percent-encoded) names, or null when it would
 * leave `root`. Browsers fold "/../" already; the containment check is for what decoding can
 * reintroduce (%2f, %5c, NUL) and is the one guarantee that matters. "/" means index.html.
 */
export function resolveUnder(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed percent-encoding
  }
  // Backslashes are separators on Windows; no renderer asset has one or a NUL in its name.
  if (path.includes('\\') || path.includes('\0')) return null;
  if (!path.startsWith('/')) path = `/${path}`;
  if (path.endsWith('/')) path += 'index.html';
  const base = resolve(root);
  const target = resolve(base, `.${path}`);
  return target.startsWith(base + sep) ? target : null;
}

/** The headers of a static response: its type, no sniffing, no referrer, the CSP on HTML. */
export function staticHeaders(filePath: string): Record<string, string> {
  const contentType = contentTypeOf(filePath);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
  if (contentType.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
  return headers;
}

export type FileReader = (path: string) => Promise<Uint8Array>;

export type StaticResult =
  { status: 200; headers: Record<string, string>; body: Uint8Array } | { status: 404 };

/** Reads the file a URL path names: 404 for anything missing, a directory or outside `root`. */
export async function readStatic(
  root: string,
  urlPath: string,
  read: FileReader = readFile,
): Promise<StaticResult> {
  const filePath = resolveUnder(root, urlPath);
  if (!filePath) return { status: 404 };
  try {
    return { status: 200, headers: staticHeaders(filePath), body: await read(filePath) };
  } catch {
    return { status: 404 };
  }
}
