import { join } from 'node:path';
import { testKdfCost } from '../core/auth/kdf';
import { ManualClock } from '../core/clock';
import { createApp } from '../ipc';
import { parseBrowserModeArgs } from './args';
import { findChromium, openAppWindow, type AppWindow } from './browser';
import { startWebServer } from './server';

// Browser mode: the same app behind the loopback transport, for machines without the Electron
// binary (build and CI machines) and for the end-to-end tests.

async function main(): Promise<void> {
  let args;
  try {
    args = parseBrowserModeArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const clock = args.testHooks ? new ManualClock() : undefined;
  // The end-to-end tests' server (--test-hooks) derives keys at a test cost: the same code path,
  // without a 128 MB scrypt for every one of the tests' hundreds of sign-ins and new accounts.
  const app = createApp({
    dataDir: args.dataDir,
    ...(clock ? { clock, kdfCost: testKdfCost } : {}),
  });
  app.session.startIdleWatch();
  app.backup.startSchedule();
  const server = await startWebServer({
    dispatch: app.dispatch,
    session: app.session,
    rendererDir: join(__dirname, '..', 'renderer'),
    port: args.port,
    ...(clock ? { testClock: clock } : {}),
  });
  console.log(`人民调解工作台（浏览器模式）已启动，数据目录：${args.dataDir}`);

  let window: AppWindow | null = null;
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await window?.close();
    await server.close();
    await app.close();
    process.exit(0);
  };
  /** The address to open by hand: its code works once, in one browser. */
  const printLaunchUrl = () => console.log(`DESK_URL ${server.launchUrl()}`);

  const browser = args.open ? findChromium() : null;
  if (browser) {
    window = openAppWindow(browser, server.launchUrl());
    console.log('已在 Chromium 窗口中打开；关闭窗口即退出并锁定数据。');
    void window.closed.then((code) => {
      if (code === 0) return shutdown();
      // Chromium could not start (or crashed): the app keeps running for a browser opened by hand.
      console.log('Chromium 窗口未能正常运行，请在浏览器中打开下面的地址（仅可使用一次）：');
      window = null;
      printLaunchUrl();
    });
  } else {
    if (args.open) console.log('未找到 Chromium/Chrome，请在浏览器中打开下面的地址（仅可使用一次）：');
    printLaunchUrl();
  }
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

void main();
