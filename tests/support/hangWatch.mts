import { execFileSync } from 'node:child_process';
import type { Reporter, TestCase, TestModule, TestSpecification } from 'vitest/node';

// A test that blocks its worker's event loop is never timed out: vitest's timeouts are timers in
// that same worker, and the pool waits for the file's answer for ever. CI once sat silent for
// its whole 90 minutes after the last ✓ this way, and its log could not say where. This reporter
// notices a test or a file running far past every timeout, prints what was running and where each
// worker's main thread is (gdb: inside SQLite or a lock, or in JavaScript), then ends the run as
// failed. A worker reports a test's start in batches, so a file may be all it can name.
//
// The other way CI's log looked the same: every file reported, then no summary (vitest 4's own
// shutdown waiting on a worker; vitest-dev/vitest#10162 reports it on Linux CI). When every
// file has ended and the run still has not, a minute later, this reporter prints the stacks
// likewise and ends the run with the files' own result: all passed, or failed.

/** Far past testTimeout and hookTimeout (30 s each): nothing legitimate runs this long. */
const STUCK_MS = Number(process.env.DESK_TEST_STUCK_MS ?? 4 * 60_000);
const CHECK_MS = 15_000;
/** How long a run may take to end after its last file: the summary comes within a second or two. */
const ENDING_MS = Number(process.env.DESK_TEST_ENDING_MS ?? 60_000);

export default class HangWatch implements Reporter {
  private readonly running = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private files = 0;
  private readonly ended = new Set<string>();
  private lastEnded = 0;
  private failed = 0;
  private passedTests = 0;

  onTestRunStart(specifications: readonly TestSpecification[]): void {
    this.files = specifications.length;
    this.timer = setInterval(() => this.check(), CHECK_MS);
    this.timer.unref();
  }

  onTestRunEnd(_modules: readonly TestModule[], _errors: readonly unknown[], reason: string): void {
    clearInterval(this.timer);
    // The summary is out; should closing the workers then hang, end with the run's result.
    setTimeout(() => {
      process.stderr.write(
        `\n! vitest 已报告结果，但 ${Math.round(ENDING_MS / 1000)} 秒后仍未退出；按报告的结果结束。\n`,
      );
      process.exit(reason === 'passed' ? 0 : 1);
    }, ENDING_MS).unref();
  }

  onTestModuleStart(module: TestModule): void {
    this.running.set(`文件 ${module.moduleId}`, Date.now());
  }

  onTestModuleEnd(module: TestModule): void {
    this.running.delete(`文件 ${module.moduleId}`);
    this.ended.add(`${module.project.name} ${module.moduleId}`);
    this.lastEnded = Date.now();
    if (!module.ok()) this.failed++;
  }

  onTestCaseReady(test: TestCase): void {
    this.running.set(`用例 ${test.module.moduleId} › ${test.fullName}`, Date.now());
  }

  onTestCaseResult(test: TestCase): void {
    this.running.delete(`用例 ${test.module.moduleId} › ${test.fullName}`);
    if (test.result().state === 'passed') this.passedTests++;
  }

  private check(): void {
    const now = Date.now();
    if (this.files > 0 && this.ended.size >= this.files && now - this.lastEnded > ENDING_MS) {
      this.endWithoutVitest(now);
      return;
    }
    const stuck = [...this.running].filter(([, since]) => now - since > STUCK_MS);
    if (!stuck.length) return;
    const lines = [
      '',
      `✗ 测试卡住：以下运行超过 ${Math.round(STUCK_MS / 1000)} 秒（超时设定为 30 秒，工作进程的事件循环被阻塞）`,
      ...[...this.running].map(([what, since]) => `  ${what}（${Math.round((now - since) / 1000)} 秒）`),
      '',
      ...nativeStacks(),
    ];
    process.stderr.write(`${lines.join('\n')}\n`);
    killWorkers();
    process.exit(1);
  }

  private endWithoutVitest(now: number): void {
    const verdict = this.failed
      ? `✗ ${this.failed} 个测试文件未通过（见上方）`
      : `✓ 全部 ${this.files} 个测试文件通过（${this.passedTests} 个用例）`;
    const lines = [
      '',
      `! 所有测试文件都已结束，但 vitest 在 ${Math.round((now - this.lastEnded) / 1000)} 秒后仍未退出；以下是各工作进程的状态，运行按各文件的结果结束：`,
      ...nativeStacks(),
      verdict,
    ];
    process.stderr.write(`${lines.join('\n')}\n`);
    killWorkers();
    process.exit(this.failed ? 1 : 0);
  }
}

/** The vitest workers: this process's Node children (not esbuild's service). */
function workerPids(): number[] {
  try {
    const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
    return out
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter(([, comm]) => comm === 'node')
      .map(([pid]) => Number(pid));
  } catch {
    return [];
  }
}

/** Where each worker's main thread is, as native frames. */
function nativeStacks(): string[] {
  return workerPids().flatMap((pid) => [`工作进程 ${pid} 主线程的本地调用栈（gdb）：`, gdbStack(pid), '']);
}

function gdbStack(pid: number): string {
  try {
    return execFileSync('gdb', ['-p', String(pid), '-batch', '-ex', 'thread 1', '-ex', 'bt 15'], {
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
      .split('\n')
      .filter((l, i, all) => l.startsWith('#') && all.indexOf(l) === i) // 'thread 1' prints frame 0 too
      .map((l) => `    ${l}`)
      .join('\n');
  } catch (error) {
    return `    （gdb 不可用：${(error as Error).message.split('\n')[0]}）`;
  }
}

/** Ends the workers and what they started (a crash test's child would run on as an orphan). */
function killWorkers(): void {
  let table: number[][] = [];
  try {
    table = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number));
  } catch {
    // No ps: the workers alone.
  }
  const tree = (pid: number): number[] => [
    pid,
    ...table.filter(([, parent]) => parent === pid).flatMap(([child]) => tree(child!)),
  ];
  for (const pid of workerPids().flatMap(tree)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
