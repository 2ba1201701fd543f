import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ManualClock } from '../core/clock';
import { createApp } from '../ipc';
import { parseBrowserModeArgs } from './args';
import { findChromium, openAppWindow } from './browser';
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
  const app = createApp({ dataDir: args.dataDir, ...(clock ? { clock } : {}) });
  app.session.startIdleWatch();
  app.backup.startSchedule();
  const token = args.token ?? randomBytes(32).toString('base64url');
  const server = await startWebServer({
    dispatch: app.dispatch,
    session: app.session,
    rendererDir: join(__dirname, '..', 'renderer'),
    token,
    port: args.port,
    ...(clock ? { testClock: clock } : {}),
  });
  const url = `${server.url}?token=${token}`;
  console.log(`人民调解工作台（浏览器模式）已启动，数据目录：${args.dataDir}`);
  console.log(`DESK_URL ${url}`);
  const browser = args.open ? findChromium() : null;
  if (browser) openAppWindow(browser, url);
  else if (args.open) console.log('未找到 Chromium/Chrome，请在浏览器中打开上面的地址。');

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

void main();
