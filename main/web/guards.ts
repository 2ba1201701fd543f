import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Who may talk to the loopback server: only pages it served itself, on the exact host and
// port it listens on. Checking Host defeats DNS rebinding (evil.example resolving to
// 127.0.0.1); checking Origin defeats other sites posting from the user's browser; the session
// cookie defeats other local programs and users.
//
// No secret ever travels in a URL that lasts: the launch URL carries a one-time code, which the
// page trades (POST /launch) for an HttpOnly, SameSite=Strict cookie. The code is dead after
// that first use, so finding it later in a process list, a terminal or a history file is
// worthless; the cookie is never visible to page scripts, and SameSite=Strict keeps other
// sites' pages from sending it.

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  return allowedHosts(port).has(req.headers.host ?? '');
}

/** An absent Origin is allowed (same-origin GETs); a present one must be ours exactly. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

const digest = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('base64url');

/** Launch codes and the sessions they were traded for; only digests are kept. */
export class WebAccess {
  private readonly codes = new Set<string>();
  private readonly sessions = new Set<string>();

  constructor(private readonly port: () => number) {}

  /** Cookies are scoped by host, not port: the name carries the port so two instances never clash. */
  get cookieName(): string {
    return `desk-session-${this.port()}`;
  }

  issueCode(): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.add(digest(code));
    return code;
  }

  /** The Set-Cookie value for a valid, unused code (which dies here), or null. */
  redeem(code: unknown): string | null {
    if (typeof code !== 'string' || !this.codes.delete(digest(code))) return null;
    const session = randomBytes(32).toString('base64url');
    this.sessions.add(digest(session));
    return `${this.cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  authenticated(req: IncomingMessage): boolean {
    const value = cookieValue(req.headers.cookie, this.cookieName);
    return value !== null && value.length > 0 && this.sessions.has(digest(value));
  }
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
