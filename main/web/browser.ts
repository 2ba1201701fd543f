import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// Browser mode's window: Debian's (or any) Chromium in --app mode. The pages it shows hold ID
// numbers, names and phones, so the window must leave nothing behind:
// - a fresh profile in a private temp folder, deleted when the window closes (and, should the
//   app have been killed, by the next launch's sweep);
// - --incognito, so History, Sessions, the HTTP cache, cookies and form data never reach disk
//   even while the window is open; no crash dumps (they would hold page memory);
// - no secret on the command line, where `ps` shows it to every local user: the window opens a
//   small launch file inside the private profile, which forwards to the app with a one-time
//   code (see guards.ts); the code is dead once the page has traded it for its cookie.

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/microsoft-edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const PROFILE_PREFIX = 'desk-browser-';

export function findChromium(): string | null {
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** The flags every window gets; `profile` is the private, throwaway user-data-dir. */
export function chromiumArgs(profile: string, launchFile: string): string[] {
  const args = [
    `--app=${pathToFileURL(launchFile).href}`,
    `--user-data-dir=${profile}`,
    '--incognito',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-breakpad',
    '--disable-features=Translate,MediaRouter,AutofillServerCommunication',
    '--password-store=basic',
    '--window-size=1280,800',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

export interface AppWindow {
  /** The throwaway profile (gone once the window has closed). */
  profile: string;
  process: ChildProcess;
  /** Resolves with Chromium's exit code once the window is closed and the profile deleted. */
  closed: Promise<number | null>;
  /** Closes the window (if still open) and deletes the profile. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Tests only: e.g. a remote-debugging port to drive the window. */
  extraArgs?: string[];
  env?: NodeJS.ProcessEnv;
}

/** Opens the app in its own Chromium window (--app): no tabs, no address bar, nothing kept. */
export function openAppWindow(browser: string, launchUrl: string, options: OpenOptions = {}): AppWindow {
  sweepStaleProfiles();
  const profile = mkdtempSync(join(tmpdir(), PROFILE_PREFIX));
  const launchFile = join(profile, 'launch.html');
  writeFileSync(
    launchFile,
    `<!doctype html><meta charset="utf-8"><title>人民调解工作台</title>` +
      `<script>location.replace(${JSON.stringify(launchUrl)})</script>`,
    { mode: 0o600 },
  );
  const child = spawn(browser, [...chromiumArgs(profile, launchFile), ...(options.extraArgs ?? [])], {
    stdio: 'ignore',
    env: options.env ?? process.env,
  });
  const closed = new Promise<number | null>((resolve) => {
    const done = (code: number | null) => {
      removeProfile(profile);
      // Chromium's helper processes can outlive the main one by a moment and write as they go.
      setTimeout(() => {
        if (existsSync(profile)) removeProfile(profile);
        resolve(code);
      }, 1000);
    };
    child.once('exit', (code) => done(code));
    child.once('error', () => done(null));
  });
  return {
    profile,
    process: child,
    closed,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await closed;
    },
  };
}

function removeProfile(profile: string): void {
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch (error) {
    console.error(`[browser] could not delete the window's profile ${profile}`, (error as Error).message);
  }
}

/**
 * Profiles left by a window whose app was killed before it could clean up. Chromium marks a
 * profile in use with a SingletonLock link naming host and process; a profile whose process is
 * gone (or that never got that far, after a minute) is deleted.
 */
export function sweepStaleProfiles(dir = tmpdir(), now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.startsWith(PROFILE_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const profile = join(dir, name);
    try {
      if (inUse(profile)) continue;
      if (now - statSync(profile).mtimeMs < 60_000 && !existsSync(join(profile, 'Default'))) continue;
      rmSync(profile, { recursive: true, force: true });
    } catch {
      // Someone else's, or busy (Windows): leave it.
    }
  }
}

function inUse(profile: string): boolean {
  let target: string;
  try {
    target = readlinkSync(join(profile, 'SingletonLock'));
  } catch {
    return false;
  }
  const pid = Number(target.slice(target.lastIndexOf('-') + 1));
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
