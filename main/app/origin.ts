// The renderer's one trusted origin. Everything the app shows is served from app://desk, so
// navigation, IPC and the protocol handler all compare against this and nothing else.

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True only for app://desk/... URLs. Compared by parts rather than `URL.origin`, because the
 * WHATWG parser gives non-special schemes an opaque origin ("null") in Node, and because a
 * port or credentials (app://desk:1/, app://x@desk/) must not sneak past a string prefix test.
 */
export function isTrustedUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
