// How a desk reaches the county centre's PostgreSQL (issue 17). TLS is not optional: the server
// proves itself either by a certificate chain to the centre's CA with the host name checked
// (verify-full), or — for the usual self-signed server certificate a county administrator makes
// with openssl — by the SHA-256 fingerprint of that certificate, read off the server and compared
// by phone or on paper (pinned).

export type PgTls =
  | { mode: 'verify-full'; /** The centre's CA certificate(s), PEM. */ ca: string }
  | {
      mode: 'pinned';
      /** SHA-256 of the server certificate (DER), hex, colons and case free. */ fingerprint: string;
    };

export interface PgConfig {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
  tls: PgTls;
  /** Giving up on connecting (default 5 s): a desk must not hang on a dead LAN. */
  connectTimeoutMs?: number;
  /** The server cancels a statement running longer (default 30 s). */
  statementTimeoutMs?: number;
  /** application_name on the server (pg_stat_activity shows which desk is which). */
  applicationName?: string;
}

/** A fingerprint as compared: 64 lowercase hex digits, whatever separators it was typed with. */
export function normaliseFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:-]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}
