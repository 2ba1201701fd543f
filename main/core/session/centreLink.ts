import { randomUUID } from 'node:crypto';
import type { PgConfig, Store } from '../../../db';
import { PgBridge } from '../../../db/postgres/bridge';
import type { Office } from '../../contract';
import { StoreUnavailableError } from '../../../db/postgres/errors';
import { KeyFile } from '../auth/keyFile';
import { centreKeyHome, fileKeyHome, type KeyHome } from '../auth/keyHome';
import { ConflictError } from '../errors';
import { readCentreSettings, writeCentreSettings } from './centreSettings';

// What makes this installation one of the county centre's desks (issue 17), or not: the server
// it works on (remembered in centre.json), which desk it is, the centre's office for the sign-in
// screen while the server is away, a centre the setup wizard reached that no desk has set up yet,
// and where the users' keys are kept — keys.json beside the desk's file, or the centre's key
// tables, read on the signed-in store's connection or on one kept for them while nobody is
// signed in. The session (./session.ts) holds one.

export class CentreLink {
  /** The centre's PostgreSQL this desk works on, or null: the desk's own file. */
  config: PgConfig | null;
  /** The centre's office as centre.json names it: the sign-in screen shows it while the server is away. */
  office: Office | null;
  /** Which of the centre's desks this is (its own audit anchor flag); null on a desk's own file. */
  deskId: string | null;
  /** Whether centre.json remembered the centre at start (its keys are then read at the first sign-in). */
  readonly remembered: boolean;
  /** A centre the setup wizard connected to that no desk has set up yet: this desk's setup will. */
  pending: PgConfig | null = null;
  /** The connection the keys are read on while nobody is signed in. */
  private keysConnection: { key: string; bridge: PgBridge } | null = null;

  constructor(
    private readonly dataDir: string,
    given: PgConfig | null | undefined,
  ) {
    const kept = given ? null : readCentreSettings(dataDir);
    this.config = given ?? kept?.config ?? null;
    this.office = kept?.office ?? null;
    this.remembered = kept !== null;
    // A desk that does not remember itself (no centre.json: a test, a bench desk) is a new one each start.
    this.deskId = this.config ? (kept?.deskId ?? randomUUID()) : null;
  }

  /**
   * Where the key file is kept: keys.json, or the centre's key tables. `store` is the signed-in
   * one or the one a setup is making: on the centre, the keys are read and written in its
   * transaction; without one, on a connection kept for them — opened once, not at every
   * sign-in (a TLS handshake and a password exchange).
   */
  keyHome(store: () => Store | null, centre: PgConfig | null = this.config): KeyHome {
    if (!centre) return fileKeyHome(this.dataDir);
    return centreKeyHome(centre, () => {
      const open = store();
      if (open?.dialect === 'postgres')
        return { bridge: open.sql.bridge, inTransaction: open.sql.inTransaction };
      const key = JSON.stringify(centre);
      if (this.keysConnection?.key !== key) {
        this.keysConnection?.bridge.close();
        this.keysConnection = null;
        this.keysConnection = { key, bridge: PgBridge.open(centre) };
      }
      return { bridge: this.keysConnection.bridge, inTransaction: false };
    });
  }

  /**
   * The key file at start. A desk that remembers its centre (centre.json) reads it at the first
   * sign-in instead, so a server that is away does not hold up the sign-in screen (which names
   * the office meanwhile); one given its centre reads it now if the server answers.
   */
  keysAtStart(home: KeyHome): KeyFile | null {
    if (!this.config) return KeyFile.at(home);
    if (this.remembered) return null;
    try {
      return KeyFile.at(home);
    } catch (error) {
      if (error instanceof StoreUnavailableError) return null;
      throw error;
    }
  }

  /**
   * Before a sign-in: the key file as it is now. The centre's is read again (a user made or a
   * password changed at another desk counts here); an unreachable server says so.
   */
  currentKeys(keyFile: KeyFile | null, home: KeyHome): KeyFile | null {
    if (!this.config) return keyFile;
    if (!keyFile) return KeyFile.at(home);
    if (!keyFile.refresh()) throw new ConflictError('县中心数据库中找不到工作台的密钥，请联系县中心管理员');
    return keyFile;
  }

  /** A desk that joined or set up the centre: centre.json remembers the server from now on. */
  joined(config: PgConfig, office: Office): void {
    const deskId = randomUUID();
    writeCentreSettings(this.dataDir, { config, office, deskId });
    this.deskId = deskId;
    this.config = config;
    this.office = office;
    this.pending = null;
  }

  /** At exit: the keys' connection goes. */
  close(): void {
    this.keysConnection?.bridge.close();
    this.keysConnection = null;
  }
}
