import { protocol } from 'electron';
import { readStatic, resolveUnder, type FileReader } from '../static/serve';
import { APP_HOST, APP_SCHEME } from './origin';

// Serves the built renderer (out/renderer) under app://desk. A custom standard scheme instead
// of file:// gives the page a real origin to pin IPC and navigation to, lets us send a CSP
// header, and keeps file://'s extra privileges away from the renderer. Which file, its type and
// the headers (CSP included) come from main/static, which browser mode's server shares.

export { CONTENT_SECURITY_POLICY, contentTypeOf } from '../static/serve';

/** The (still percent-encoded) path of an app://desk URL, or null for any other URL. */
function appPathname(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return parsed.pathname || '/';
}

/** The file under `root` that `url` names, or null when the URL is not app://desk or would leave `root`. */
export function resolveAppPath(root: string, url: string): string | null {
  const pathname = appPathname(url);
  return pathname === null ? null : resolveUnder(root, pathname);
}

function notFound(): Response {
  return new Response('未找到', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export type { FileReader };

/** The app:// request handler, separated from `protocol.handle` so tests can call it. */
export function createAppHandler(root: string, read?: FileReader): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    const pathname = appPathname(request.url);
    if (pathname === null) return notFound();
    const result = await readStatic(root, pathname, read);
    if (result.status === 404) return notFound();
    const body = request.method === 'HEAD' ? null : new Uint8Array(result.body);
    return new Response(body, { status: 200, headers: result.headers });
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
