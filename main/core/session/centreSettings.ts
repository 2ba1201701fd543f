import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PgConfig } from '../../../db';
import type { Office } from '../../contract';
import { writeFileDurably } from '../files/durable';

// centre.json: how this desk reaches the county centre's PostgreSQL (issue 17), written by the
// setup wizard's 连接县中心数据库 once the server answered and held (or got) the centre's keys.
// It holds the server's address, the database role's password and the certificate to trust;
// no personal data and no office key (those are sealed on the server, unwrapped at sign-in).
// The office is kept too, so the sign-in screen can name it while the server is unreachable.

export const CENTRE_FILE = 'centre.json';

export interface CentreSettings {
  config: PgConfig;
  office: Office;
  /** This desk among the centre's (its audit anchor is its own: ../audit/tail.ts anchoredKey). */
  deskId: string;
}

interface CentreFile extends CentreSettings {
  format: 'pingluo-mediation-desk/centre';
  version: 1;
}

export function readCentreSettings(dataDir: string): CentreSettings | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, CENTRE_FILE), 'utf8');
  } catch {
    return null;
  }
  const file = JSON.parse(text) as CentreFile;
  if (file.format !== 'pingluo-mediation-desk/centre' || file.version !== 1) {
    throw new Error(`unsupported centre settings: ${join(dataDir, CENTRE_FILE)}`);
  }
  return { config: file.config, office: file.office, deskId: file.deskId };
}

export function writeCentreSettings(dataDir: string, settings: CentreSettings): void {
  const file: CentreFile = { format: 'pingluo-mediation-desk/centre', version: 1, ...settings };
  writeFileDurably(join(dataDir, CENTRE_FILE), JSON.stringify(file, null, 2));
}
