// `npm test`: every check the project has, in order, stopping at the first failure, with the
// time each took. The same command runs locally and in CI (.ci/run).
import { spawnSync } from 'node:child_process';

const steps = [
  ['类型检查 typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['代码检查 lint', 'npm', ['run', '-s', 'lint']],
  ['格式检查 prettier', 'npm', ['run', '-s', 'format:check']],
  ['单元与集成测试 vitest', 'npx', ['vitest', 'run']],
  ['构建 build', 'npm', ['run', '-s', 'build']],
  ['打包配置检查 electron-builder', 'npm', ['run', '-s', 'check:builder']],
  // The bench's generator and every section on a small database: a change that breaks the bench
  // breaks the build. Figures are printed; nothing timed is asserted (--smoke). After the build:
  // its start-up section starts the built app.
  ['性能基准冒烟 bench', 'npm', ['run', '-s', 'bench', '--', '--cases', '2000', '--smoke']],
  ['端到端测试 playwright', 'npx', ['playwright', 'test']],
];

const only = process.argv.slice(2);
const env = {
  ...process.env,
  ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '1',
};
const timings = [];
for (const [label, cmd, args] of steps) {
  if (only.length && !only.some((o) => label.includes(o))) continue;
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${result.status === 0 ? '✓' : '✗'} ${label}  ${seconds}s`);
  if (result.status !== 0) {
    console.log(`\n${timings.join('\n')}\n\n✗ ${label} 失败`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n${timings.join('\n')}\n\n✓ 全部通过`);
