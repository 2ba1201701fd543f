import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Who may talk to the loopback server: only pages it served itself, on the exact host and
// port it listens on. Checking Host defeats DNS rebinding (evil.example resolving to
// 127.0.0.1); checking Origin defeats other sites posting from the user's browser; the token
// defeats other local programs and users that did not get the launch URL.

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

export function tokenValid(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '', 'utf8');
  const expected = Buffer.from(token, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
