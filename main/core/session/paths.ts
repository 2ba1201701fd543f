import { join } from 'node:path';

/** Everything the app writes lives in one data directory. */
export function dataPaths(dataDir: string) {
  return {
    dataDir,
    database: join(dataDir, 'desk.db'),
    keyFile: join(dataDir, 'keys.json'),
    /** Private plaintext scratch space (documents to print): wiped at launch, sign-in, lock and exit. */
    temp: join(dataDir, 'tmp'),
  };
}
