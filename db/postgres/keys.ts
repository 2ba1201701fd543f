import type { PgBridge } from './bridge';
import { StoreRefusedError } from './errors';
import { CENTRE_KEYS, CENTRE_KEY_USERS } from './schema/keys';

// The statements behind the centre's key tables (./schema/keys.ts). The values are the key
// file's own JSON texts: main/core/auth/keyFile.ts decides what they hold, this file only where
// they are kept. Read before anyone signs in, so on a connection of their own or, while a user
// is signed in, inside the call's transaction (the wrap changes with the user's row).

export interface CentreKeyRows {
  installationId: string;
  office: string;
  lookupKey: string;
  recovery: string;
  installation: string | null;
  /** Each user's wrap (JSON), by look-up hash. */
  users: Map<string, string>;
}

/** What the centre keeps, or null when no desk has set it up (no schema or no keys yet). */
export function readCentreKeys(bridge: PgBridge): CentreKeyRows | null {
  const made = bridge.query<{ y: boolean }>(`SELECT to_regclass('${CENTRE_KEYS}') IS NOT NULL AS y`).rows[0];
  if (!made?.y) return null;
  const header = bridge.query<{
    installation_id: string;
    office: string;
    lookup_key: string;
    recovery: string;
    installation: string | null;
  }>(`SELECT installation_id, office, lookup_key, recovery, installation FROM ${CENTRE_KEYS}`).rows[0];
  if (!header) return null;
  const users = bridge.query<{ lookup: string; wrap: string }>(
    `SELECT lookup, wrap FROM ${CENTRE_KEY_USERS}`,
  ).rows;
  return {
    installationId: header.installation_id,
    office: header.office,
    lookupKey: header.lookup_key,
    recovery: header.recovery,
    installation: header.installation,
    users: new Map(users.map((u) => [u.lookup, u.wrap])),
  };
}

export interface CentreKeyChanges {
  /** The first save: the row is new, and a centre someone else set up meanwhile is refused. */
  first: boolean;
  header: Omit<CentreKeyRows, 'users'>;
  /** Users whose wraps were set (look-up hash → wrap JSON). */
  set: Map<string, string>;
  removed: readonly string[];
}

/** Writes the changes in the transaction open on `bridge` (the caller begins and ends it). */
export function writeCentreKeys(bridge: PgBridge, changes: CentreKeyChanges): void {
  const h = changes.header;
  if (changes.first) {
    const made = bridge.query(
      `INSERT INTO ${CENTRE_KEYS} (installation_id, office, lookup_key, recovery, installation)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [h.installationId, h.office, h.lookupKey, h.recovery, h.installation],
    );
    if (made.rowCount === 0)
      throw new StoreRefusedError('县中心数据库已由另一台工作台完成初始化，请返回并直接登录');
  } else {
    // Only the installation's keys change after setup (made once, at the first unlock after the
    // upgrade that introduced them): the rest is fixed when the centre is set up.
    bridge.query(`UPDATE ${CENTRE_KEYS} SET installation = coalesce(installation, $1)`, [h.installation]);
  }
  for (const [lookup, wrap] of changes.set) {
    bridge.query(
      `INSERT INTO ${CENTRE_KEY_USERS} (lookup, wrap) VALUES ($1, $2)
       ON CONFLICT (lookup) DO UPDATE SET wrap = excluded.wrap`,
      [lookup, wrap],
    );
  }
  for (const lookup of changes.removed) {
    bridge.query(`DELETE FROM ${CENTRE_KEY_USERS} WHERE lookup = $1`, [lookup]);
  }
}
