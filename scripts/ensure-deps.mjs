// Runs before `npm start` and `npm test`, so both work on a fresh clone: installs the npm
// dependencies when node_modules is missing or older than the lockfile, and (with --system)
// the Debian packages the tests need.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };

function stale() {
  if (!existsSync(installed)) return true;
  return statSync(lock).mtimeMs > statSync(installed).mtimeMs + 1000;
}

if (process.argv.includes('--system') && process.platform === 'linux' && !process.env.DESK_SKIP_SYSTEM_DEPS) {
  execFileSync('bash', [join(root, 'scripts', 'install-system-deps.sh')], { stdio: 'inherit', env });
}

if (stale()) {
  console.log('安装 npm 依赖（npm ci）…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    env,
    shell: process.platform === 'win32',
  });
}
