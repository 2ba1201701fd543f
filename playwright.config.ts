import { defineConfig } from '@playwright/test';

// End-to-end: the real renderer in Debian's Chromium against the real services over the
// loopback transport (each test file starts its own server on a fresh data dir: see
// tests/e2e/fixtures/desk.ts). Playwright's own browser download does not work here.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  // Each spec file starts its own server on a fresh data dir and port, so files run side by side;
  // two workers match the 2-core machines (DESK_E2E_WORKERS=1 to watch one at a time).
  workers: Number(process.env.DESK_E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The app honours the system's 'less motion' (renderer/app/theme.ts): no waiting for
    // dialogs and messages to slide in and out.
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.DESK_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
