// `npm start`: build, then launch the Electron app if its binary is installed; otherwise say so
// in one line and start browser mode (the loopback server, opened in Chromium's --app window
// where one is found). Options after `--` go to browser mode: --data-dir, --port, --no-open.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './fresh-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The bundles of an unchanged checkout are reused; anything changed, and everything is built again.
buildIfStale(root);

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
