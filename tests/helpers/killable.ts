import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';

// For kill -9 tests: child processes the test starts and SIGKILLs at chosen moments.

const repoRoot = resolve(import.meta.dirname, '../..');

/** sfc-like seeded generator: the kill moments differ run to run but the same on every machine. */
export function seeded(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

interface ChildCommand {
  args: string[];
  env: NodeJS.ProcessEnv;
  dispose(): void;
}

/**
 * The worker script bundled once (esbuild, which tsx brings), so each of many starts takes
 * ~0.5 s instead of ~1.5 s under the tsx loader; without esbuild it runs under tsx.
 */
async function childCommand(workerSource: string): Promise<ChildCommand> {
  try {
    const esbuild = await import('esbuild');
    const bundleDir = mkdtempSync(join(tmpdir(), 'desk-crash-worker-'));
    const outfile = join(bundleDir, 'worker.cjs');
    await esbuild.build({
      entryPoints: [workerSource],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
    });
    return {
      args: [outfile],
      env: { ...process.env, NODE_PATH: join(repoRoot, 'node_modules') },
      dispose: () => rmSync(bundleDir, { recursive: true, force: true }),
    };
  } catch {
    return { args: ['--import', 'tsx', workerSource], env: process.env, dispose: () => undefined };
  }
}

/**
 * A test file's worker processes: bundled before its tests, and after each test every one still
 * running is killed (only those this file started, by their pid).
 */
export function killableWorkers(workerSource: string) {
  let command: ChildCommand;
  const running = new Set<ChildProcessWithoutNullStreams>();
  beforeAll(async () => {
    command = await childCommand(workerSource);
  }, 60_000);
  afterAll(() => command.dispose());
  afterEach(() => {
    for (const child of running)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    running.clear();
  });
  return {
    /** Starts the worker with these arguments, stdout and stderr piped. */
    start(args: string[]): ChildProcessWithoutNullStreams {
      const child = spawn(process.execPath, [...command.args, ...args], {
        cwd: repoRoot,
        env: command.env,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      child.stdin.end();
      running.add(child);
      child.on('close', () => running.delete(child));
      return child;
    },
  };
}

/**
 * Lets a worker run until the test kills it: once `armed(outputSoFar)` is true (checked at start
 * and on every output), it is SIGKILLed `delayMs` later. Resolves with the complete lines it
 * printed: a line the kill cut off was never acknowledged. Rejects if it ended by itself.
 */
export function untilKilled(
  child: ChildProcessWithoutNullStreams,
  armed: (out: string) => boolean,
  delayMs: number,
  watchdogMs = 30_000,
): Promise<string[]> {
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    let fuse: NodeJS.Timeout | null = null;
    let killedByUs = false;
    const kill = () => {
      killedByUs = true;
      child.kill('SIGKILL');
    };
    const check = () => {
      if (!fuse && armed(out)) fuse = setTimeout(kill, delayMs);
    };
    const watchdog = setTimeout(kill, watchdogMs);
    check();
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      check();
    });
    child.stderr.on('data', (chunk: string) => (err += chunk));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      if (!killedByUs || signal !== 'SIGKILL') {
        fail(
          new Error(`worker ended by itself (code ${code}, signal ${signal}):\n${err}\n${out.slice(-500)}`),
        );
        return;
      }
      done(out.split('\n').slice(0, -1));
    });
  });
}
