import { openStore, type PgConfig, type Store } from '../../../db';
import { dataPaths } from './paths';

// Where a desk's data lives: its own encrypted SQLite file (a township office, a single-PC
// centre, `npm start`), or the county centre's PostgreSQL shared by the centre's desks (issue 17).
// Either way it is opened with the office data key, unwrapped at sign-in.

export interface DeskStoreSettings {
  dataDir: string;
  /** The centre's server, when this desk works on it. */
  centre: PgConfig | null;
}

export async function openDeskStore(
  where: DeskStoreSettings,
  dataKey: Buffer,
  create: boolean,
): Promise<Store> {
  if (where.centre) {
    // Loaded only by a desk of the centre: the schema it may have to make is 120 KB that a
    // township's desk, on its own file, never needs at start-up.
    const { openPgStore } = await import('../../../db/postgres/store');
    return openPgStore({ config: where.centre, dataKey, create });
  }
  return openStore({ file: dataPaths(where.dataDir).database, key: dataKey, create });
}
