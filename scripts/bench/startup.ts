// Start-up (issue 18: "`npm start` to first screen ≤ 2 s"), measured as a user meets it on a
// built checkout in browser mode: `node scripts/start.mjs` (its check that the bundles are up to
// date included) until the server prints its URL, then Chromium started and the first screen
// (首次使用设置 on a new data directory) drawn. Next to it, in the same run, the floors:
// `node -e ''`, a bare loopback server printing a URL, and Chromium showing a one-line page.
// Where the time goes: the up-to-date check (start.mjs against web.cjs run directly), the
// server's own start, and the browser's part.
import { chromium, type Browser } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkoutRoot, startedAs } from './sections';
import { round } from './stats';

const root = checkoutRoot();
const CHROMIUM = process.env.DESK_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

export interface StartupBenchResult {
  runs: number;
  /** `npm start` (start.mjs) until the URL is printed, ms (median). */
  untilUrl: number;
  /** The same from web.cjs directly: start.mjs's own share is the difference. */
  serverOnly: number;
  /** From the URL to the first screen drawn, Chromium's start included. */
  browser: number;
  /** untilUrl + browser. */
  firstScreen: number | null;
  floors: { nodeEmpty: number; bareServer: number; browserBlank: number | null };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Milliseconds until the process prints `marker` (or exits, for an empty marker). */
function timeUntil(
  args: string[],
  marker: string,
): Promise<{ ms: number; url: string; stop: () => Promise<void> }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let seen = '';
    if (!marker) child.once('exit', () => resolve({ ms: performance.now() - started, url: '', stop }));
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = marker ? new RegExp(`${marker} (\\S+)`).exec(seen) : null;
      if (match) resolve({ ms: performance.now() - started, url: match[1]!, stop });
    });
    child.once('error', reject);
    setTimeout(() => reject(new Error(`no ${marker} within 30 s:\n${seen}`)), 30_000).unref();
  });
}

async function firstScreen(url: string, expectText: string): Promise<number> {
  const started = performance.now();
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByText(expectText).first().waitFor({ state: 'visible', timeout: 30_000 });
    return performance.now() - started;
  } finally {
    await browser?.close();
  }
}

export async function startupBench(runs: number): Promise<StartupBenchResult | { skipped: string }> {
  if (
    !existsSync(join(root, 'out', 'main', 'web.cjs')) ||
    !existsSync(join(root, 'out', 'renderer', 'index.html'))
  )
    return { skipped: 'the app is not built (npm run build)' };
  const browserPresent = existsSync(CHROMIUM);
  const untilUrl: number[] = [];
  const serverOnly: number[] = [];
  const browser: number[] = [];
  const nodeEmpty: number[] = [];
  const bareServer: number[] = [];
  const browserBlank: number[] = [];
  const bare = `require('node:http').createServer((q, s) => s.end('<p>ok</p>')).listen(0, '127.0.0.1', function () { console.log('DESK_URL http://127.0.0.1:' + this.address().port + '/'); })`;
  // Once untimed: start.mjs builds first when the sources changed since the last build.
  const warm = mkdtempSync(join(tmpdir(), 'desk-start-'));
  try {
    await (
      await timeUntil(['scripts/start.mjs', '--no-open', '--port', '0', '--data-dir', warm], 'DESK_URL')
    ).stop();
  } finally {
    rmSync(warm, { recursive: true, force: true });
  }
  for (let i = 0; i < runs; i++) {
    for (const [script, into] of [
      [['scripts/start.mjs'], untilUrl],
      [['out/main/web.cjs'], serverOnly],
    ] as const) {
      const dataDir = mkdtempSync(join(tmpdir(), 'desk-start-'));
      try {
        const run = await timeUntil(
          [...script, '--no-open', '--port', '0', '--data-dir', dataDir],
          'DESK_URL',
        );
        into.push(run.ms);
        if (browserPresent && script[0] === 'scripts/start.mjs')
          browser.push(await firstScreen(run.url, '首次使用设置'));
        await run.stop();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    nodeEmpty.push((await timeUntil(['-e', ''], '')).ms);
    const server = await timeUntil(['-e', bare], 'DESK_URL');
    bareServer.push(server.ms);
    if (browserPresent) browserBlank.push(await firstScreen(server.url, 'ok'));
    await server.stop();
  }
  const r = (xs: number[]) => round(median(xs), 0);
  return {
    runs,
    untilUrl: r(untilUrl),
    serverOnly: r(serverOnly),
    browser: browserPresent ? r(browser) : 0,
    firstScreen: browserPresent ? r(untilUrl) + r(browser) : null,
    floors: {
      nodeEmpty: r(nodeEmpty),
      bareServer: r(bareServer),
      browserBlank: browserPresent ? r(browserBlank) : null,
    },
  };
}

if (startedAs('startup')) {
  startupBench(Number(process.env.STARTUP_BENCH_RUNS ?? 5)).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
