// `npm start`: build, then launch the Electron app if its binary is installed; otherwise say so
// in one line and start browser mode (the loopback server, opened in Chromium's --app window
// where one is found). Options after `--` go to browser mode: --data-dir, --port, --no-open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
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

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null; // "Electron failed to install correctly": no binary on this machine
  }
}

const args = process.argv.slice(2);
const electron = electronBinary();
const child = electron
  ? spawn(electron, [root, ...args], { stdio: 'inherit' })
  : (console.log('未找到 Electron 可执行文件，改用浏览器模式启动。'),
    spawn(process.execPath, [join(root, 'out', 'main', 'web.cjs'), ...args], { stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
