import { parseArgs } from 'node:util';
import { defaultDataDir } from './dataDir';

export interface BrowserModeArgs {
  dataDir: string;
  port: number;
  open: boolean;
  testHooks: boolean;
}

export const usage = `用法：npm start -- [--data-dir 目录] [--port 端口] [--no-open]
  --data-dir  数据目录（默认：${defaultDataDir()}）
  --port      本机端口（默认随机）
  --no-open   不自动打开浏览器窗口，只打印地址`;

/** Throws with a Chinese message on a bad option, so the launcher can print it and stop. */
export function parseBrowserModeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): BrowserModeArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      'test-hooks': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) throw new Error(usage);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`端口“${values.port}”无效：请填写 0–65535 之间的整数`);
  }
  return {
    dataDir: values['data-dir'] ?? env.DESK_DATA_DIR ?? defaultDataDir(),
    port,
    open: !values['no-open'],
    testHooks: Boolean(values['test-hooks']),
  };
}
