// `npm start`: build, then launch the Electron app if its binary is installed; otherwise say so
// in one line and start browser mode (the loopback server, opened in Chromium's --app window
// where one is found). Options after `--` go to browser mode: --data-dir, --port, --no-open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

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

// The build takes several seconds on an office PC; the bundles of an unchanged checkout are
// reused, so a second `npm start` shows the sign-in screen in about one. Any bundle missing, or
// older than any source, and everything is built again.
const builtAt = Math.min(
  ...OUTPUTS.map((o) => (existsSync(join(root, o)) ? statSync(join(root, o)).mtimeMs : 0)),
);
const changedAt = Math.max(...SOURCES.map((s) => newest(join(root, s))));
if (builtAt === 0 || changedAt > builtAt) {
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

/**
 * The installed Electron binary, or null. Reads what Electron's own installer leaves behind
 * (path.txt + dist/) instead of require('electron'), which tries to download a missing binary
 * and prints a stack trace on machines that cannot reach the download site.
 */
function electronBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist'), relative);
  return existsSync(binary) ? binary : null;
}

const args = process.argv.slice(2);
const electron = electronBinary();
const child = electron
  ? spawn(electron, [root, ...args], { stdio: 'inherit' })
  : (console.log('未找到 Electron 可执行文件，改用浏览器模式启动。'),
    spawn(process.execPath, [join(root, 'out', 'main', 'web.cjs'), ...args], { stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
