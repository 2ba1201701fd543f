// `npm test`: every check the project has, in order, stopping at the first failure, with the
// time each took. The same command runs locally and in CI (.ci/run).
import { spawn } from 'node:child_process';
import { centreSuites } from '../tests/support/centreSuites.mjs';

// The three static checks are single-threaded and independent: they run side by side (one
// step), each with its output kept until it ends so the log stays readable.
const staticChecks = [
  ['类型检查 typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['代码检查 lint', 'npm', ['run', '-s', 'lint']],
  ['格式检查 prettier', 'npm', ['run', '-s', 'format:check']],
];
// Each step after the static checks has a time limit, several times what it takes on a 2-core
// machine (about 2.5, 0.1, 0.1, 0.5 and 5 minutes): a step that hangs fails the run with its name
// instead of holding CI silent until CI's own limit.
const steps = [
  ['静态检查 typecheck + lint + prettier', staticChecks],
  ['单元与集成测试 vitest', 'npx', ['vitest', 'run'], 15],
  // The same service suites on the county centre's PostgreSQL (issue 17): those that pass there
  // so far (tests/support/centreSuites.mjs), each app on a database of its own in one throwaway cluster.
  [
    '县中心数据库上的服务测试 vitest (PostgreSQL)',
    'npx',
    ['vitest', 'run', '--project', 'core', ...centreSuites],
    10,
    { DESK_TEST_STORE: 'postgres' },
  ],
  ['构建 build', 'npm', ['run', '-s', 'build'], 5],
  ['打包配置检查 electron-builder', 'npm', ['run', '-s', 'check:builder'], 5],
  // The bench's generator and every section on a small database: a change that breaks the bench
  // breaks the build. Figures are printed; nothing timed is asserted (--smoke). After the build:
  // its start-up section starts the built app; the centre's section (PostgreSQL) on 300 cases.
  [
    '性能基准冒烟 bench',
    'npm',
    ['run', '-s', 'bench', '--', '--cases', '2000', '--smoke', '--store', 'postgres'],
    10,
  ],
  ['端到端测试 playwright', 'npx', ['playwright', 'test'], 25],
];

const only = process.argv.slice(2);
const env = {
  ...process.env,
  ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '1',
};
const shell = process.platform === 'win32';

/** Runs the checks at once; prints each one's output when it ends. Resolves to the worst status. */
async function runSideBySide(checks) {
  const statuses = await Promise.all(
    checks.map(
      ([label, cmd, args]) =>
        new Promise((resolve) => {
          const started = Date.now();
          const child = spawn(cmd, args, { env, shell, stdio: ['ignore', 'pipe', 'pipe'] });
          const output = [];
          child.stdout.on('data', (chunk) => output.push(chunk));
          child.stderr.on('data', (chunk) => output.push(chunk));
          child.on('close', (code) => {
            const seconds = ((Date.now() - started) / 1000).toFixed(1);
            process.stdout.write(`  ${code === 0 ? '✓' : '✗'} ${label}  ${seconds}s\n`);
            process.stdout.write(Buffer.concat(output));
            resolve(code ?? 1);
          });
        }),
    ),
  );
  return { status: statuses.find((s) => s !== 0) ?? 0 };
}

/** Runs one step in its own process group, so that at its time limit the whole tree is ended. */
function runLimited(label, cmd, args, minutes, extraEnv = {}) {
  return new Promise((resolve) => {
    // No stdin: a process group of its own may not read the terminal.
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...env, ...extraEnv },
      shell,
      detached: !shell,
    });
    const endTree = (signal) => {
      try {
        if (shell) child.kill(signal);
        else process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    };
    const limit = setTimeout(() => {
      console.log(`\n✗ ${label} 超过 ${minutes} 分钟仍未结束，已终止（见上方最后的输出）`);
      endTree('SIGKILL');
    }, minutes * 60_000);
    // Ctrl-C and CI's own stop reach a separate process group only through here.
    const forward = (signal) => endTree(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      clearTimeout(limit);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ status: code ?? (signal ? 1 : 0) });
    });
  });
}

const timings = [];
for (const [label, cmd, args, minutes, extraEnv] of steps) {
  if (only.length && !only.some((o) => label.includes(o))) continue;
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = Array.isArray(cmd)
    ? await runSideBySide(cmd)
    : await runLimited(label, cmd, args, minutes, extraEnv);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${result.status === 0 ? '✓' : '✗'} ${label}  ${seconds}s`);
  if (result.status !== 0) {
    console.log(`\n${timings.join('\n')}\n\n✗ ${label} 失败`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n${timings.join('\n')}\n\n✓ 全部通过`);
