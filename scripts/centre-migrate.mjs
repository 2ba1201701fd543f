// `npm run centre:migrate -- …`: moves a desk's data into the county centre's empty PostgreSQL
// and verifies it (main/cli/centreMigrate.ts). Runs the built bundle, out/main/centreMigrate.cjs,
// built first when the checkout changed since the last build; the bundle needs no development
// tools and can be run directly with node where the app's built files and node_modules are.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './fresh-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
buildIfStale(root);
// stdin inherited: the command asks for the passwords not given in its environment.
const child = spawn(
  process.execPath,
  [join(root, 'out', 'main', 'centreMigrate.cjs'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
