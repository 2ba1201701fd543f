import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'pingluo-mediation-desk';

/** Where browser mode keeps its data when no --data-dir is given: the platform's per-user data dir. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  const xdg =
    env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/')
      ? env.XDG_DATA_HOME
      : join(home, '.local', 'share');
  return join(xdg, APP_DIR_NAME);
}
