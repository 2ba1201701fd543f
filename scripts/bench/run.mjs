// `npm run bench [-- options]`: builds the bench's bundle (vite.bench.config.mts), then runs it
// with plain Node, so every figure is the shipped code's. `npx tsx scripts/bench/index.ts` runs
// the same sections from source, for debugging; its memory figures include tsx's own.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
await build({ configFile: join(root, 'vite.bench.config.mts'), root, logLevel: 'warn' });
const child = spawn(process.execPath, [join(root, 'out', 'bench', 'index.cjs'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
child.on('close', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
