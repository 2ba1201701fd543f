import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PgBridge } from '../../../db/postgres/bridge';
import type { PgConfig } from '../../../db/postgres/config';
import {
  readCentreKeys,
  writeCentreKeys,
  type CentreKeyChanges,
  type CentreKeyRows,
} from '../../../db/postgres/keys';
import { writeFileDurably } from '../files/durable';
import type { KeyFileData, SealedInstallationKeys, WrappedKey } from './keyFile';

// Where an installation's key file (./keyFile.ts) is kept: keys.json beside a desk's own
// database, or the county centre's key tables, shared by every desk of the centre (issue 17).
// The key file decides what is in it; a home only reads and writes it.

export const KEY_FILE = 'keys.json';

export interface KeyChanges {
  /** The first save: the installation is made by it. */
  first: boolean;
  /** Look-up hashes of the users whose wraps were set, and of those removed. */
  set: readonly string[];
  removed: readonly string[];
}

export interface KeyHome {
  /** What is kept, or null when nothing is (the installation is not set up). */
  read(): KeyFileData | null;
  /** Writes the file: keys.json whole, the centre's tables only what `changes` names. */
  write(data: KeyFileData, changes: KeyChanges): void;
  /** Whether other desks change it while this one runs (re-read before each sign-in). */
  readonly shared: boolean;
}

/** keys.json's text (a backup holds a copy). */
export function keyFileFromJson(text: string, where: string): KeyFileData {
  const data = JSON.parse(text) as KeyFileData;
  if (data.format !== 'pingluo-mediation-desk/keys' || data.version !== 1) {
    throw new Error(`unsupported key file: ${where}`);
  }
  return data;
}

/** keys.json in a desk's data folder. */
export function fileKeyHome(dataDir: string): KeyHome {
  const path = join(dataDir, KEY_FILE);
  return {
    shared: false,
    read() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return null;
      }
      return keyFileFromJson(text, path);
    },
    // Written whole to a temporary file, flushed, then renamed over: never half a key file.
    write: (data) => writeFileDurably(path, JSON.stringify(data, null, 2)),
  };
}

/** The signed-in desk's own connection to the centre, and whether a call's transaction is open on it. */
export type CentreConnection = () => { bridge: PgBridge; inTransaction: boolean } | null;

/**
 * The centre's key tables. While a user is signed in, on the desk's own connection: inside the
 * call's transaction when one is open (a password change commits with the user's row, or not
 * at all). Before anyone is signed in, on the connection the session keeps for the keys (or, given
 * none, one of its own), for one short transaction.
 */
export function centreKeyHome(config: PgConfig, signedIn: CentreConnection): KeyHome {
  const inTransaction = <T>(fn: (bridge: PgBridge) => T): T => {
    const open = signedIn();
    if (open?.inTransaction) return fn(open.bridge);
    const bridge = open?.bridge ?? PgBridge.open(config);
    try {
      bridge.query('BEGIN');
      let result: T;
      try {
        result = fn(bridge);
      } catch (error) {
        try {
          bridge.query('ROLLBACK');
        } catch {
          // The connection went with the transaction: the server has rolled it back already.
        }
        throw error;
      }
      bridge.query('COMMIT');
      return result;
    } finally {
      if (!open) bridge.close();
    }
  };
  return {
    shared: true,
    read: () => {
      const rows = inTransaction(readCentreKeys);
      return rows && fromRows(rows);
    },
    write: (data, changes) => inTransaction((bridge) => writeCentreKeys(bridge, toChanges(data, changes))),
  };
}

// The rows hold the key file's parts as JSON texts, each user's wrap a row of its own.

function fromRows(rows: CentreKeyRows): KeyFileData {
  return {
    format: 'pingluo-mediation-desk/keys',
    version: 1,
    installationId: rows.installationId,
    office: JSON.parse(rows.office) as KeyFileData['office'],
    lookupKey: rows.lookupKey,
    users: Object.fromEntries([...rows.users].map(([lookup, w]) => [lookup, JSON.parse(w) as WrappedKey])),
    recovery: JSON.parse(rows.recovery) as WrappedKey,
    ...(rows.installation === null
      ? {}
      : { installation: JSON.parse(rows.installation) as SealedInstallationKeys }),
  };
}

function toChanges(data: KeyFileData, changes: KeyChanges): CentreKeyChanges {
  return {
    first: changes.first,
    header: {
      installationId: data.installationId,
      office: JSON.stringify(data.office),
      lookupKey: data.lookupKey,
      recovery: JSON.stringify(data.recovery),
      installation: data.installation ? JSON.stringify(data.installation) : null,
    },
    set: new Map(changes.set.map((lookup) => [lookup, JSON.stringify(data.users[lookup])])),
    removed: changes.removed,
  };
}
