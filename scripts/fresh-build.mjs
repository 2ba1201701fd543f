// Whether the bundles in out/ are what the checkout says, and a build when they are not: shared
// by `npm start` and `npm run centre:migrate`, so neither runs a stale build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build reads: a change to any of these makes the bundles stale. */
const SOURCES = [
  'main',
  'renderer',
  'preload',
  'db',
  'resources',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'vite.renderer.config.mts',
  'vite.main.config.mts',
];
/** What it writes, one file per bundle. */
const OUTPUTS = [
  'out/renderer/index.html',
  'out/main/web.cjs',
  'out/main/app.cjs',
  'out/main/dossierTypesetter.cjs',
  'out/main/centreMigrate.cjs',
  'out/preload/preload.cjs',
];

/** The newest modification time under a path (0 when it is missing). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/**
 * The build takes several seconds on an office PC; the bundles of an unchanged checkout are
 * reused, so a second `npm start` shows the sign-in screen in about one. Any bundle missing, or
 * older than any source, and everything is built again; a failed build ends the process.
 */
export function buildIfStale(root) {
  const builtAt = Math.min(
    ...OUTPUTS.map((o) => (existsSync(join(root, o)) ? statSync(join(root, o)).mtimeMs : 0)),
  );
  const changedAt = Math.max(...SOURCES.map((s) => newest(join(root, s))));
  if (builtAt !== 0 && changedAt <= builtAt) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', '-s', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) {
    console.error('构建失败，请查看上面的错误信息。');
    process.exit(build.status ?? 1);
  }
}
